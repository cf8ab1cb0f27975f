"""Someone named and told to take a ticket is given it, as "Sam - please take 12" is: "sam
take 900 asap" and "sam, take 900" went to the help assistant."""

from __future__ import annotations

import pytest

from bot.understanding.requests import AssignTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("sam take 900 asap", "assign #900 to user:u-sam"),
    ("sam, take 900", "assign #900 to user:u-sam"),
    ("priya grab 900 pls", "assign #900 to user:u-priya"),
    ("alex kim take ticket 900", "assign #900 to user:u-alex"),
    ("lee take 900", "ask assign #900 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
])
def test_someone_told_to_take_a_ticket_is_given_it(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "sam take 900?", "sam don't take 900", "pls take 900", "i take 900?", "we take 900 tomorrow",
    "could you take 900", "bob take 900", "sam take a look at 900", "sam took 900",
])
def test_asked_refused_or_no_one_named_gives_it_to_no_one_named(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert not (isinstance(understood, AssignTicket) and getattr(
        understood.to, "user_id", "u-jo") != "u-jo")
