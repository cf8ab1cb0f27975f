"""`users` and the team facts the access rule needs."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import and_, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.records import first_value, to_row, to_value
from db.tables import team_members, users
from domain.access import Viewer
from domain.people import NewUser, Role, User


_MEMBER_OF = "member_of_team_id"
_TEAMMATE = "teammate_user_id"
"""The labels of the team and teammate columns joined onto a user row; no `users` column
is named so."""

_MEMBER, _MATE = team_members.alias("member"), team_members.alias("mate")
_VIEWER = (
    select(users, _MEMBER.c.team_id.label(_MEMBER_OF), _MATE.c.user_id.label(_TEAMMATE))
    .outerjoin(_MEMBER, _MEMBER.c.user_id == users.c.id)
    .outerjoin(_MATE, and_(_MATE.c.team_id == _MEMBER.c.team_id,
                           users.c.role == Role.MANAGER.value))
    .where(users.c.id == bindparam("user_id"))
)
"""Built once, like the tables: the statement every use case starts with skips being
rebuilt (and its aliases' columns regenerated) on every call."""
_USER = select(users).where(users.c.id == bindparam("user_id"))


class SqlUserRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, user_id: str) -> User | None:
        return first_value(User, await self._db.execute(_USER, {"user_id": user_id}))

    async def get_by_email(self, email: str) -> User | None:
        query = (
            select(users)
            .where(func.lower(users.c.email) == email.lower())
            .order_by(users.c.created_at)
            .limit(1)
        )
        return first_value(User, await self._db.execute(query))

    async def add(self, new: NewUser, *, now: datetime) -> User:
        user = User(
            id=str(uuid.uuid4()),
            email=new.email,
            first_name=new.first_name,
            last_name=new.last_name,
            role=new.role,
            department=new.department,
            is_active=True,
            created_at=now,
        )
        await self._db.execute(users.insert().values(**to_row(user, users), updated_at=now))
        return user

    async def save(self, user: User, *, now: datetime) -> None:
        values = to_row(user, users, exclude=frozenset({"id", "created_at"}))
        await self._db.execute(
            users.update().where(users.c.id == user.id).values(**values, updated_at=now)
        )

    async def all(self, *, include_inactive: bool = False) -> list[User]:
        query = select(users).order_by(users.c.email)
        if not include_inactive:
            query = query.where(users.c.is_active.is_not(False))
        rows = (await self._db.execute(query)).mappings()
        return [to_value(User, row) for row in rows]

    async def assignable(self, *, text: str, limit: int, excluding: str | None = None
                         ) -> list[User]:
        query = select(users).where(
            users.c.is_active.is_not(False), users.c.role != Role.CUSTOMER.value
        )
        if text:
            full_name = func.coalesce(users.c.first_name, "") + " " + func.coalesce(
                users.c.last_name, "")
            query = query.where(
                full_name.icontains(text, autoescape=True)
                | users.c.email.icontains(text, autoescape=True)
            )
        if excluding is not None:
            query = query.where(users.c.id != excluding)
        by_name = (func.lower(users.c.first_name), func.lower(users.c.last_name), users.c.id)
        rows = (await self._db.execute(query.order_by(*by_name).limit(limit))).mappings()
        return [to_value(User, row) for row in rows]

    async def viewer(self, user_id: str) -> Viewer | None:
        """One statement for the user, their teams and -- for a manager, whose access the
        teammates decide -- everyone in those teams (every use case starts here)."""
        rows = (await self._db.execute(_VIEWER, {"user_id": user_id})).mappings().all()
        if not rows:
            return None
        user = to_value(User, rows[0])
        team_ids = frozenset(row[_MEMBER_OF] for row in rows if row[_MEMBER_OF] is not None)
        teammates: frozenset[str] = frozenset()
        if user.role is Role.MANAGER:
            teammates = frozenset(row[_TEAMMATE] for row in rows if row[_TEAMMATE] is not None)
        return Viewer(user=user, team_ids=team_ids, teammate_ids=teammates)
