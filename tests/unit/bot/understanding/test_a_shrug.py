"""A shrug ("ok whatever", "whatever") asks for nothing: it was not understood, and the
bot offered its commands. A request said with it is read as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("ok whatever", "small talk ok"),
    ("whatever", "small talk ok"),
    ("fine whatever", "small talk ok"),
    ("whatever you do don't close 12", "no change #12"),
    ("ok whatever, close 12", "ask status #12 ?: Should #12 be closed? [Yes]"),
])
def test_a_shrug_asks_for_nothing(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
