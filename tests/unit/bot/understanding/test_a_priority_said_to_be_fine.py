"""A priority said to be enough for a ticket is set: "1233 is not that urgent, medium is
fine" was not understood (sixteenth held-out table), nor "medium is fine for 12". A priority
said fine of no ticket, or of something else, changes nothing; "12 is not urgent" alone asks
which priority, as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("1233 is not that urgent, medium is fine", "edit #1233 priority=medium"),
    ("12 is not urgent, low is fine", "edit #12 priority=low"),
    ("medium is fine for 12", "edit #12 priority=medium"),
    ("12 isnt that urgent tho, low would be fine", "edit #12 priority=low"),
    ("TKT-2026-0040 is not so critical - normal priority is fine thanks", "edit #40 priority=medium"),
    # near misses
    ("medium is fine", "free text"),
    ("low is fine for me", "free text"),
    ("the printer is not urgent, low is fine", "free text"),
    ("12 is not urgent", "ask edit #12 ? priority"),
])
def test_a_priority_said_to_be_fine_is_set(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
