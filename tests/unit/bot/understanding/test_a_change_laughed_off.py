"""A change said and then taken back as a joke is not asked: "close 12, kidding" closed 12
and posted "kidding" on it as why, where the requester reads it; "give 12 to sam. jk" gave
12 to Sam. Now nothing changes. A reason that tells of someone joking is still a reason."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus, Declined, Unknown
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "close 12, kidding", "close 12 - just joking", "close 12... just kidding",
    "give 12 to sam. jk", "close 12, jk 😂", "reassign all my tickets to sam, j/k",
    "put 12 on hold... not really", "Resolve 12!! im kidding", "make 12 urgent - only joking",
    "assign 12 to priya (jk)", "close 12 lol jk", "close 12 haha jk", "close 4 and 5 jk",
    "close 12 jk",
])
def test_a_change_laughed_off_changes_nothing(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, (Declined, Unknown)), read


@pytest.mark.parametrize(("said", "reason"), [
    ("close 12, the user said he was just kidding", "the user said he was just kidding"),
    ("close 12 - user was only joking about the outage", "user was only joking about the outage"),
    ("close 12, user says it was a joke", "user says it was a joke"),
    ("close 12 lol", None),
    ("close 12 haha", None),
])
def test_a_reason_that_tells_of_a_joke_is_kept(said: str, reason: str | None) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, ChangeStatus) and read.status is not None and read.reason == reason, read
