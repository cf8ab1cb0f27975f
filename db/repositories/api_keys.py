"""`api_keys` on the unit of work's connection.

Authentication runs in a unit of work of its own, before the request's use case:
noting a key's use neither waits for, nor is rolled back with, the change the
request makes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, RowMapping, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tables import api_keys, users
from domain.api_keys import ApiKey, NewApiKey, Permission, StoredApiKey

_KNOWN = frozenset(p.value for p in Permission)
SERIAL_MAX = 2**31 - 1  # `id serial`: a bigger id cannot exist, and PostgreSQL would refuse it


def _permissions(stored: Iterable[str] | None) -> frozenset[Permission]:
    """Permissions this service knows; others the web app may grant are ignored, not fatal."""
    return frozenset(Permission(p) for p in stored or () if p in _KNOWN)


def _key(row: RowMapping) -> ApiKey:
    return ApiKey(
        id=row["id"],
        user_id=row["user_id"],
        name=row["name"],
        key_prefix=row["key_prefix"],
        permissions=_permissions(row["permissions"]),
        last_used_at=row["last_used_at"],
        expires_at=row["expires_at"],
        is_active=row["is_active"] is not False,  # NULL is the column default, true
        created_at=row["created_at"],
    )


class SqlApiKeyRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(self, new: NewApiKey, *, now: datetime) -> ApiKey:
        values = {
            "user_id": new.user_id,
            "name": new.name,
            "key_hash": new.key_hash,
            "key_prefix": new.key_prefix,
            "permissions": sorted(p.value for p in new.permissions),
            "expires_at": new.expires_at,
            "is_active": True,
            "created_at": now,
        }
        inserted = api_keys.insert().values(**values).returning(api_keys)
        return _key((await self._db.execute(inserted)).mappings().one())

    async def get(self, key_id: int) -> ApiKey | None:
        if not 0 < key_id <= SERIAL_MAX:
            return None
        query = select(api_keys).where(api_keys.c.id == key_id)
        row = (await self._db.execute(query)).mappings().first()
        return _key(row) if row else None

    async def with_prefix(self, key_prefix: str) -> list[StoredApiKey]:
        query = (
            select(api_keys, users.c.is_active.label("owner_active"))
            .join(users, users.c.id == api_keys.c.user_id)
            .where(api_keys.c.key_prefix == key_prefix)
            .order_by(api_keys.c.id)
        )
        rows = (await self._db.execute(query)).mappings().all()
        return [
            StoredApiKey(_key(row), row["key_hash"], owner_active=row["owner_active"] is not False)
            for row in rows
        ]

    async def all(self, *, user_id: str | None = None) -> list[ApiKey]:
        query = select(api_keys).order_by(api_keys.c.id)
        if user_id is not None:
            query = query.where(api_keys.c.user_id == user_id)
        rows = (await self._db.execute(query)).mappings().all()
        return [_key(row) for row in rows]

    async def deactivate(self, key_id: int) -> bool:
        statement = api_keys.update().where(api_keys.c.id == key_id).values(is_active=False)
        return (await self._db.execute(statement)).rowcount > 0

    async def touch(self, key_id: int, *, now: datetime, unless_used_after: datetime) -> bool:
        not_recent: ColumnElement[bool] = or_(
            api_keys.c.last_used_at.is_(None), api_keys.c.last_used_at <= unless_used_after
        )
        statement = (
            api_keys.update().where(api_keys.c.id == key_id, not_recent).values(last_used_at=now)
        )
        return (await self._db.execute(statement)).rowcount > 0
