"""Why after a hand-over, told of the person with a day in it ("give 5 to priya, she's in
today"): "she's", "he's", "they're" were not read as the reason's own subject, as "she is"
was, so the day took the hand-over back and the reason was read as part of the name ("I
couldn't find “priya she's in today”"). Now read as "she is around today" is: the day is when
that happens, and the ticket is handed over."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("give 5 to priya, she's in today", "assign #5 to user:u-priya"),
    ("give 5 to priya, she's free today", "assign #5 to user:u-priya"),
    ("hand 12 to priya - she's in the office today", "assign #12 to user:u-priya"),
    ("assign 12 to sam, he's back tomorrow", "assign #12 to user:u-sam"),
    ("Give 12 to Sam, they're in today.", "assign #12 to user:u-sam"),
    ("close 12, she's off tomorrow", "status #12 closed"),  # as "close 12, she is off tomorrow"
    ("hand 12 to priya - she is in the office today", "assign #12 to user:u-priya"),
])
def test_a_reason_of_their_own_with_a_day_leaves_the_change_as_said(
    said: str, expected: str,
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("give 5 to priya, she is back tomorrow", "assign #5 to user:u-priya"),
    ("close 12, he is back tomorrow", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("close 12, she is off tomorrow", "status #12 closed"),
    ("close 12 - tomorrow", "unknown [close 12, start 12, resolve 12]"),
    ("give 12 to sam, he's not sure", "no change #12"),
    ("unassign me from 30, I'm off next week", "assign #30 to nobody"),
    ("give 12 to sam, tomorrow",  # when alone: not now, and asked
     "ask assign #12 to ?: I couldn't find “sam tomorrow”. Who should take #12?"),
    ("close 12, it's fine tomorrow", "unknown [close 12, start 12, resolve 12]"),
])
def test_look_alikes_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
