"""`smtp_settings` and `email_templates`: how mail goes out and what it says.

The web app keeps one SMTP row; the oldest row is the one used. The password
column holds a sealed token (see `notify.secrets`), never the password itself.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.records import first_value, to_row, to_value
from db.tables import email_templates, smtp_settings
from notify.email_settings import EmailTemplate, SmtpSettings


class SqlEmailSettings:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def smtp(self) -> SmtpSettings | None:
        query = select(smtp_settings).order_by(smtp_settings.c.id).limit(1)
        async with self._engine.connect() as connection:
            return first_value(SmtpSettings, await connection.execute(query))

    async def save_smtp(self, settings: SmtpSettings, *, now: datetime) -> SmtpSettings:
        values = to_row(settings, smtp_settings, exclude=frozenset({"id"})) | {"updated_at": now}
        async with self._engine.begin() as connection:
            current = (
                await connection.execute(
                    select(smtp_settings.c.id).order_by(smtp_settings.c.id).limit(1)
                )
            ).scalar()
            statement = (
                smtp_settings.insert().values(**values)
                if current is None
                else smtp_settings.update().where(smtp_settings.c.id == current).values(**values)
            )
            row = (await connection.execute(statement.returning(smtp_settings))).mappings().one()
        return to_value(SmtpSettings, row)

    async def template(self, name: str) -> EmailTemplate | None:
        """The active template of that name, or None (the built-in default applies)."""
        query = select(email_templates).where(
            email_templates.c.name == name, email_templates.c.is_active.is_not(False)
        )
        async with self._engine.connect() as connection:
            return first_value(EmailTemplate, await connection.execute(query))
