"""A status change corrected by the verb alone ("close 12, I mean resolve") makes the status
said instead: 12 was closed with "I mean resolve" posted as why, "resolve 12, I mean close"
resolved it. Corrected with "it" ("…, I mean resolve it") it was already read right."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12, I mean resolve", "status #12 resolved"),
    ("resolve 12, I mean close", "status #12 closed"),
    ("close 12, sorry, resolve", "status #12 resolved"),
    ("close 12 - I meant resolve", "status #12 resolved"),
    ("close 12, no, resolve", "status #12 resolved"),
    ("close 12, I mean resolve it", "status #12 resolved"),
    ("close 12, actually reopen", "status #12 open"),
])
def test_the_status_said_instead_is_the_one_made(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
