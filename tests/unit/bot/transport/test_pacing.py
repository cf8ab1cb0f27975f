"""Pacing against an injected clock: sends per window are counted, nothing sleeps."""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Sequence

import pytest
from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ConversationReference

from bot.transport.activity_json import model_json
from bot.transport.adapter import conversation_tenant, tenant_of, with_tenant
from bot.transport.pacing import (
    PACED_APP_LIMIT,
    TEAMS_APP_LIMIT,
    TEAMS_CONVERSATION_LIMITS,
    ConversationPacer,
    RateWindow,
)
from tests.e2e.teams_doubles.clock import ManualClock


def most_in_any_window(times: Sequence[float], seconds: float) -> int:
    """The most sends inside any closed window of `seconds`, edges included."""
    ordered = sorted(times)
    return max(
        sum(1 for t in ordered if start <= t <= start + seconds + 1e-9) for start in ordered
    )


def test_a_burst_to_one_conversation_stays_below_every_teams_window_edges_included() -> None:
    pacer = ConversationPacer(clock=ManualClock(start=0.0))

    times = [pacer.reserve("19:chat@thread.v2", now=0.0) for _ in range(200)]

    counts = {w.seconds: most_in_any_window(times, w.seconds) for w in TEAMS_CONVERSATION_LIMITS}
    assert counts[1.0] == 6 and counts[2.0] == 7 and counts[30.0] <= 55
    assert all(counts[w.seconds] < w.limit for w in TEAMS_CONVERSATION_LIMITS)


def test_a_channel_and_its_threads_share_one_budget() -> None:
    pacer = ConversationPacer(clock=ManualClock(start=0.0))
    channel = "19:general@thread.skype"
    ids = [channel, *(f"{channel};messageid={n}" for n in range(1, 16))]

    times = [pacer.reserve(conversation_id, now=0.0) for conversation_id in ids]

    assert most_in_any_window(times, 1.0) == 6
    assert most_in_any_window(times, 2.0) == 7


def test_two_chats_are_paced_apart_from_each_other() -> None:
    pacer = ConversationPacer(clock=ManualClock(start=0.0))

    first = [pacer.reserve("a:personal", now=0.0) for _ in range(6)]
    second = [pacer.reserve("b:personal", now=0.0) for _ in range(6)]

    assert first == second == [0.0] * 6


def test_sends_across_many_conversations_keep_below_the_app_budget() -> None:
    pacer = ConversationPacer(clock=ManualClock(start=0.0))

    times = [
        pacer.reserve(f"a:chat-{n % 150}", now=0.0) for n in range(600)
    ]

    assert most_in_any_window(times, TEAMS_APP_LIMIT.seconds) == 40 < TEAMS_APP_LIMIT.limit
    assert max(times) < 31.0


def test_a_held_conversation_does_not_hold_up_the_app_budget_for_others() -> None:
    clock = ManualClock(start=0.0)
    pacer = ConversationPacer(clock=clock, windows=(RateWindow(limit=1000, seconds=1.0),))

    pacer.hold("a:busy", seconds=60)
    held = [pacer.reserve("a:busy", now=0.0) for _ in range(3)]
    quiet = pacer.reserve("a:quiet", now=0.0)

    assert held == [60.0] * 3 and quiet == 0.0


def test_a_hold_on_a_thread_holds_its_channel() -> None:
    pacer = ConversationPacer(clock=ManualClock(start=0.0))

    pacer.hold("19:general@thread.skype;messageid=17", seconds=5)

    assert pacer.reserve("19:general@thread.skype", now=0.0) == 5.0


def most_in_any_open_window(times: Sequence[float], seconds: float) -> int:
    """The most sends inside any window of `seconds` that leaves its end out."""
    ordered = sorted(times)
    return max(bisect_left(ordered, start + seconds) - n for n, start in enumerate(ordered))


