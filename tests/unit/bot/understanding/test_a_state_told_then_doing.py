"""A state told, then the change said as being done: "737 works now, closing" resolved 737
(the state's status) with "closing" posted as the reason; now it is closed, with no reason.
Found while writing look-alikes of the fourteenth held-out table."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "read"), [
    ("737 works now, closing", "status #737 closed"),
    ("737 is fixed, closing", "status #737 closed"),
    ("737 is fixed, so closing it", "status #737 closed"),
    ("737 is fixed - resolving now", "status #737 resolved"),
])
def test_the_change_said_as_done_after_a_state_is_the_one_made(said: str, read: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == expanded(read)
    assert isinstance(understood, ChangeStatus) and understood.reason is None


@pytest.mark.parametrize(("said", "read"), [
    ("737 is fixed, not closing yet", "no change #737"),
    ("737 is fixed, closing tomorrow", "free text"),
    ("put 737 on hold, parking it", "status #737 on_hold"),
])
def test_look_alikes_are_read_as_before(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)
