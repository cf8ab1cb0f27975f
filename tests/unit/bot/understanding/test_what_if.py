"""A question about a case ("what if it says error 691?") is for the help assistant; a
request put off until something is true ("if 26 is still broken tomorrow, reopen it")
changes nothing. "it" in the question is the device or the message, not the ticket in view."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "what if it says error 691",
    "what if it still doesn't work",
    "and if it asks for a code?",
    "what if it shows a red x",
    "what happens if it fails",
    "what happens if I type my password wrong 10 times",
    "if it says 809 what do i do",
    "if it still fails, what do I do?",
    "what if I forget it",
    "But what if the printer is offline?",
    "what should i do if it asks for a code",
    "if the vpn says error 812?",
    "so what if it keeps disconnecting",
    "what if my laptop is not managed by the company",
    "How about if I'm working from a hotel?",
])
def test_a_question_about_a_case_goes_to_the_assistant(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "question", said


@pytest.mark.parametrize(("said", "ticket"), [
    ("if 26 is still broken tomorrow, reopen it", 26),
    ("only close 29 once the user confirms", 29),
    ("resolve 4 if it works now", 4),
    ("when Sam is back, give him 4", 4),
    ("once the part arrives put 8 on hold", 8),
    ("if 4 is fixed can you close it?", 4),
    ("if it's done, close it", 7),
    ("if it's not fixed by friday, can you escalate it?", 7),
    ("what if TKT-2026-0004 is still broken tomorrow?", 4),
])
def test_a_request_put_off_until_something_is_true_changes_nothing(said: str, ticket: int) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == f"no change TKT-2026-{ticket:04d}"
