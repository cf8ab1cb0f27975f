""""it's resolved, you can close it" resolved the ticket in view and posted "you can close it"
on it as why, where its requester reads it: the state told, then the change asked, which
is made. A reason that tells why ("close 12, it's fixed") stays the reason."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "read", "reason"), [
    ("it's resolved, you can close it", "status #7 closed", None),
    ("it's resolved you can close it", "status #7 closed", None),
    ("it's sorted, pls close", "status #7 closed", None),
    ("its done, feel free to close it", "status #7 closed", None),
    # a reason that tells why, or the change asked in the same words
    ("close 12, it's fixed", "status #12 closed", "it's fixed"),
    ("resolve 12, it was a loose cable", "status #12 resolved", "it was a loose cable"),
    ("12 is fixed, please close it", "status #12 closed", None),
])
def test_the_change_asked_after_a_state_is_made(said: str, read: str, reason: str | None) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == expanded(read)
    assert isinstance(understood, ChangeStatus) and understood.reason == reason


@pytest.mark.parametrize("said", [
    "it's working now, you can close it", "it works now, you can close my ticket",
])
def test_told_working_again_it_is_resolved_with_no_comment_of_the_request(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == expanded("status #7 resolved")
    assert isinstance(understood, ChangeStatus) and understood.reason is None
