"""Fakes for the bot's own storage ports: state documents, conversations, links, receipts.

Each call is atomic on its own, as each is one statement (or one short
transaction) in `db/`; none of them takes part in a ticket's unit of work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from domain.chat import (
    ConversationKind,
    ConversationRef,
    DocumentWrite,
    StoredDocument,
    TeamsIdentity,
)
from domain.clock import utcnow
from domain.errors import StaleDocument

Clock = Callable[[], datetime]


class FakeStateDocuments:
    """botbuilder's storage contract: `*` or no e-tag overwrites; any other e-tag must match.

    As in botbuilder's MemoryStorage, an e-tag given for a document that does not
    exist (any more) does not block the write.
    """

    def __init__(self) -> None:
        self.documents: dict[str, StoredDocument] = {}
        self._version = 0

    async def read(self, keys: Sequence[str]) -> dict[str, StoredDocument]:
        return {key: self.documents[key] for key in keys if key in self.documents}

    async def write(self, writes: Mapping[str, DocumentWrite]) -> dict[str, str]:
        for key, write in writes.items():
            stored = self.documents.get(key)
            expected = write.expected_e_tag
            if stored is not None and expected not in (None, "*") and expected != stored.e_tag:
                raise StaleDocument(key)
        e_tags: dict[str, str] = {}
        for key, write in writes.items():
            self._version += 1
            e_tags[key] = f'"{self._version}"'
            self.documents[key] = StoredDocument(dict(write.document), e_tags[key])
        return e_tags

    async def delete(self, keys: Sequence[str]) -> None:
        for key in keys:
            self.documents.pop(key, None)

    async def merge(self, key: str, values: Mapping[str, str]) -> str:
        stored = self.documents.get(key)
        self._version += 1
        e_tag = f'"{self._version}"'
        self.documents[key] = StoredDocument(
            {**(stored.document if stored else {}), **values}, e_tag)
        return e_tag


class FakeConversationRefs:
    def __init__(self, *, clock: Clock = utcnow) -> None:
        self.refs: dict[str, ConversationRef] = {}
        self._clock = clock

    async def upsert(self, ref: ConversationRef) -> None:
        self.refs[ref.conversation_id] = replace(ref, updated_at=ref.updated_at or self._clock())

    async def remove(self, conversation_id: str) -> None:
        self.refs.pop(conversation_id, None)

    async def remove_team(self, msteams_team_id: str) -> list[str]:
        removed = [key for key, ref in self.refs.items() if ref.msteams_team_id == msteams_team_id]
        for key in removed:
            del self.refs[key]
        return removed

    async def get(self, conversation_id: str) -> ConversationRef | None:
        return self.refs.get(conversation_id)

    async def personal_for(self, user_id: str) -> ConversationRef | None:
        """The most recently used personal chat with that user."""
        return self._newest(
            r for r in self.refs.values()
            if r.kind is ConversationKind.PERSONAL and r.user_id == user_id
        )

    async def channel(self, msteams_team_id: str, channel_id: str) -> ConversationRef | None:
        return self._newest(
            r for r in self.refs.values()
            if r.kind is ConversationKind.CHANNEL
            and (r.msteams_team_id, r.channel_id) == (msteams_team_id, channel_id)
        )

    @staticmethod
    def _newest(refs: Iterable[ConversationRef]) -> ConversationRef | None:
        return max(refs, key=lambda r: r.updated_at or datetime.min, default=None)


class FakeUserLinks:
    """One link per Teams user within a tenant; linking again moves it to the new user."""

    def __init__(self) -> None:
        self.links: dict[tuple[str, str], tuple[TeamsIdentity, str]] = {}

    async def user_for(self, identity: TeamsIdentity) -> str | None:
        link = self.links.get((identity.tenant_id, identity.teams_user_id))
        return link[1] if link else None

    async def link(self, identity: TeamsIdentity, user_id: str) -> None:
        self.links[(identity.tenant_id, identity.teams_user_id)] = (identity, user_id)

    async def identities_of(self, user_id: str) -> list[TeamsIdentity]:
        return [identity for identity, linked in self.links.values() if linked == user_id]


class FakeActivityReceipts:
    def __init__(self, *, clock: Clock = utcnow) -> None:
        self.claims: dict[str, tuple[str | None, datetime]] = {}
        self._clock = clock

    async def claim(self, activity_id: str, conversation_id: str | None) -> bool:
        if activity_id in self.claims:
            return False
        self.claims[activity_id] = (conversation_id, self._clock())
        return True

    async def release(self, activity_id: str) -> None:
        self.claims.pop(activity_id, None)

    async def forget_older_than(self, cutoff: datetime) -> int:
        old = [key for key, (_, claimed_at) in self.claims.items() if claimed_at < cutoff]
        for key in old:
            del self.claims[key]
        return len(old)
