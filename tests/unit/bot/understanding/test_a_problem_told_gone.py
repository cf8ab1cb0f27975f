"""A ticket's problem told as gone. With the problem named between the ticket and its state
("ticket 1648 problem solved thank you very much", "12 issue is fixed now") it was not read,
as "1648 is solved" is; told after a close with a "not" ("1525 can be closed, issue not coming
now") the "not" was read as the close taken back."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("ticket 1648 problem solved thank you very much", "status #1648 resolved"),
    ("12 problem fixed", "status #12 resolved"),
    ("12 issue is fixed now", "status #12 resolved"),
    ("hi, my ticket 12 problem is solved", "status #12 resolved"),
    ("TKT-2026-0012 issue resolved, thanks", "status #12 resolved"),
    # look-alikes: asked, denied, or words of a new ticket
    ("12 issue solved?", "show #12"),
    ("12 problem not solved", "no change #12"),
    ("new ticket: 12 problem fixed", "create title='12 problem fixed'"),
])
def test_a_problem_named_then_told_gone_resolves_its_ticket(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("1525 can be closed, issue not coming now", "status #1525 closed"),
    ("12 can be closed, the error is not showing anymore", "status #12 closed"),
    ("close 12, the problem is not happening now", "status #12 closed"),
    ("resolve 12, error not appearing any more thanks", "status #12 resolved"),
    # look-alikes: the change refused, or the problem told not fixed
    ("close 12, it's not happening", "no change #12"),
    ("12 can be closed, issue not fixed", "no change #12"),
    ("close 12, no the issue is not gone", "no change #12"),
])
def test_a_problem_not_coming_back_is_why_a_ticket_is_closed(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
