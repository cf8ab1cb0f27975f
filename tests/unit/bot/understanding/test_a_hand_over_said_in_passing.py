"""Hand-overs said in passing: a list handed over with why after it ("move everything alex
has to priya, he's off next week") went unread, as did a ticket told someone's with "fyi"
("<at>Sam Rivera</at> fyi 1653 is yours now") and a take asked for today ("sam please take 12
today"). The why, the "fyi" and "today" now say nothing against the hand-over; a day other
than today is not now, so nothing is handed over."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("move everything alex has to priya, he's off next week",
     "assign each of to user:u-priya (list all assignee=user:u-alex)"),
    ("give all of alex's tickets to priya, she's got capacity",
     "assign each of to user:u-priya (list all assignee=user:u-alex)"),
    ("<at>Sam Rivera</at> fyi 1653 is yours now", "assign #1653 to user:u-sam"),
    ("sam btw 12 is yours", "assign #12 to user:u-sam"),
    ("sam please take 12 today", "assign #12 to user:u-sam"),
    ("<at>Sam Rivera</at> could you pick up 12 today",
     "ask assign #12 to ?: Should Sam Rivera take #12? [Yes]"),
    # look-alikes: another day, nobody named, or more asked after the list
    ("sam please take 12 on friday", "free text"),
    ("fyi 12 is yours", "free text"),
])
def test_a_hand_over_said_in_passing_is_made_or_asked(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("wrong ticket number sorry, i meant 1516 not 1515", "meant #1516 not #1515"),
    ("sorry wrong ticket number, i meant 16", "meant #16"),
    ("wrong ticket no. 16", "meant #16"),
    ("wrong ticket number on 16", "free text"),
])
def test_a_wrong_ticket_number_said_then_the_one_meant(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
