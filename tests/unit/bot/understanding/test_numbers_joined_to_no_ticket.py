"""A number joined to one that is no ticket is none either: "problem in 12 and 13, close"
closed 13 alone (12, after "in", is no ticket, as in "in 12 days"; 13 was). Both are read
alike: which ticket is asked. Tickets joined to a ticket stay tickets."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize("said", [
    "problem in 12 and 13, close",
    "issue in 12 and 13, resolve",
    "problem in 12 and 13, please close",
    "error in 12, 13, close",
    "the printers on floor 2 and 3 are down, close",
])
def test_a_number_joined_to_no_ticket_is_not_changed_alone(said: str) -> None:
    found = summary(as_the_bot_reads(said, CONVERSATION))
    assert "TKT-2026-0013" not in found and "TKT-2026-0003" not in found, found


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12 and 13", "status #12, #13 closed"),
    ("problem 12 and 13, close", "status #12, #13 closed"),
    ("12 and 13 are fixed, close them", "status #12, #13 closed"),
    ("close 12, 13 and 14", "status #12, #13, #14 closed"),
    ("floor 2 and 3 printers are down, close 12", "status #12 closed"),
])
def test_tickets_joined_to_tickets_are_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
