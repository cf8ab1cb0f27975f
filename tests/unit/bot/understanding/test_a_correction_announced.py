"""A correction announced before a request ("correction: 1001 should be high, not urgent")
is the request: it went to the help assistant. A correction said of a ticket is not a lead."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("correction: 1001 should be high, not urgent", "edit #1001 priority=high"),
    ("correction - 1001 should be high", "edit #1001 priority=high"),
    ("small correction: assign 12 to lee park", "assign #12 to user:u-lee"),
    ("quick correction, 12 is due friday", "edit #12 due=2026-12-04"),
    ("add a correction to 12: wrong room", "free text"),
])
def test_a_correction_announced_is_the_request_after_it(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
