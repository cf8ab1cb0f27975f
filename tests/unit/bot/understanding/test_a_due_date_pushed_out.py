"""A due date moved later by an amount not said ("delay 12 a few days") was free text, offered
to file as a ticket: how much later is asked, with the amounts as buttons, never guessed. Two
tickets moved by different amounts ("push 12 out a week, and 13 two days") moved 12 only, or
nothing: each is moved by its own amount."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("delay 12 a few days", "how much later #12"),
    ("delay 12 by a few days", "how much later #12"),
    ("push 12 out a couple of days", "how much later #12"),
    ("push it back a few days", "how much later #7"),
    ("postpone 12 a bit", "how much later #12"),
    ("give 12 a few more days", "how much later #12"),
    ("pls push the deadline of 12 by a few days", "how much later #12"),
    ("can you delay ticket 12 a few days?", "how much later #12"),
    ("Delay #12 a few weeks", "how much later #12"),
    ("give me a few more days on 12", "how much later #12"),
    ("push back the due date on 12 a few days", "how much later #12"),
])
def test_a_due_date_moved_by_an_amount_not_said_asks_how_much(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("push 12 out a week, and 13 two days", "edit #12 due+=7d + edit #13 due+=2d"),
    ("push 12 out a week and 13 by two days", "edit #12 due+=7d + edit #13 due+=2d"),
    ("delay 12 by 3 days and 13 by a week", "edit #12 due+=3d + edit #13 due+=7d"),
    ("push 12 out a week, 13 two days", "edit #12 due+=7d + edit #13 due+=2d"),
    ("push 12 out a week, and 13 a few days", "edit #12 due+=7d + how much later #13"),
])
def test_two_tickets_moved_by_their_own_amounts_are_each_moved(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("push 12 out a week", "edit #12 due+=7d"),
    ("delay 12 by 3 days", "edit #12 due+=3d"),
    ("push 12 and 13 out a week", "edit #12, #13 due+=7d"),
    ("give 12 two more days", "edit #12 due+=2d"),
    ("give us 2 more days on 12", "edit #12 due+=2d"),
    ("give me a week for 12", "edit #12 due+=7d"),
])
def test_an_amount_said_is_moved_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "the printer has been down a few days",
    "a few days ago 12 broke",
    "vpn on 12 drops every few days",
    "can you push a few days of leave to next year",
])
def test_a_few_days_said_otherwise_asks_nothing(said: str) -> None:
    assert "how much later" not in summary(as_the_bot_reads(said, CONVERSATION))


@pytest.mark.parametrize(("said", "expected"), [
    ("give 12 2 more days", "edit #12 due+=2d"),
    ("Give 12 3 extra days pls", "edit #12 due+=3d"),
    ("give 12 2 more weeks", "edit #12 due+=14d"),
    ("give 12 1 more day", "edit #12 due+=1d"),
    ("push 12 2 more days", "edit #12 due+=2d"),
])
def test_an_amount_in_digits_with_more_is_no_second_ticket(said: str, expected: str) -> None:
    """"give 12 2 more days" read "12 2" as two tickets, and understood nothing ("give 12 two
    more days" pushed it): a number before "more days" counts them."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 4 5", "status #4, #5 closed"),
    ("give 12 2 to sam", "assign #12, #2 to user:u-sam"),
])
def test_two_numbers_without_more_of_a_unit_are_two_tickets(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
