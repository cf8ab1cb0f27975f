""""Any update on my ticket?" asks how the person's own ticket goes, as "what's the status of
my ticket?" does: it listed their tickets with no status asked, so a customer with one ticket
got a list of one instead of "TKT-… is still open — nobody has picked it up yet."."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.context import Conversation
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

NOTHING_IN_VIEW = replace(CONVERSATION, last_ticket=None)


@pytest.mark.parametrize("said", [
    "any update on my ticket?",
    "Any news on my ticket",
    "hi, any update on my request?",
    "is there any news about my ticket?",
    "any progress on my ticket yet?",
    "any updates regarding my case pls",
])
@pytest.mark.parametrize("conversation", [CONVERSATION, NOTHING_IN_VIEW], ids=["shown", "none"])
def test_an_update_asked_on_my_ticket_asks_the_status_of_my_own(
    said: str, conversation: Conversation
) -> None:
    assert summary(as_the_bot_reads(said, conversation)) == "list mine asked=status"


@pytest.mark.parametrize(("said", "read"), [
    ("any update?", "list mine asked=status"),
    ("what's the status of my ticket?", "list mine asked=status"),
])
def test_other_status_questions_are_read_as_before(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, NOTHING_IN_VIEW)) == read
