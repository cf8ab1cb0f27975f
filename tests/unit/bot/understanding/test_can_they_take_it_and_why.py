"""A named person asked whether they can take a ticket, with why after it ("can priya take
5? she's on floor 3 today"): the ticket was only shown (the question mark before the why
made it a question about the ticket) or the message went to the help assistant ("could
priya take 12, she's on floor 3"), so the hand-over was dropped. Now asked, as "can priya
take 5?" alone is: "Should Priya Shah take …?" [Yes]."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "name", "ticket"), [
    ("can priya take 5? she's at floor 3 today", "Priya Shah", "#5"),
    ("can sam take 743? he knows printers", "Sam Rivera", "#743"),
    ("could priya take 12, she's on floor 3", "Priya Shah", "#12"),
    ("can priya take 12 please, she's on site", "Priya Shah", "#12"),
    ("Could Alex pick up 12? He's free this afternoon.", "Alex Kim", "#12"),
    ("can sam have a look at 12 - he did the last one", "Sam Rivera", "#12"),
    ("can the network team take 12? they own the switches", "Network", "#12"),
    ("can lee park take 12, because sam is out", "Lee Park", "#12"),
    ("can sam take 12 today? shes got time", "Sam Rivera", "#12"),
])
def test_can_they_take_it_with_why_asks_whether_they_should(
    said: str, name: str, ticket: str,
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(
        f"ask assign {ticket} to ?: Should {name} take {ticket}? [Yes]")


@pytest.mark.parametrize(("said", "expected"), [
    ("can priya take 5?", "ask assign #5 to ?: Should Priya Shah take #5? [Yes]"),
    ("can i take 12? he's busy", "show #12"),  # oneself: shown, as "can i take 12?"
    ("can someone take 12? she's out", "show #12"),
    ("can bob take 12? he knows printers", "show #12"),  # who: not guessed
])
def test_look_alikes_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "can sam take 12? he's out, close it",
    "can sam take 12? and close 13",
    "can sam take 12, if he is back",
    "can sam take 12? he's off but priya could",
])
def test_more_asked_after_it_is_not_taken_for_why(said: str) -> None:
    """A change or a condition after it is no reason: the hand-over is not asked alone."""
    assert not summary(as_the_bot_reads(said, CONVERSATION)).startswith(
        "ask assign #12 to ?: Should Sam Rivera take")
