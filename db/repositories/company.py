"""`company_settings`: one row, created with TicketFlow's defaults when missing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.records import to_row, to_value
from db.tables import company_settings
from domain.company import CompanySettings


_SETTINGS = select(company_settings).order_by(company_settings.c.id).limit(1)
"""Built once: every card reads it."""


class SqlCompanySettingsRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def _row_id(self) -> int | None:
        query = select(company_settings.c.id).order_by(company_settings.c.id).limit(1)
        return (await self._db.execute(query)).scalar()

    async def get(self) -> CompanySettings:
        row = (await self._db.execute(_SETTINGS)).mappings().first()
        return to_value(CompanySettings, row) if row else CompanySettings()

    async def save(self, settings: CompanySettings, *, updated_by: str, now: datetime) -> None:
        values = to_row(settings, company_settings) | {"updated_by": updated_by, "updated_at": now}
        row_id = await self._row_id()
        if row_id is None:
            await self._db.execute(company_settings.insert().values(**values))
        else:
            await self._db.execute(
                company_settings.update().where(company_settings.c.id == row_id).values(**values)
            )
