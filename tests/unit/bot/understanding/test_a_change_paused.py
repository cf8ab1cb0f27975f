"""A change paused in the same breath ("close 12 - hold on", "close 12, one sec", "assign 12
to sam, hold on", "close 12, let me check first") was made, the pause posted as its reason:
only "no wait", "scratch that" and the like took a change back. Words that put it off
("hold on", "hang on", "hold up", "one sec", "just a moment", "belay that", "hold that
thought", "forget it", "let me check") now take it back as "no wait" does; what is said
after them instead is the request. "put 12 on hold", "hold on, close 12" (said before the
change) and "close 12 in a sec" are read as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12 - hold on", "no change #12"),
    ("close 12, hold on", "no change #12"),
    ("close 12... hold on", "no change #12"),
    ("Close 12 hang on", "no change #12"),
    ("close 12 hold up", "no change #12"),
    ("close 12, one sec", "no change #12"),
    ("close 12 - wait a sec", "no change #12"),
    ("close 12 - just a moment", "no change #12"),
    ("close 12, belay that", "no change #12"),
    ("close 12, hold that thought", "no change #12"),
    ("close 12, forget it", "no change #12"),
    ("close 12, let me check first", "no change #12"),
    ("close 12 - hold on, let me check", "no change #12"),
    ("assign 12 to sam, hold on", "no change #12"),
    ("set 12 to high, hold on", "no change #12"),
    ("put 12 on hold, hold on", "no change #12"),
    # what is said instead is the request
    ("close 12, hold on, 13", "status #13 closed"),
    ("close 12, hang on, I meant 13", "status #13 closed"),
    ("give 12 to alex, hold on, give it to sam", "assign #12 to user:u-sam"),
])
def test_a_change_paused_is_taken_back(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("put 12 on hold", "status #12 on_hold"),
    ("12 on hold", "status #12 on_hold"),
    ("hold on, close 12", "status #12 closed"),
    ("close 12, the user confirmed", "status #12 closed"),
    ("comment on 12: the user said hold on", "comment #12 'the user said hold on'"),
])
def test_hold_said_otherwise_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12 - nah", "no change #12"),
    ("close 12 nah", "no change #12"),
    ("close 12, nah leave it", "no change #12"),
    ("close 12 — actually nah", "no change #12"),
    ("close 12, nah its fine", "no change #12"),
    ("close 12, nah 13", "status #13 closed"),
    ("assign 12 to sam, nah to priya", "assign #12 to user:u-priya"),
])
def test_a_change_waved_off_with_nah_is_taken_back(said: str, expected: str) -> None:
    """"close 12 - nah" and "close 12, nah leave it" closed 12, "nah leave it" posted as why:
    "nah" takes a change back as "nope" does."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "close 12, need to double check", "close 12 - i need to check first",
    "close 12, need to check with sam", "resolve 12, have to check first",
])
def test_a_change_said_with_a_check_still_to_do_is_taken_back(said: str) -> None:
    """Each closed 12, the check to do posted as why it was closed."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded("no change #12")
