"""A hand-over said for today ("give 5 to priya today") asked "I couldn't find “priya
today”": today was read as part of the name, though "give 5 to priya now" was handed over.
Today is now; another day is not ("give 5 to priya tomorrow" is asked as before)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("give 5 to priya today", "assign #5 to user:u-priya"),
    ("Assign 12 to Sam today please", "assign #12 to user:u-sam"),
    ("hand 12 to lee park today", "assign #12 to user:u-lee"),
])
def test_a_hand_over_for_today_is_made(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("give 5 to priya now", "assign #5 to user:u-priya"),
    ("give 5 to priya tomorrow",
     "ask assign #5 to ?: I couldn't find “priya tomorrow”. Who should take #5?"),
])
def test_look_alikes_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
