"""An in-memory `ApiKeyRepository` keeping the promises the SQL one keeps."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from domain.api_keys import ApiKey, NewApiKey, StoredApiKey
from tests.unit.fakes import FakeDatabase


class FakeApiKeys:
    def __init__(self, database: FakeDatabase) -> None:
        self._database = database
        self.rows: dict[int, StoredApiKey] = {}
        self.touches = 0

    async def add(self, new: NewApiKey, *, now: datetime) -> ApiKey:
        key = ApiKey(len(self.rows) + 1, new.user_id, new.name, new.key_prefix, new.permissions,
                     expires_at=new.expires_at, created_at=now)
        self.rows[key.id] = StoredApiKey(key, new.key_hash, owner_active=True)
        return key

    async def get(self, key_id: int) -> ApiKey | None:
        stored = self.rows.get(key_id)
        return stored.key if stored else None

    async def with_prefix(self, key_prefix: str) -> list[StoredApiKey]:
        return [
            replace(stored, owner_active=self._database.user(stored.key.user_id).is_active)
            for stored in self.rows.values() if stored.key.key_prefix == key_prefix
        ]

    async def all(self, *, user_id: str | None = None) -> list[ApiKey]:
        return [s.key for s in self.rows.values() if user_id in (None, s.key.user_id)]

    async def deactivate(self, key_id: int) -> bool:
        stored = self.rows[key_id]
        self.rows[key_id] = replace(stored, key=replace(stored.key, is_active=False))
        return True

    async def touch(self, key_id: int, *, now: datetime, unless_used_after: datetime) -> bool:
        stored = self.rows[key_id]
        used = stored.key.last_used_at
        if used is not None and used > unless_used_after:
            return False
        self.touches += 1
        self.rows[key_id] = replace(stored, key=replace(stored.key, last_used_at=now))
        return True

    def hash_of(self, key_id: int) -> str:
        return self.rows[key_id].key_hash
