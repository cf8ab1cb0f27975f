"""A request after a ticket's state is told is the request: "40 is blocked, give it to sam"
gives it to Sam (it put 40 on hold, the request kept as the reason), "4 is fixed, close it"
closes it (it was resolved)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("40 is blocked, give it to sam", "assign #40 to user:u-sam"),
    ("41 is stuck, make it urgent", "edit #41 priority=urgent"),
    ("42 is blocked, reopen it", "status #42 open"),
    ("43 is fixed, close it", "status #43 closed"),
    ("ticket 44 is done, please close it", "status #44 closed"),
    ("45's stuck again, can you give it to the network team", "assign #45 to team:2"),
])
def test_a_request_after_a_state_told_is_the_request(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("46 is fixed, thanks", "status #46 resolved"),
    ("47 is blocked, waiting on the vendor", "status #47 on_hold"),
    ("48 is fixed, the user confirmed", "status #48 resolved"),
    ("49 is fixed, don't close it yet", "no change #49"),
    ("close 50, it's fixed", "status #50 closed"),
])
def test_a_state_told_alone_or_a_request_first_is_read_as_before(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "not_made"), [
    ("40 is blocked, 41 is fixed, close it", "status #40 closed"),
    ("40 is fixed, so is 41, close it", "status #40 closed"),
    ("40 is fixed, same as 41, close it", "status #40 closed"),
    ("40 is stuck, 41 is worse, give it to sam", "assign #40 to user:u-sam"),
])
def test_a_request_after_another_ticket_is_named_is_not_made_on_the_first(
    said: str, not_made: str
) -> None:
    """"it" after another ticket typed may be that one: the request is never made on the
    ticket whose state was told first (it closed 40, the user meaning 41)."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) != expanded(not_made)
