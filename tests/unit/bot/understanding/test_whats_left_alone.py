""""whats left", "what else is left?", "anything left?" said alone ask what one still has to
do, as "what's left for me" does: they went to the help documents, which offered to file
"whats left" as a new ticket. Something named as left ("what's left of my leave", "how much
storage is left", "whats left to do to set up the vpn") is read as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "whats left", "what's left?", "what else is left?", "anything left?", "ok whats left",
    "what's still outstanding?", "what is remaining", "anything else left?",
])
def test_what_is_left_said_alone_lists_their_tickets(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "list mine"


@pytest.mark.parametrize("said", [
    "what's left of my annual leave", "how much storage is left",
    "whats left to do to set up the vpn", "anything left in the printer tray?",
    "is there anything left to pay on my expenses",
])
def test_something_named_as_left_is_not_their_list(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) != "list mine"
