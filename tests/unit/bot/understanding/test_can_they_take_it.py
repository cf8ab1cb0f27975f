"""A named person or team asked whether they can take a ticket ("can sam pick up 743?") is
asked about: "Should Sam Rivera take TKT-…?" [Yes]. Before, the ticket was only shown, so a
manager had to say it again as "give 743 to sam"; "can sam take 743" was not understood."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "name", "ticket"), [
    ("can sam pick up 743?", "Sam Rivera", "#743"),
    ("could alex take 743?", "Alex Kim", "#743"),
    ("can sam take 743", "Sam Rivera", "#743"),
    ("can sam have ticket 743?", "Sam Rivera", "#743"),
    ("could lee park take 12 today", "Lee Park", "#12"),
    ("hi, can priya grab #12 please?", "Priya Shah", "#12"),
    ("can <at>Sam Rivera</at> take 12?", "Sam Rivera", "#12"),
    ("can sam take a look at 743", "Sam Rivera", "#743"),
    ("could priya check 12 please", "Priya Shah", "#12"),
    ("can the network team take 12?", "Network", "#12"),
])
def test_can_they_take_it_asks_whether_they_should(said: str, name: str, ticket: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(
        f"ask assign {ticket} to ?: Should {name} take {ticket}? [Yes]")


@pytest.mark.parametrize(("said", "expected"), [
    ("can someone take 743?", "show #743"),  # who takes it is asked when the card is seen
    ("can you give 743 to sam?", "assign #743 to user:u-sam"),
    ("can bob take 12?", "show #12"), ("can lee take 213?", "show #213"),  # who: not guessed
    ("can i take 12?", "show #12"),
])
def test_look_alikes_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "name", "ticket"), [
    ("can alex take 1157 off my hands?", "Alex Kim", "#1157"),
    ("<at>Sam Rivera</at> can you own 1156 going forward?", "Sam Rivera", "#1156"),
    ("could priya own 12 from now on", "Priya Shah", "#12"),
    ("can the network team take 12 off our hands pls", "Network", "#12"),
    ("Alex, could you handle 12 going forward?", "Alex Kim", "#12"),
])
def test_asked_with_how_long_or_from_whom_it_is_asked_all_the_same(
    said: str, name: str, ticket: str,
) -> None:
    """"… off my hands", "… going forward" after the ticket: the ticket was only shown
    (sixteenth held-out table)."""
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    assert summary(as_the_bot_reads(text, CONVERSATION)) == expanded(
        f"ask assign {ticket} to ?: Should {name} take {ticket}? [Yes]")
