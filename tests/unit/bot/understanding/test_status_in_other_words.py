"""A status change said in other words is made: "shelve 1003 for now" and "kick 1004 back to
open" were not understood, "1002 is good to close" and "please put on hold ticket 1020" went
to the help assistant."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("shelve 1003 for now", "status #1003 on_hold"),
    ("shelve it", "status #7 on_hold"),
    ("kick 1004 back to open", "status #1004 open"),
    ("1002 is good to close", "status #1002 closed"),
    ("1002 is ready to be closed", "status #1002 closed"),
    ("1002 looks ok to resolve", "status #1002 resolved"),
    ("please put on hold ticket 1020", "status #1020 on_hold"),
    ("I request you to put on hold the ticket 1020 because user is in vacation",
     "status #1020 on_hold"),
    ("put in progress 1020 pls", "status #1020 in_progress"),
])
def test_a_status_change_in_other_words_is_made(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "is 1002 good to close?", "1002 is not good to close", "don't shelve 1003",
    "1002 is not ready to close yet", "should we shelve 1003?", "is it ok to close 1002?",
    "don't put on hold ticket 1020",
])
def test_asked_or_refused_it_changes_nothing(said: str) -> None:
    assert not isinstance(as_the_bot_reads(said, CONVERSATION), ChangeStatus)