ONE_TENANT = "72f988bf-0000-4000-8000-000000000001"
OTHER_TENANT = "0e3a51c2-0000-4000-8000-000000000002"
APP_WIDE = (RateWindow(limit=1000, seconds=1.0),)
"""Conversation windows that never bind, so only the app budget shapes the bookings."""


def test_a_full_app_budget_sends_in_sliding_windows_not_whole_seconds() -> None:
    pacer = ConversationPacer(clock=ManualClock(start=0.0))

    times = [pacer.reserve(f"a:chat-{n % 150}", now=0.3, tenant_id=ONE_TENANT) for n in range(120)]

    assert times == pytest.approx([0.3] * 40 + [1.4] * 40 + [2.5] * 40)


def test_sustained_sends_approach_the_app_limit_and_no_sliding_second_exceeds_it() -> None:
    clock = ManualClock(start=0.0)
    pacer = ConversationPacer(clock=clock)
    asked = random.Random(14)
    times: list[float] = []

    while clock.now < 30.0:  # 60 sends asked for a second, from 200 conversations
        times += [
            pacer.reserve(f"a:chat-{asked.randrange(200)}", now=clock.now, tenant_id=ONE_TENANT)
            for _ in range(3)
        ]
        clock.advance(0.05)

    sent_by_30s = sum(1 for t in times if t < 30.0)
    assert most_in_any_window(times, TEAMS_APP_LIMIT.seconds) <= 40 < TEAMS_APP_LIMIT.limit
    assert most_in_any_open_window(times, PACED_APP_LIMIT.seconds) <= PACED_APP_LIMIT.limit
    assert sent_by_30s >= 36 * 29


def test_a_booking_between_bookings_made_ahead_takes_the_first_moment_with_room() -> None:
    pacer = ConversationPacer(clock=ManualClock(start=0.0), windows=APP_WIDE)
    for n in range(40):
        pacer.hold(f"a:held-{n}", seconds=0.5 + n / 100)  # held until 0.5 … 0.89
    ahead = [pacer.reserve(f"a:held-{n}", now=0.0) for n in range(40)]

    now = [pacer.reserve(f"a:quiet-{n}", now=0.0) for n in range(3)]

    assert ahead == [0.5 + n / 100 for n in range(40)]
    assert now == [1.6, 1.61, 1.62]  # the window of 0.5 … 0.89 only clears a tenth at a time
    assert most_in_any_open_window(ahead + now, 1.1) == 40


def test_every_booking_is_the_earliest_the_window_allows_whatever_the_order() -> None:
    pacer = ConversationPacer(clock=ManualClock(start=0.0), windows=APP_WIDE)
    asked = random.Random(7)
    times: list[float] = []

    for step in range(400):
        now = step * 0.02
        wanted = now
        if asked.random() < 0.2:  # held: books ahead of the others
            wanted = now + asked.uniform(0.0, 3.0)
            pacer.hold(f"a:chat-{step}", seconds=wanted - now)
        at = pacer.reserve(f"a:chat-{step}", now=now)
        if at > wanted:  # any earlier moment from the one wanted would crowd some window
            for earlier in (wanted, (wanted + at) / 2, at - 0.001):
                if earlier >= wanted:
                    assert most_in_any_open_window([*times, earlier], 1.1) > 40
        times.append(at)

    assert most_in_any_open_window(times, 1.1) == 40


def test_two_tenants_do_not_hold_each_other_up() -> None:
    pacer = ConversationPacer(clock=ManualClock(start=0.0))

    first = [pacer.reserve(f"a:one-{n}", now=0.0, tenant_id=ONE_TENANT) for n in range(40)]
    second = [pacer.reserve(f"a:other-{n}", now=0.0, tenant_id=OTHER_TENANT) for n in range(40)]
    one_more = pacer.reserve("a:one-0", now=0.0, tenant_id=ONE_TENANT)

    assert first == second == [0.0] * 40
    assert one_more == 1.1


