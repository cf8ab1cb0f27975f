"""A ticket told not fixed, then asked to go back to work, is asked: "914 is not fixed, please
reopen" was read as a refusal ("OK, I'll leave it as it is") and 914 stayed closed; an
annoyed customer's "you closed 914 but the problem is NOT fixed. reopen it now" likewise.
The "not" tells the ticket's state, and refuses nothing."""

from __future__ import annotations

import pytest

from bot.understanding.requests import AssignTicket, ChangeStatus, EditTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("914 is not fixed, please reopen", "status #914 open"),
    ("914 isn't fixed. reopen it", "status #914 open"),
    ("you closed 914 but the problem is NOT fixed. reopen it now", "status #914 open"),
    ("914 still not working, reopen pls", "status #914 open"),
    ("ticket 914 is not resolved, can you reopen it", "status #914 open"),
    ("914 doesn't work, put it back in progress", "status #914 in_progress"),
])
def test_a_ticket_told_not_fixed_then_asked_back_is_reopened(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "914 is not fixed, don't reopen it though",
    "914 is not fixed, so don't close it",
    "914 is not fixed, please close it",
    "don't reopen 914, it is not fixed but the user is away",
    "914 is not fixed, reopen it if the user complains",
    "914 is not fixed?",
    "is 914 not fixed? reopen it",
    "914 is not fixed, 915 can be reopened",
])
def test_a_refusal_a_condition_or_another_request_is_not_read_as_a_reopen(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert not (isinstance(understood, ChangeStatus) and understood.status is not None
                and understood.status.value == "open" and str(understood.ticket).endswith("0914"))


@pytest.mark.parametrize("said", [
    "914 is not fixed, please close it", "914 is not fixed",
])
def test_what_was_read_before_still_changes_nothing(said: str) -> None:
    assert not isinstance(as_the_bot_reads(said, CONVERSATION),
                          (ChangeStatus, AssignTicket, EditTicket))
