"""Only tickets after a change are no reason for it: "close 4 - 5" closed 4 and posted "5" on
it as why, where the requester reads it; "resolve 12 – #13 pls" and "put 4 on hold - 5" the
same. A range ("4 - 5") or a second ticket is not guessed: the message is not understood,
and its buttons offer the change. A reason that names a ticket is still a reason."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus, Unknown
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "close 4 - 5", "close 4 – 7", "close 4 — 5", "close 4 - 5 - 6", "resolve 12 - 13",
    "close 4 - 5 please", "close 4 - 5 thx", "close 4 - #5", "close 4 - tkt-2026-0005",
    "reopen 4 - 5", "put 4 on hold - 5", "put 4 on hold – #5 pls", "start 4 - 5",
    "set 4 to in progress - 5", "12 is fixed - 13",
])
def test_only_tickets_after_a_change_change_nothing(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, Unknown), read


@pytest.mark.parametrize(("said", "status", "reason"), [
    ("close 4 - duplicate of 5", "closed", "duplicate of 5"),
    ("close 4 - dupe of 5", "closed", "dupe of 5"),
    ("close 4 - see 5", "closed", "see 5"),
    ("close 4 - same as 5", "closed", "same as 5"),
    ("close 4 - 5 mins fix", "closed", "5 mins fix"),
    ("close 4 - 5 users affected", "closed", "5 users affected"),
    ("put 4 on hold - waiting for vendor", "on_hold", "waiting for vendor"),
    ("close 12 - fixed", "closed", None),
])
def test_a_reason_that_names_a_ticket_is_kept(said: str, status: str, reason: str | None) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, ChangeStatus) and read.status is not None, read
    assert read.status.value == status and read.reason == reason, read
