"""A change called off with a lead before it ("on second thought leave it", "actually leave
it", "hmm, don't") changes nothing: it went to the help assistant, which offered to file
"on second thought leave it medium" as a ticket. A request after the lead is still read."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "on second thought leave it medium",
    "on second thought leave it",
    "On second thoughts, don't",
    "second thoughts, forget it",
    "actually leave it",
    "actually leave it as it is",
    "hmm leave it",
    "hmm, don't",
    "wait, leave it for now",
    "leave it as medium",
    "leave it at medium",
    "keep it medium",
    "ok actually keep it as is",
    "on 2nd thought dont do that",
    "thinking about it, leave it open",
])
def test_a_change_called_off_after_a_lead_changes_nothing(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)).startswith("no change")


@pytest.mark.parametrize(("said", "read"), [
    ("actually, give it to sam instead", "assign TKT-2026-0007 to user:u-sam"),
    ("on second thought make it urgent", "edit TKT-2026-0007 priority=urgent"),
    ("actually close it", "status TKT-2026-0007 closed"),
])
def test_a_request_after_the_lead_is_still_made(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read
