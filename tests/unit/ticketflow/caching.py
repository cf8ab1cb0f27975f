"""What the cache tests count: a clock they move by hand, and stores that count their calls."""

from __future__ import annotations

from domain.chat import ConversationRef, TeamsIdentity
from tests.unit.fakes.chat import FakeConversationRefs, FakeUserLinks


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class CountingRefs(FakeConversationRefs):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    async def upsert(self, ref: ConversationRef) -> None:
        self.writes += 1
        await super().upsert(ref)


class CountingLinks(FakeUserLinks):
    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    async def user_for(self, identity: TeamsIdentity) -> str | None:
        self.reads += 1
        return await super().user_for(identity)
