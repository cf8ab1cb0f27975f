"""What is said of another ticket after a change is not why it changed: "779 is done, 780
isnt" resolved 779 with "780 isnt" posted as the reason its requester reads, "779 is fixed,
780 is still in progress" likewise. Now 779 changes with no reason. Found while writing
look-alikes of the fourteenth held-out table's two-ticket lines."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "read"), [
    ("779 is done, 780 isnt", "status #779 resolved"),
    ("779 is fixed, 780 is still in progress", "status #779 resolved"),
    ("resolve 779 - 780 is the same thing", "status #779 resolved"),
])
def test_what_is_said_of_another_ticket_is_no_reason(said: str, read: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == expanded(read)
    assert isinstance(understood, ChangeStatus) and understood.reason is None


@pytest.mark.parametrize(("said", "read", "reason"), [
    ("close 40, duplicate of 41", "status #40 closed", "duplicate of 41"),
    ("40 is blocked, waiting on 41", "status #40 on_hold", "waiting on 41"),
    ("close 779, it was the cable", "status #779 closed", "it was the cable"),
])
def test_a_reason_naming_another_ticket_stays(said: str, read: str, reason: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == expanded(read)
    assert isinstance(understood, ChangeStatus) and understood.reason == reason
