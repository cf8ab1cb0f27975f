"""Per-process shortcuts for the writes and reads every turn would otherwise repeat.

All are safe with several replicas: a link is only ever added (a stale answer is
re-checked by the viewer lookup that follows); the viewer remembered for routing a turn
grants nothing, since every use case loads the viewer again in its own transaction;
and skipping an unchanged conversation reference loses nothing another process could
need.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import OrderedDict
from collections.abc import Callable

from domain.access import Viewer
from domain.chat import ConversationRef, TeamsIdentity
from domain.ports import ConversationRefRepository, UserLinkRepository

Clock = Callable[[], float]


class _Recent:
    """A bounded map whose entries expire."""

    def __init__(self, *, ttl: float, size: int, clock: Clock) -> None:
        self._ttl, self._size, self._clock = ttl, size, clock
        self._items: OrderedDict[object, tuple[float, object]] = OrderedDict()

    def get(self, key: object) -> object | None:
        found = self._items.get(key)
        if found is None or self._clock() - found[0] > self._ttl:
            self._items.pop(key, None)
            return None
        return found[1]

    def put(self, key: object, value: object) -> None:
        self._items[key] = (self._clock(), value)
        self._items.move_to_end(key)
        while len(self._items) > self._size:
            self._items.popitem(last=False)

    def drop(self, key: object) -> None:
        self._items.pop(key, None)


class CachedUserLinks:
    """Links, and the viewer last loaded for each linked user (`bot.identity.RecentViewers`).

    A viewer is kept for `viewer_ttl` seconds: long enough to cover a person's burst of
    messages and button presses, short enough that a role change or a deactivation
    shows in their help card soon (the access rule itself never reads this copy).
    """

    def __init__(self, inner: UserLinkRepository, *, ttl: float = 60.0, size: int = 10_000,
                 viewer_ttl: float = 30.0, clock: Clock = time.monotonic) -> None:
        self._inner = inner
        self._recent = _Recent(ttl=ttl, size=size, clock=clock)
        self._viewers = _Recent(ttl=viewer_ttl, size=size, clock=clock)

    def recent_viewer(self, user_id: str) -> Viewer | None:
        viewer = self._viewers.get(user_id)
        return viewer if isinstance(viewer, Viewer) else None

    def remember_viewer(self, viewer: Viewer) -> None:
        self._viewers.put(viewer.id, viewer)

    async def user_for(self, identity: TeamsIdentity) -> str | None:
        cached = self._recent.get(identity)
        if isinstance(cached, str):
            return cached
        user_id = await self._inner.user_for(identity)
        if user_id is not None:
            self._recent.put(identity, user_id)
        return user_id

    async def link(self, identity: TeamsIdentity, user_id: str) -> None:
        await self._inner.link(identity, user_id)
        self._recent.put(identity, user_id)

    async def identities_of(self, user_id: str) -> list[TeamsIdentity]:
        return await self._inner.identities_of(user_id)


class CoalescedConversationRefs:
    """Writes a conversation reference when it changed, or at least every `refresh` seconds."""

    def __init__(self, inner: ConversationRefRepository, *, refresh: float = 600.0,
                 size: int = 10_000, clock: Clock = time.monotonic) -> None:
        self._inner = inner
        self._written = _Recent(ttl=refresh, size=size, clock=clock)

    async def upsert(self, ref: ConversationRef) -> None:
        digest = _digest(ref)
        if self._written.get(ref.conversation_id) == digest:
            return
        await self._inner.upsert(ref)
        self._written.put(ref.conversation_id, digest)

    async def remove(self, conversation_id: str) -> None:
        self._written.drop(conversation_id)
        await self._inner.remove(conversation_id)

    async def remove_team(self, msteams_team_id: str) -> list[str]:
        removed = await self._inner.remove_team(msteams_team_id)
        for conversation_id in removed:
            self._written.drop(conversation_id)
        return removed

    async def get(self, conversation_id: str) -> ConversationRef | None:
        return await self._inner.get(conversation_id)

    async def personal_for(self, user_id: str) -> ConversationRef | None:
        return await self._inner.personal_for(user_id)

    async def channel(self, msteams_team_id: str, channel_id: str) -> ConversationRef | None:
        return await self._inner.channel(msteams_team_id, channel_id)


# The id of the activity a reference was taken from changes on every turn, and nothing
# reads it back: proactive sends clear it (`bot.proactive`) so they post anew. Counting it
# as a change would write the reference on every turn.
_PER_TURN_KEYS = frozenset({"activityId", "activity_id"})


def _digest(ref: ConversationRef) -> str:
    reference = {k: v for k, v in ref.reference.items() if k not in _PER_TURN_KEYS}
    fields = [ref.kind.value, ref.service_url, ref.tenant_id, ref.msteams_team_id, ref.channel_id,
              ref.user_id, reference]
    return hashlib.sha256(json.dumps(fields, sort_keys=True, default=str).encode()).hexdigest()
