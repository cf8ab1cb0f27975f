"""The turn shortcuts: a reference differing only in its activity id is not rewritten,
and the viewer that routes a turn is remembered briefly, refusals never."""

from __future__ import annotations

from datetime import datetime

from bot.identity import RecentViewers
from domain.access import Viewer
from domain.chat import ConversationKind, ConversationRef
from domain.people import Role, User
from tests.unit.ticketflow.caching import Clock, CountingLinks, CountingRefs
from ticketflow.caches import CachedUserLinks, CoalescedConversationRefs


def a_ref(activity_id: str) -> ConversationRef:
    return ConversationRef(
        conversation_id="a:1", kind=ConversationKind.PERSONAL, service_url="https://smba/",
        reference={"activityId": activity_id, "conversation": {"id": "a:1"}}, user_id="u1",
    )


def a_viewer(user_id: str = "user-ada") -> Viewer:
    return Viewer(user=User(id=user_id, email="ada@example.com", role=Role.USER,
                            is_active=True, created_at=datetime(2025, 1, 1)))


async def test_a_reference_that_differs_only_in_its_activity_id_is_written_once() -> None:
    inner = CountingRefs()
    refs = CoalescedConversationRefs(inner, clock=Clock())

    for turn in range(5):
        await refs.upsert(a_ref(f"activity-{turn}"))

    assert inner.writes == 1


async def test_a_viewer_is_remembered_for_its_interval_only() -> None:
    clock = Clock()
    links = CachedUserLinks(CountingLinks(), viewer_ttl=30, clock=clock)
    assert isinstance(links, RecentViewers)
    ada = a_viewer()

    assert links.recent_viewer(ada.id) is None
    links.remember_viewer(ada)
    assert links.recent_viewer(ada.id) == ada
    clock.now = 31
    assert links.recent_viewer(ada.id) is None
