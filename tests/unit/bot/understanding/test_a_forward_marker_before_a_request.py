"""A mail's forward marker before a request ("fwd: please close 1825 – user confirmed fixed",
"FW: close 12") is no hand-over: "fwd" read as "forward" asked who should take the ticket,
with “close” as the person. "forward 12 to network" still hands it over. Found by the
nineteenth held-out table."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "read"), [
    ("fwd: please close 1825 – user confirmed fixed", "status #1825 closed"),
    ("Fwd: close 12", "status #12 closed"),
    ("FW: close 12", "status #12 closed"),
    ("fwd:reopen 12 pls", "status #12 open"),
])
def test_a_forward_marker_before_a_request_is_no_hand_over(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)


@pytest.mark.parametrize(("said", "read"), [
    ("fwd 12 to sam", "assign #12 to user:u-sam"),
    ("forward 12 to network", "assign #12 to team:2"),
    ("FW: printer broken", "free text"),
])
def test_a_forward_asked_is_read_as_before(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)
