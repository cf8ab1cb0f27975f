"""A count asked over a time is of the tickets that came in then: "how many tickets this
week" listed every ticket (the week dropped), "number of tickets this month" searched for
"number this", "how many tickets have been logged today" asked who "been" is. A count of
what someone holds now ("how many tickets do I have today") stays theirs, today being when
they ask, and a count of what was finished or assigned keeps its own time."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

COUNTED_OVER_A_TIME = [
    ("how many tickets this week", "list all created_from=2026-11-30"),
    ("How many tickets this week?", "list all created_from=2026-11-30"),
    ("how many tickets today", "list all created_from=2026-12-02"),
    ("how many tickets today so far", "list all created_from=2026-12-02"),
    ("how many tickets did we get yesterday",
     "list all created_from=2026-12-01 created_before=2026-12-02"),
    ("how many tickets last week", "list all created_from=2026-11-23 created_before=2026-11-30"),
    ("how many tix last week?", "list all created_from=2026-11-23 created_before=2026-11-30"),
    ("number of tickets this month", "list all created_from=2026-12-01"),
    ("the number of tickets we got this month", "list all created_from=2026-12-01"),
    ("total tickets this week", "list all created_from=2026-11-30"),
    ("count of tickets opened today", "list all created_from=2026-12-02"),
    ("how many did we get today", "list all created_from=2026-12-02"),
    ("how many have we had this week", "list all created_from=2026-11-30"),
    ("how many tickets have we received since monday", "list all created_from=2026-11-30"),
    ("how many tickets have been logged today", "list all created_from=2026-12-02"),
    ("how many urgent tickets this week", "list all priority=urgent created_from=2026-11-30"),
    ("how many network tickets last week",
     "list all assignee=team:2 created_from=2026-11-23 created_before=2026-11-30"),
    ("how many printer tickets this month", "list all created_from=2026-12-01 text='printer'"),
    ("how many vpn issues did we get last week",
     "list all created_from=2026-11-23 created_before=2026-11-30 text='vpn'"),
    ("how many tickets did i close this week",
     "list touched status=closed updated_since=2026-11-30"),
]
STILL_READ_AS_BEFORE = [
    ("how many tickets do i have today", "list mine"),
    ("how many tickets have i got today", "list mine"),
    ("how many on my plate today", "list mine"),
    ("how many open tickets", "list all status=open"),
    ("how many tickets are open right now", "list all status=open"),
    ("how many tickets came in today", "list all created_from=2026-12-02"),
    ("how many tickets did we close this week", "stats this_week"),
    ("how many did we close today", "stats today"),
    ("how many tickets are assigned to me this week", "list mine unplaced='this week'"),
    ("how many tickets does each agent have", "workload"),
    ("what did i close this week", "list touched status=closed updated_since=2026-11-30"),
    ("how many tickets did I file", "list created"),
    ("number of tickets about the phone number", "list all text='phone number'"),
]


@pytest.mark.parametrize(("said", "expected"), COUNTED_OVER_A_TIME + STILL_READ_AS_BEFORE,
                         ids=[said for said, _ in COUNTED_OVER_A_TIME + STILL_READ_AS_BEFORE])
def test_a_count_over_a_time_is_of_the_tickets_that_came_in_then(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
