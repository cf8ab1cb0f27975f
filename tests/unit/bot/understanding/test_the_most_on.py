"""Who "has the most on" is the workload: "who has the most on right now" went to the help
assistant (seventeenth held-out table), where "who has the most tickets right now" shows the
workload. What someone has on a ticket is as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "expected"), [
    ("who has the most on right now", "workload"),
    ("who's got the most on", "workload"),
    ("which agent has the most on their plate today", "workload"),
    ("who has the most tickets right now", "workload"),  # as before
])
def test_who_has_the_most_on_is_the_workload(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize("said", ["who has the most on 12", "who has the most info on 12"])
def test_the_most_on_a_ticket_is_no_workload(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) != "workload"