def test_sends_with_no_known_tenant_share_one_budget() -> None:
    pacer = ConversationPacer(clock=ManualClock(start=0.0))

    times = [pacer.reserve(f"a:chat-{n}", now=0.0) for n in range(40)]
    times += [pacer.reserve(f"19:channel-{n}@thread.tacv2", now=0.0) for n in range(2)]
    named = pacer.reserve("a:named", now=0.0, tenant_id=ONE_TENANT)

    assert times == [0.0] * 40 + [1.1, 1.1]
    assert named == 0.0


def test_a_tenant_is_the_same_budget_whatever_the_case_of_its_id() -> None:
    pacer = ConversationPacer(clock=ManualClock(start=0.0), app_window=RateWindow(1, 1.1))

    lower = pacer.reserve("a:one", now=0.0, tenant_id=ONE_TENANT)
    upper = pacer.reserve("a:two", now=0.0, tenant_id=ONE_TENANT.upper())

    assert (lower, upper) == (0.0, 1.1)


def test_a_held_conversation_does_not_hold_up_others_in_its_tenant() -> None:
    pacer = ConversationPacer(clock=ManualClock(start=0.0))

    pacer.hold("a:busy", seconds=60)
    held = [pacer.reserve("a:busy", now=0.0, tenant_id=ONE_TENANT) for _ in range(3)]
    quiet = [pacer.reserve(f"a:quiet-{n}", now=0.0, tenant_id=ONE_TENANT) for n in range(40)]

    assert held == [60.0, 60.0, 60.0]
    assert quiet == [0.0] * 40


def test_an_idle_tenant_is_forgotten_and_a_busy_one_kept() -> None:
    clock = ManualClock(start=0.0)
    pacer = ConversationPacer(clock=clock, max_tracked_tenants=2, app_window=RateWindow(1, 1.1))

    busy = pacer.reserve("a:busy", now=0.0, tenant_id=ONE_TENANT)
    others = [pacer.reserve(f"a:{n}", now=0.0, tenant_id=f"tenant-{n}") for n in range(3)]
    busy_again = pacer.reserve("a:busy", now=0.0, tenant_id=ONE_TENANT)
    clock.advance(5.0)
    returning = pacer.reserve("a:0", now=5.0, tenant_id="tenant-0")

    assert (busy, others, busy_again, returning) == (0.0, [0.0] * 3, 1.1, 5.0)


def teams_activity(**fields: object) -> Activity:
    return Activity().deserialize({
        "type": "message", "id": "1", "channelId": "msteams", "serviceUrl": "https://smba.example",
        "from": {"id": "29:ada"}, "recipient": {"id": "28:bot"}, **fields,
    })


def test_a_send_counts_in_the_tenant_teams_names_in_the_conversation_or_channel_data() -> None:
    in_conversation = teams_activity(conversation={"id": "a:1", "tenantId": ONE_TENANT})
    in_channel_data = teams_activity(
        conversation={"id": "19:c@thread.tacv2"}, channelData={"tenant": {"id": OTHER_TENANT}}
    )
    nowhere = teams_activity(conversation={"id": "a:2"})

    assert tenant_of(in_conversation) == ONE_TENANT
    assert tenant_of(in_channel_data) == OTHER_TENANT
    assert tenant_of(nowhere) is None


def test_a_stored_reference_keeps_its_tenant_for_pacing_and_teams_is_not_sent_it() -> None:
    turn = teams_activity(conversation={"id": "a:1", "tenantId": ONE_TENANT})
    stored = with_tenant(TurnContext.get_conversation_reference(turn).serialize(), ONE_TENANT)

    reference = ConversationReference().deserialize(stored)
    reply = TurnContext.apply_conversation_reference(Activity(type="message"), reference)

    assert conversation_tenant(reference.conversation) == tenant_of(reply) == ONE_TENANT
    assert "tenantId" not in model_json(reply)["conversation"]
