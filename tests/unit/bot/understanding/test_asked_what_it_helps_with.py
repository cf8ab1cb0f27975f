"""Asked what the bot helps with, it shows its help: "what can u help me with?" went to the
help assistant as a question (seventeenth held-out table), where "what can you do" shows the
help. Help asked with something ("can you help me with my vpn") and what someone else helps
with are as before, never the bot's help."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "expected"), [
    ("what can u help me with?", "help"),
    ("what can you help with", "help"),
    ("What can this bot help me with?", "help"),
    ("what else can you help us with here", "help"),
    ("what do you help with", "help"),
    # as before
    ("what can you do", "help"),
])
def test_asked_what_the_bot_helps_with(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize("said", [
    "can you help me with my vpn", "what can sam help me with", "what can IT help me with?",
    "what can you help me with on 12", "how can you help me with the printer",
])
def test_help_with_something_or_from_someone_else_is_no_help_shown(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) != "help"
