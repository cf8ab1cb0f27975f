"""A ticket told waiting on someone, then why: "101 waiting on the customer, asked her to try
the new profile" put 101 on hold and dropped what was asked of her (no comment), where "put 101
on hold, asked her to …" kept it. What follows the party waited on is now the comment."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "reason"), [
    ("101 waiting on the customer, asked her to try the new profile",
     "asked her to try the new profile"),
    ("101 is waiting on the customer - asked her to try the new profile",
     "asked her to try the new profile"),
    ("12 waiting for user; sent him the reset link", "sent him the reset link"),
    ("TKT-2026-0012 waiting on customer: needs to confirm the serial number",
     "needs to confirm the serial number"),
    ("12 is waiting for the vendor — part ordered Friday", "part ordered Friday"),
    # a day in why it waits: what it waits for, never a hold taken back
    ("12 pending vendor, part ordered Friday", "part ordered Friday"),
    ("12 pending vendor - part arrives friday", "part arrives friday"),
    ("12 on hold, part ordered friday", "part ordered friday"),
    ("put 12 on hold, part ordered friday", "part ordered friday"),
    ("12 pending vendor, eta friday", "eta friday"),
    ("12 waiting on the user, back tomorrow", "back tomorrow"),
])
def test_why_a_ticket_waits_is_kept_for_its_comment(said: str, reason: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood).endswith("on_hold")
    assert isinstance(understood, ChangeStatus) and understood.reason == reason


@pytest.mark.parametrize(("said", "expected"), [
    ("101 waiting on user", "status #101 on_hold"),
    ("still waiting on 12, any news?", "show #12"),
    ("12 waiting on the customer, dont put it on hold yet", "no change #12"),
    ("put 12 on hold, tomorrow", "ask status #12 ?: Should #12 be on hold? [Yes]"),
    ("close 12, tomorrow", "unknown [close 12, start 12, resolve 12]"),
    ("put 12 on hold, actually dont", "no change #12"),
])
def test_a_wait_told_otherwise_reads_as_before(said: str, expected: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == expanded(expected)
    assert not isinstance(understood, ChangeStatus) or understood.reason is None
