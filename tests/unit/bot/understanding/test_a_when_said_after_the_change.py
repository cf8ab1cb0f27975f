"""A change followed only by when it should be made is not made now: "close 12, I mean
later", "close 12, tonight", "close 12, after lunch" closed 12 at once and posted "I mean
later" / "tonight" as why, where its requester reads it ("close 12, later" and "close 12,
tomorrow" were already not made). A reason of the person's own time ("unassign me from 30,
I'm off next week") and "I mean it" are still the change with its reason."""

from __future__ import annotations

import pytest

from bot.understanding.requests import AssignTicket, ChangeStatus
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "close 12, I mean later",
    "close 12, i mean tomorrow",
    "resolve 12, I mean after lunch",
    "close 12, tonight",
    "close 12, after lunch",
    "close 12 - this afternoon",
    "close 12, actually tonight pls",
    "put 12 on hold, I mean later today",
])
def test_a_change_said_for_later_is_not_made_now(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert not isinstance(understood, (ChangeStatus, AssignTicket)), understood


@pytest.mark.parametrize(("said", "reason"), [
    ("close 12, I mean it", "I mean it"),
    ("close 12, I mean, the user confirmed", "I mean, the user confirmed"),
    ("close 12, fixed after lunch", "fixed after lunch"),
    ("close 12, the user is off tonight", "the user is off tonight"),
    ("close 12, works now", "works now"),
])
def test_a_reason_telling_more_than_when_is_the_change_with_it(said: str, reason: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(understood, ChangeStatus) and understood.reason == reason, understood


def test_their_own_time_is_still_why() -> None:
    understood = as_the_bot_reads("unassign me from 30, I'm off next week", CONVERSATION)
    assert isinstance(understood, AssignTicket) and understood.to is not None


@pytest.mark.parametrize("said", ["close 12, now", "close 12, right now", "close 12, asap",
                                  "close 12, I mean now", "close 12 now please"])
def test_now_said_after_the_change_is_the_change(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(understood, ChangeStatus) and understood.ticket is not None, understood
