""""put 12 on hold, it's not urgent" puts it on hold with why, as "make 12 low, it's not
urgent" makes it low. Before, "it's" after "on hold" was read as "it is", not as the ticket,
so "not" was taken for a take-back and nothing changed ("its not urgent" worked)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("put 12 on hold, it's not urgent", "status #12 on_hold"),
    ("put 12 on hold it's not urgent", "status #12 on_hold"),
    ("put 12 on hold, it's not urgent anymore", "status #12 on_hold"),
    ("Put it on hold, it's not urgent", "status #7 on_hold"),
    ("put 12 on hold - it isn't blocking anyone", "status #12 on_hold"),
    ("put 12 on hold, it's not that urgent", "status #12 on_hold"),
    ("hold 12, its not urgent", "status #12 on_hold"),
    ("put 12 on hold, not urgent", "status #12 on_hold"),
])
def test_on_hold_because_it_is_not_urgent_is_put_on_hold(said: str, expected: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert summary(read) == expanded(expected)
    reason = getattr(read, "reason", None) or ""
    assert "urgent" in reason or "blocking" in reason


@pytest.mark.parametrize("said", [
    "put 12 on hold, no wait", "put 12 on hold, actually don't", "don't put 12 on hold",
])
def test_a_hold_taken_back_changes_nothing(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)).startswith("no change")
