"""Praise for the work on a ticket is said to the chat, not asked of the ticket: "great work
on 12" and "nice work on 12" put 12 in progress (read as "work on 12"); "12 is resolved now,
thanks sam", "close 12, thank you alex" and "close 12, cheers sam" posted "thanks sam" on 12
as why it changed, where the requester reads it. Now praise changes nothing and thanks to
someone after a change is no reason; "work on 12" and a reason that goes on are as before."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "great work on 12", "nice work on 12", "Great work on #12 sam!", "good job on 12 everyone",
    "awesome work on ticket 12 team 🎉", "amazing work on 12!", "really nice work on 12",
    "excellent job with 12, priya", "well done on 12", "great job on it", "nice fix on 12",
    "quick work on 12 alex, thanks",
])
def test_praise_for_a_ticket_changes_nothing(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert summary(read) in ("free text", "small talk thanks"), read


@pytest.mark.parametrize(("said", "status"), [
    ("12 is resolved now, thanks sam", "resolved"), ("close 12, thanks priya", "closed"),
    ("close 12, thank you alex", "closed"), ("close 12, cheers sam", "closed"),
    ("resolve 12 - thanks everyone", "resolved"),
    ("12 is fixed, many thanks priya!", "resolved"), ("close 12, thx sam", "closed"),
    ("close 12. Thanks again Lee", "closed"), ("close 12, ty <at>Sam Rivera</at>", "closed"),
])
def test_thanks_to_someone_after_a_change_is_no_reason(said: str, status: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, ChangeStatus) and read.status is not None, read
    assert read.status.value == status and read.reason is None, read


@pytest.mark.parametrize(("said", "expected"), [
    ("work on 12", "status TKT-2026-0012 in_progress"),
    ("start work on 12", "status TKT-2026-0012 in_progress"),
    ("i'm working on 12", "status TKT-2026-0012 in_progress"),
])
def test_work_asked_on_a_ticket_is_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("said", "reason"), [
    ("close 12 - thanks to sam for the fix", "thanks to sam for the fix"),
    ("close 12, thanks sam for swapping the toner, user confirmed",
     "thanks sam for swapping the toner, user confirmed"),
])
def test_a_reason_that_goes_on_after_thanks_is_kept(said: str, reason: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, ChangeStatus) and read.reason == reason, read
