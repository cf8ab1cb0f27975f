"""Fake repositories for channel subscriptions, channel digests and API keys."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from domain.api_keys import ApiKey, NewApiKey, StoredApiKey
from domain.digests import ChannelDigest
from domain.notifications import Subscription
from tests.unit.fakes.repository import Repository


class FakeSubscriptionRepository(Repository):
    """`teams_integration_settings`: one row per user."""

    async def for_user(self, user_id: str) -> Subscription | None:
        return self._tables.teams_integration_settings.get(user_id)

    async def save(self, subscription: Subscription, *, now: datetime) -> Subscription:
        self._uow.require("users", subscription.user_id)
        current = self._tables.teams_integration_settings.get(subscription.user_id)
        row_id = current.id if current else self._uow.database.next_id("teams_integration_settings")
        stored = replace(subscription, id=row_id)
        if current is None:
            self._uow.insert("teams_integration_settings", stored.user_id, stored)
        else:
            self._uow.update("teams_integration_settings", stored.user_id, stored)
        return stored

    async def for_channel(self, msteams_team_id: str, channel_id: str) -> list[Subscription]:
        rows = [
            s for s in self._tables.teams_integration_settings.values()
            if (s.msteams_team_id, s.channel_id) == (msteams_team_id, channel_id)
        ]
        return sorted(rows, key=lambda s: s.id or 0)


class FakeApiKeyRepository(Repository):
    """`api_keys`; whether the owner is active is read from `users`, as the SQL join does."""

    async def add(self, new: NewApiKey, *, now: datetime) -> ApiKey:
        self._uow.require("users", new.user_id)
        key = ApiKey(self._uow.database.next_id("api_keys"), new.user_id, new.name,
                     new.key_prefix, new.permissions, expires_at=new.expires_at, created_at=now)
        self._uow.insert("api_keys", key.id, StoredApiKey(key, new.key_hash, owner_active=True))
        return key

    async def get(self, key_id: int) -> ApiKey | None:
        stored = self._tables.api_keys.get(key_id)
        return stored.key if stored else None

    async def with_prefix(self, key_prefix: str) -> list[StoredApiKey]:
        return [
            replace(stored, owner_active=self._tables.users[stored.key.user_id].is_active)
            for stored in sorted(self._tables.api_keys.values(), key=lambda s: s.key.id)
            if stored.key.key_prefix == key_prefix
        ]

    async def all(self, *, user_id: str | None = None) -> list[ApiKey]:
        return [
            s.key for s in sorted(self._tables.api_keys.values(), key=lambda s: s.key.id)
            if user_id in (None, s.key.user_id)
        ]

    async def deactivate(self, key_id: int) -> bool:
        stored = self._tables.api_keys.get(key_id)
        if stored is None:
            return False
        self._uow.update("api_keys", key_id, replace(stored, key=replace(stored.key, is_active=False)))
        return True

    async def touch(self, key_id: int, *, now: datetime, unless_used_after: datetime) -> bool:
        await self._uow.lock(("api_keys", key_id))
        self._uow.refresh("api_keys", key_id)
        stored = self._tables.api_keys.get(key_id)
        if stored is None:
            return False
        used = stored.key.last_used_at
        if used is not None and used > unless_used_after:
            return False
        self._uow.update("api_keys", key_id, replace(stored, key=replace(stored.key, last_used_at=now)))
        return True


class FakeDigestRepository(Repository):
    """`bot_channel_digests`: one digest per channel."""

    async def for_channel(self, msteams_team_id: str, channel_id: str) -> ChannelDigest | None:
        return self._tables.bot_channel_digests.get((msteams_team_id, channel_id))

    async def save(self, digest: ChannelDigest, *, now: datetime) -> ChannelDigest:
        key = (digest.msteams_team_id, digest.channel_id)
        if key in self._tables.bot_channel_digests:
            self._uow.update("bot_channel_digests", key, digest)
        else:
            self._uow.insert("bot_channel_digests", key, digest)
        return digest

    async def remove(self, msteams_team_id: str, channel_id: str) -> int:
        return int(self._uow.delete("bot_channel_digests", (msteams_team_id, channel_id)))
