"""A ticket said not to need its urgency asks which priority, as "12 is not urgent" does:
"1379 shouldn't be urgent" was free text (seventeenth held-out table), "12 doesn't need to
be high" too. How much lower is never guessed. A status said not to be ("12 shouldn't be
closed") and a problem said not to be urgent are as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("12 shouldn't be urgent", "ask edit #12 ? priority"),
    ("12 should not be high priority", "ask edit #12 ? priority"),
    ("#12 shouldnt be that urgent", "ask edit #12 ? priority"),
    ("12 doesn't need to be urgent", "ask edit #12 ? priority"),
    ("12 does not need to be high", "ask edit #12 ? priority"),
    # as before
    ("12 is not urgent", "ask edit #12 ? priority"),
    ("12 shouldn't be closed", "no change #12"),
    ("12 shouldn't be on hold", "no change #12"),
    ("the printer shouldn't be urgent", "free text"),
    ("12 shouldn't be urgent?", "show #12"),
])
def test_a_ticket_said_not_to_be_urgent_asks_which_priority(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
