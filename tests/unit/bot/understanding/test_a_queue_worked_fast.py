"""What an agent types working a queue fast: a take said as it is done without "I'm"
("taking 1105", "claiming 12") is theirs, as "I'm taking 35" is; several tickets said to
be changed in bulk ("bulk close 1140, 1141", "mass-resolve 4 5 6") are each changed. Both
were not understood (sixteenth held-out table). Taking something else ("taking 12 days
off", "taking a break"), taking a ticket off someone, and asking how to change in bulk are
as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("taking 1105", "assign #1105 to user:u-jo"),
    ("claiming 12 now", "assign #12 to user:u-jo"),
    ("Claiming TKT-2026-0012", "assign #12 to user:u-jo"),
    ("taking 12 myself", "assign #12 to user:u-jo"),
    ("I'm taking 35", "assign #35 to user:u-jo"),
    ("bulk close 1140, 1141", "status #1140, #1141 closed"),
    ("Mass-resolve 4 5 6", "status #4, #5, #6 resolved"),
    ("batch assign 4 and 5 to sam", "assign #4, #5 to user:u-sam"),
    ("bulk close tickets 4 and 5", "status #4, #5 closed"),
    # as before
    ("taking 12 days off", "free text"),
    ("taking a break", "free text"),
    ("how do i mass close tickets?", "question"),
    ("bulk close", "unknown [my tickets, new ticket, help]"),
])
def test_a_queue_worked_fast_is_read(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
