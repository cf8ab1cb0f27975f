"""The per-process shortcuts save repeated reads and writes without hiding changes."""

from __future__ import annotations

from typing import Any

from domain.chat import ConversationKind, ConversationRef, TeamsIdentity
from tests.unit.ticketflow.caching import Clock, CountingLinks, CountingRefs
from ticketflow.caches import CachedUserLinks, CoalescedConversationRefs


def a_ref(**changes: Any) -> ConversationRef:
    fields: dict[str, Any] = dict(
        conversation_id="a:1", kind=ConversationKind.PERSONAL, service_url="https://smba/",
        reference={"conversation": {"id": "a:1"}}, user_id="u1",
    )
    return ConversationRef(**{**fields, **changes})


async def test_an_unchanged_reference_is_written_once_until_the_refresh_interval() -> None:
    inner, clock = CountingRefs(), Clock()
    refs = CoalescedConversationRefs(inner, refresh=600, clock=clock)
    for _ in range(5):
        await refs.upsert(a_ref())
    assert inner.writes == 1
    await refs.upsert(a_ref(service_url="https://smba.other/"))
    assert inner.writes == 2
    clock.now = 601
    await refs.upsert(a_ref(service_url="https://smba.other/"))
    assert inner.writes == 3


async def test_a_removed_reference_is_written_again_when_the_bot_comes_back() -> None:
    inner = CountingRefs()
    refs = CoalescedConversationRefs(inner, clock=Clock())
    await refs.upsert(a_ref())
    await refs.remove("a:1")
    await refs.upsert(a_ref())
    assert inner.writes == 2 and await inner.get("a:1") is not None


async def test_a_reference_of_a_removed_team_is_written_again_when_heard_from() -> None:
    inner = CountingRefs()
    refs = CoalescedConversationRefs(inner, clock=Clock())
    in_team = a_ref(conversation_id="19:c", kind=ConversationKind.CHANNEL, user_id=None,
                    msteams_team_id="19:team", channel_id="19:c")
    await refs.upsert(in_team)
    assert await refs.remove_team("19:team") == ["19:c"]
    await refs.upsert(in_team)
    assert inner.writes == 2 and await inner.get("19:c") is not None


async def test_links_are_read_once_per_interval_and_unknown_people_are_not_cached() -> None:
    inner, clock = CountingLinks(), Clock()
    links = CachedUserLinks(inner, ttl=60, clock=clock)
    ada = TeamsIdentity("tenant", "29:ada")
    assert await links.user_for(ada) is None
    await links.link(ada, "user-ada")
    assert await links.user_for(ada) == "user-ada"
    assert await links.user_for(ada) == "user-ada"
    assert inner.reads == 1
    clock.now = 61
    assert await links.user_for(ada) == "user-ada"
    assert inner.reads == 2
