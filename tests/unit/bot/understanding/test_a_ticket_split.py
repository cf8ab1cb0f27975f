"""A ticket asked to be split ("split 12 into two tickets") was read as a search for "split 12
into", listing the top two matches, or went to the help documents, which offered to file the
ask as a new ticket. TicketFlow cannot split a ticket: it is said so, with what does the job
(the other part filed as a new ticket, named in a comment). A split that is no ticket's
("split screen not working on 12", "split the bill") is read as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("split 12 into two tickets", "cannot split #12"),
    ("can you split ticket 12 in two", "cannot split #12"),
    ("break 12 up into 2 tickets", "cannot split #12"),
    ("please split 12 into 3 tickets", "cannot split #12"),
    ("split it into two tickets", "cannot split #7"),
    ("split this ticket in 2", "cannot split #7"),
    ("separate 12 into two tickets", "cannot split #12"),
    ("12 should be split", "cannot split #12"),
    ("could u split #12 pls", "cannot split #12"),
    ("Split TKT-2026-0012 into two: one for the laptop, one for the dock", "cannot split #12"),
    ("spilt 12 in two", "cannot split #12"),
])
def test_a_ticket_asked_to_be_split_is_told_what_does_the_job(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "split the bill", "split screen not working on 12", "the cable on 12 was cut in two",
    "break 12", "my laptop screen split in two",
])
def test_a_split_of_something_else_is_no_ticket_split(said: str) -> None:
    assert "split" not in summary(as_the_bot_reads(said, CONVERSATION)).split(" ")[:2]
