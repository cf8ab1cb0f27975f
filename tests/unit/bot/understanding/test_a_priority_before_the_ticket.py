"""A priority typed before a ticket alone: "urgent 12", "high priority 12" were not read
("Sorry, I didn't get that"), though "12 urgent" sets it. Now asked ("Should 12 be urgent
priority?" [Yes]): "urgent: 12" may as well say why 12 is mentioned. A priority before more
words ("urgent 12 is down") as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

ASKED = [
    ("urgent 12", "ask edit #12 ?: Should #12 be urgent priority? [Yes]"),
    ("URGENT 12!", "ask edit #12 ?: Should #12 be urgent priority? [Yes]"),
    ("high priority 12", "ask edit #12 ?: Should #12 be high priority? [Yes]"),
    ("urgent: 12", "ask edit #12 ?: Should #12 be urgent priority? [Yes]"),
    ("urgent 12 please", "ask edit #12 ?: Should #12 be urgent priority? [Yes]"),
    ("low 4", "ask edit #4 ?: Should #4 be low priority? [Yes]"),
    ("critical - 12", "ask edit #12 ?: Should #12 be urgent priority? [Yes]"),
]
AS_BEFORE = [
    ("12 urgent", "edit #12 priority=urgent"),
    ("make 12 urgent", "edit #12 priority=urgent"),
    ("urgent 12 is down", "free text"),
    ("urgent help needed", "free text"),
    ("high 5 everyone", "free text"),
]


@pytest.mark.parametrize(("said", "expected"), ASKED + AS_BEFORE,
                         ids=[said for said, _ in ASKED + AS_BEFORE])
def test_a_priority_before_a_ticket_alone_is_asked(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
