"""Pacing against an injected clock: sends per window are counted, nothing sleeps."""

from __future__ import annotations

from collections.abc import Sequence

from bot.transport.pacing import (
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
