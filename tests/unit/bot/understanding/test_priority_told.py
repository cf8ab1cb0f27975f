"""How urgent a ticket is, told rather than set: "12 can go to low" sets it, "12 is less
urgent now" and "no rush on 12" ask which priority (never a guess of how much lower), and
"12 needs escalating" is "escalate 12"."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

ASKED = "ask edit TKT-2026-0012 ? priority"


@pytest.mark.parametrize(("said", "expected"), [
    ("12 can go to low", "edit TKT-2026-0012 priority=low"),
    ("12 can go down to medium", "edit TKT-2026-0012 priority=medium"),
    ("12 can drop to low now", "edit TKT-2026-0012 priority=low"),
    ("12 is less urgent now", ASKED),
    ("12 is not that urgent anymore", ASKED),
    ("12 isn't so urgent any more", ASKED),
    ("12 can wait", ASKED),
    ("12 can wait a bit", ASKED),
    ("no rush on 12", ASKED),
    ("there's no rush for 12", ASKED),
    ("12 is more urgent now", ASKED),
    ("12 needs escalating", "edit TKT-2026-0012 priority=urgent"),
    ("12 needs to be escalated", "edit TKT-2026-0012 priority=urgent"),
])
def test_a_priority_told_is_set_or_asked(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("12 can wait until the user is back", None),
    ("can 12 wait?", None),
    ("12 can't wait", None),
    ("the user can wait", None),
    ("12 needs escalating to network", None),
])
def test_look_alikes_set_no_priority(said: str, expected: str | None) -> None:
    read = summary(as_the_bot_reads(said, CONVERSATION))
    assert "priority=" not in read and read != ASKED, read
    if expected is not None:
        assert read == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("make 12 low, it's not urgent", "edit TKT-2026-0012 priority=low"),
    ("lower 12 to medium, it's not blocking anyone", "edit TKT-2026-0012 priority=medium"),
    ("make 12 low, it's not really urgent", "edit TKT-2026-0012 priority=low"),
    ("make 12 low, not a priority", "edit TKT-2026-0012 priority=low"),
    ("make 12 low - no longer blocking", "edit TKT-2026-0012 priority=low"),
    ("lower 12 to medium as it isn't business critical", "edit TKT-2026-0012 priority=medium"),
])
def test_why_a_ticket_can_wait_is_no_take_back(said: str, expected: str) -> None:
    """Before, each was "OK, I'll leave TKT-… as it is": its "not" was read as calling the
    change off."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize("said", [
    "make 12 urgent, it's not urgent", "close 12, it's not urgent", "make 12 low, actually not",
    "make 12 low, not sure", "make 12 low, it's not fixed",
])
def test_a_not_that_does_not_say_why_it_can_wait_changes_nothing(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)).startswith("no change"), said
