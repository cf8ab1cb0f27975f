"""A ticket said to be someone's, to them by name or mention, is given to them: "<at>Sam
Rivera</at> 1016 is yours" and "sam, 1016 is yours" went to the help assistant, where
"1016 is mine" gives it to the one writing."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup
from bot.understanding.requests import AssignTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("<at>Sam Rivera</at> 1016 is yours", "assign #1016 to user:u-sam"),
    ("sam, 1016 is yours", "assign #1016 to user:u-sam"),
    ("priya 1016 is all yours now", "assign #1016 to user:u-priya"),
])
def test_a_ticket_said_to_be_someones_is_given_to_them(said: str, expected: str) -> None:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    assert summary(as_the_bot_reads(text, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "is 1016 yours?", "sam, is 1016 yours?", "1016 is yours", "sam, 1016 isn't yours",
    "bob, 1016 is yours", "thanks, 1016 is yours", "sam 1016 is yours if you want it",
])
def test_asked_refused_or_said_to_no_one_gives_it_to_no_one_named(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert not (isinstance(understood, AssignTicket) and getattr(
        understood.to, "user_id", "u-jo") != "u-jo")
