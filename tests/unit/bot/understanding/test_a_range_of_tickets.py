"""Tickets said as a range right after what is done with them are every ticket in it:
"resolve 1123-1126", "assign 1127 through 1129 to sam", "close everything from 1130 to 1132",
"close 1142 thru 1144 pls, …" were not understood (sixteenth held-out table). At most 20, as
many as one message changes. A spaced dash ("close 4 - 5": two tickets or a range is not
told apart), a range the wrong way round or too long, a date or a count stay as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("resolve 1123-1126", "status #1123, #1124, #1125, #1126 resolved"),
    ("assign 1127 through 1129 to sam", "assign #1127, #1128, #1129 to user:u-sam"),
    ("close everything from 1130 to 1132", "status #1130, #1131, #1132 closed"),
    ("close 1142 thru 1144 pls, all dupes of the outage", "status #1142, #1143, #1144 closed"),
    ("close tickets 12-15", "status #12, #13, #14, #15 closed"),
    ("put 20-22 on hold", "status #20, #21, #22 on_hold"),
    ("Show tickets 12 through 14", "show #12, #13, #14"),
    ("give 30–32 to alex", "assign #30, #31, #32 to user:u-alex"),
    ("pls resolve all of 40 thru 41 🙏", "status #40, #41 resolved"),
    ("close tickets from 50 until 52", "status #50, #51, #52 closed"),
    ("close all from 50 to 52", "status #50, #51, #52 closed"),
    ("close all tickets from 50 until 52", "status #50, #51, #52 closed"),
    ("close all the tickets from 50 to 52", "status #50, #51, #52 closed"),
    ("resolve all tickets 60-62", "status #60, #61, #62 resolved"),
    ("assign all tickets from 50 to 52 to sam", "assign #50, #51, #52 to user:u-sam"),
])
def test_a_range_is_every_ticket_in_it(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "close 15-12",  # the wrong way round
    "close 1-40",  # more than one message changes
    "close 2026-12-24",
    "close 12-15 mins ago",
    "close 12 to 15",  # "to" without "from": not said as a range
    "close from 9 to 5",
])
def test_what_is_no_range_changes_nothing(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)).startswith(("unknown", "free text"))


@pytest.mark.parametrize(("said", "expected"), [
    ("set 4 due 12-15", "ask edit #4 ? due_date: I couldn't read “12-15” as a date."),
    ("the outage lasted 10-15 minutes, close 12", "status #12 closed"),
])
def test_a_date_or_a_count_is_no_range(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("close all tickets from sam", "status each of closed (list all filed_by=user:u-sam)"),
    ("close all tickets about 50 users", "status each of closed (list all text='50 users')"),
    ("close all tickets with error 50", "status each of closed (list all text='error 50')"),
])
def test_all_tickets_named_by_number_are_those_not_a_search_for_the_numbers(
    said: str, expected: str
) -> None:
    """"close all tickets from 50 until 52" closed each ticket a search for "50 until 52"
    found; the words of a list that names tickets are still searched."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


def test_all_tickets_named_by_numbers_are_no_search() -> None:
    assert "list" not in summary(as_the_bot_reads("close all tickets 50 52", CONVERSATION))
