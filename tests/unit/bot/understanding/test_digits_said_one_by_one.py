"""Digits said one by one make one ticket's number only after a singular "ticket" or
"number" ("close ticket one two three": 123); after "tickets" each is a ticket ("close
tickets one two three": 1, 2 and 3), not TKT-…-0123."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from bot.understanding.words import spelled_numbers
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "expected"), [
    ("close tickets one two three",
     "status TKT-2026-0001, TKT-2026-0002, TKT-2026-0003 closed"),
    ("Close Tickets five one", "status TKT-2026-0005, TKT-2026-0001 closed"),
    ("close ticket one two three", "status TKT-2026-0123 closed"),
    ("close number one two three", "status TKT-2026-0123 closed"),
    ("close ticket five one two", "status TKT-2026-0512 closed"),
    ("close tickets twelve", "status TKT-2026-0012 closed"),
])
def test_digits_said_make_one_ticket_only_after_a_singular_lead(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


def test_digits_after_tickets_are_written_apart() -> None:
    assert spelled_numbers("resolve tickets four two please") == "resolve tickets 4 2 please"


@pytest.mark.parametrize(("said", "expected"), [
    ("close tickets one and two", "status TKT-2026-0001, TKT-2026-0002 closed"),
    ("close ticket one and two", "status TKT-2026-0001, TKT-2026-0002 closed"),
    ("Close tickets twelve and fourteen please", "status TKT-2026-0012, TKT-2026-0014 closed"),
    ("show tickets twenty one and twenty two", "show TKT-2026-0021, TKT-2026-0022"),
    ("assign tickets three and four to sam", "assign TKT-2026-0003, TKT-2026-0004 to user:u-sam"),
    ("close ticket one hundred and six", "status TKT-2026-0106 closed"),  # one number
    ("close tickets one hundred and six", "status TKT-2026-0106 closed"),
])
def test_numbers_said_with_and_between_are_each_a_ticket(said: str, expected: str) -> None:
    """Before, "close tickets one and two" searched for "close one two", and "close ticket
    one and two" was not understood."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
