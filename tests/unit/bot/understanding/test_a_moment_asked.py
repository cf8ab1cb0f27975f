"""Asking the bot for a moment ("give me a sec", "brb", "let me check and get back to you")
asks for nothing: it is acknowledged, never searched for ("give me a sec" listed the tickets
about "sec") nor answered with suggestions."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "give me a sec", "give me a second please", "gimme a min", "one sec", "one moment",
    "just a moment", "just a sec", "hang on", "hang on a sec", "brb", "be right back",
    "back in a bit", "let me check", "let me check and get back to you", "let me have a look",
    "I'll get back to you", "ok let me check", "will get back to you shortly",
])
def test_a_moment_asked_is_acknowledged(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "small talk ok"


@pytest.mark.parametrize(("said", "expected"), [
    ("give me a list of urgent tickets", "list all priority=urgent"),
    ("let me check 12", "show TKT-2026-0012"),  # was: 12 assigned to the one saying it
    ("let me look at 12", "show TKT-2026-0012"),
    ("let me handle 12", "assign TKT-2026-0012 to user:u-jo"),
    ("let sam check 12", "assign TKT-2026-0012 to user:u-sam"),
])
def test_a_moment_with_a_request_is_the_request(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
