"""Another status asked for after a change or a state told is no reason for it: "918 is fixed,
pls put on hold" resolved 918 with "pls put on hold" posted as why, where its requester reads
it ("…, please proceed to close", "…, kindly do the closure", "…, can be closed" likewise).
Asked in nothing but that, it is the change made; said with more, it is asked about."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("918 is solved, you can do close", "status #918 closed"),
    ("918 is fixed, please proceed to close", "status #918 closed"),
    ("918 is fixed, you can proceed with closing", "status #918 closed"),
    ("918 is fixed, kindly do the closure", "status #918 closed"),
    ("918 is fixed, can be closed", "status #918 closed"),
    ("918 is fixed, pls put on hold", "status #918 on_hold"),
    ("918 is blocked, please set in progress", "status #918 in_progress"),
])
def test_the_status_asked_after_a_state_told_is_the_one_made(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("918 is fixed, please put on hold for the vendor",
     "ask status #918 ?: Should #918 be on hold? [Yes]"),
    ("918 is fixed, pls put on hold and tell the user",
     "ask status #918 ?: Should #918 be on hold? [Yes]"),
])
def test_another_status_said_with_more_is_asked_about(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "status", "reason"), [
    ("close 918, it was reopened by mistake", "closed", "it was reopened by mistake"),
    ("918 is fixed, the user closed the app and it works", "resolved",
     "the user closed the app and it works"),
    ("918 is fixed, it was a loose cable", "resolved", "it was a loose cable"),
    ("918 is fixed, the user says we can close", "resolved", "the user says we can close"),
    ("resolve 918, the user can close it himself", "resolved", "the user can close it himself"),
    ("put 918 on hold, will reopen when the parts arrive", "on_hold",
     "will reopen when the parts arrive"),
    ("918 is fixed, the user confirmed it can be resolved", "resolved",
     "the user confirmed it can be resolved"),
])
def test_a_reason_that_names_a_status_done_or_planned_is_still_the_reason(
    said: str, status: str, reason: str
) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(understood, ChangeStatus)
    assert (understood.status and understood.status.value, understood.reason) == (status, reason)


@pytest.mark.parametrize(("said", "expected"), [
    ("918 is fixed, don't close it yet", "no change #918"),
    ("918 is fixed, close it", "status #918 closed"),
    ("918 is fixed, closing", "status #918 closed"),
    ("it's working now, you can close it", "status #7 resolved"),  # "it": the thing that works
    ("918 is fixed, 919 can be closed", "status #918 resolved + status #919 closed"),
    ("close 918, resolve or close whichever", "unknown [close 918, start 918, resolve 918]"),
])
def test_what_was_read_right_before_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
