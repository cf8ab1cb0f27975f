"""What drawing a batch of notification cards reads: tickets, people and team names.

One query per kind for the whole batch, so a worker delivering a hundred rows
reads the database a handful of times rather than a few hundred.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.records import to_value
from db.repositories.company import SqlCompanySettingsRepository
from db.tables import tasks, teams, users
from domain.company import CompanySettings
from domain.people import User
from domain.tickets import Ticket


class SqlNotificationFacts:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def tickets(self, ids: Collection[int]) -> dict[int, Ticket]:
        if not ids:
            return {}
        rows = await self._db.execute(select(tasks).where(tasks.c.id.in_(sorted(set(ids)))))
        return {row["id"]: to_value(Ticket, row) for row in rows.mappings()}

    async def users(self, ids: Collection[str]) -> dict[str, User]:
        if not ids:
            return {}
        rows = await self._db.execute(select(users).where(users.c.id.in_(sorted(set(ids)))))
        return {row["id"]: to_value(User, row) for row in rows.mappings()}

    async def team_names(self, ids: Collection[int]) -> dict[int, str]:
        if not ids:
            return {}
        rows = await self._db.execute(
            select(teams.c.id, teams.c.name).where(teams.c.id.in_(sorted(set(ids))))
        )
        return {team_id: name for team_id, name in rows.all()}

    async def company(self) -> CompanySettings:
        return await SqlCompanySettingsRepository(self._db).get()
