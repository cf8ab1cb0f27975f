"""A cheer after a change ("737 is fixed, nice", "close 12, lol", "resolve 12 - great job sam")
is said to whoever reads the chat, not a reason: before, "nice", "yay", "finally" and "great
job sam" were posted on the ticket as why it was closed, where the requester reads them.
A reason that starts with a cheer and goes on is kept whole."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "status"), [
    ("737 is fixed, nice", "resolved"), ("close 737, cool", "closed"),
    ("737 is fixed, great job sam", "resolved"), ("737 is fixed!! finally", "resolved"),
    ("resolve 12, awesome", "resolved"), ("737 fixed, yay", "resolved"),
    ("close 12, lol", "closed"), ("12 is fixed, sweet", "resolved"), ("close 12, perfect", "closed"),
    ("close 12 - nice work everyone", "closed"), ("resolve 12. well done alex!", "resolved"),
    ("close 12, about time haha", "closed"), ("12 is sorted, woohoo!!", "resolved"),
    ("close 12, good stuff", "closed"), ("resolve 12 - phew", "resolved"),
    ("close 12, nice one priya", "closed"), ("resolve 12, excellent work team", "resolved"),
    ("close 12, at last", "closed"), ("close 12, great news", "closed"),
])
def test_a_cheer_after_a_change_is_no_reason(said: str, status: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, ChangeStatus) and read.status is not None, read
    assert read.status.value == status and read.reason is None, read


@pytest.mark.parametrize(("said", "reason"), [
    ("close 12, nice and easy fix: the cable was loose", "nice and easy fix: the cable was loose"),
    ("resolve 12, finally replaced the fuser", "finally replaced the fuser"),
    ("close 12, great news from the vendor, they shipped a patch",
     "great news from the vendor, they shipped a patch"),
    ("resolve 12 - cool fan replaced", "cool fan replaced"),
    ("close 12, user said perfect", "user said perfect"),
    ("close 12, finally replaced", "finally replaced"),  # no name after a bare cheer
    ("close 12, wow printer", "wow printer"),
])
def test_a_reason_that_starts_with_a_cheer_is_kept_whole(said: str, reason: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, ChangeStatus) and read.reason == reason, read


@pytest.mark.parametrize(("said", "status"), [
    ("close 852 lol", "closed"), ("resolve 12 haha", "resolved"), ("close 12 yay", "closed"),
    ("close 12 phew", "closed"),
])
def test_laughter_at_the_end_of_a_change_is_no_part_of_it(said: str, status: str) -> None:
    """"close 852 lol" was not understood (its buttons offered the close)."""
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, ChangeStatus) and read.status is not None, read
    assert read.status.value == status and read.reason is None, read
