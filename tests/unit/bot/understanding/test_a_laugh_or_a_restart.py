""""lol" alone got "Sorry, I didn't get “lol”" with a menu; "start over" got suggestions to
start a ticket. A laugh is said to the chat (nothing asked), "start over" drops what was
going on; with a request they change nothing of it."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("lol", "small talk ok"),
    ("haha", "small talk ok"),
    ("lmao", "small talk ok"),
    ("start over", "cancel"),
    ("start again", "cancel"),
    ("let's start over", "cancel"),
    # with a request, the request
    ("close 12 lol", "status #12 closed"),
    ("haha ok close 12", "status #12 closed"),
    ("start 12", "status #12 in_progress"),
])
def test_a_laugh_is_nothing_asked_and_start_over_cancels(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
