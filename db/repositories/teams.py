"""`teams` and `team_members`."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.lists import one_of
from db.records import first_value, to_row, to_value
from db.tables import team_members, teams
from domain.people import Membership, Team


_TEAM = select(teams).where(teams.c.id == bindparam("team_id"))
_BY_NAME = (teams.c.name, teams.c.id)
@cache
def _among(dialect: str) -> Select[tuple[Any, ...]]:
    """Built once per dialect: a card's assign picker lists the viewer's own teams on every
    draw."""
    return (
        select(teams).where(one_of(teams.c.id, "among", dialect))
        .order_by(*_BY_NAME).limit(bindparam("limit"))
    )


class SqlTeamRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, team_id: int) -> Team | None:
        return first_value(Team, await self._db.execute(_TEAM, {"team_id": team_id}))

    async def get_by_name(self, name: str) -> Team | None:
        query = (
            select(teams)
            .where(func.lower(teams.c.name) == name.strip().lower())
            .order_by(teams.c.id)
            .limit(1)
        )
        return first_value(Team, await self._db.execute(query))

    async def add(
        self, *, name: str, description: str | None, created_by: str | None, now: datetime
    ) -> Team:
        result = await self._db.execute(
            teams.insert()
            .values(name=name, description=description, created_by=created_by, created_at=now)
            .returning(teams.c.id)
        )
        return Team(result.scalar_one(), name, description, created_by)

    async def all(self) -> list[Team]:
        rows = (await self._db.execute(select(teams).order_by(teams.c.name))).mappings()
        return [to_value(Team, row) for row in rows]

    async def named(self, *, text: str, limit: int, among: frozenset[int] | None = None
                    ) -> list[Team]:
        if not text and among is not None:
            found = await self._db.execute(_among(self._db.dialect.name), {"among": sorted(among), "limit": limit})
            return [to_value(Team, row) for row in found.mappings()]
        query = select(teams)
        if text:
            query = query.where(teams.c.name.icontains(text, autoescape=True))
        if among is not None:
            query = query.where(teams.c.id.in_(sorted(among)))
        rows = (await self._db.execute(query.order_by(*_BY_NAME).limit(limit)))
        return [to_value(Team, row) for row in rows.mappings()]

    async def members(self, team_id: int) -> list[Membership]:
        query = select(team_members).where(team_members.c.team_id == team_id)
        rows = (await self._db.execute(query.order_by(team_members.c.id))).mappings()
        return [to_value(Membership, row) for row in rows]

    async def membership(self, team_id: int, user_id: str) -> Membership | None:
        query = select(team_members).where(
            team_members.c.team_id == team_id, team_members.c.user_id == user_id
        )
        return first_value(Membership, await self._db.execute(query.limit(1)))

    async def add_member(self, membership: Membership, *, now: datetime) -> None:
        await self._db.execute(
            team_members.insert().values(**to_row(membership, team_members), joined_at=now)
        )

    async def remove_member(self, team_id: int, user_id: str) -> bool:
        result = await self._db.execute(team_members.delete().where(
            team_members.c.team_id == team_id, team_members.c.user_id == user_id))
        return bool(result.rowcount)

