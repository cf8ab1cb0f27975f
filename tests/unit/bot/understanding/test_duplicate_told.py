"""A ticket said to be a duplicate without saying of which ("12 is a dupe") is asked about
("Should TKT-… be closed?"), never closed at once; before, it went to the help assistant.
"12 is a duplicate of 10" keeps its own answer (TicketFlow cannot merge)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


def asked(ticket: int) -> str:
    number = f"TKT-2026-{ticket:04d}"
    return f"ask status {number} ?: Should {number} be closed? [Yes]"


@pytest.mark.parametrize(("said", "expected"), [
    ("12 is a dupe", asked(12)),
    ("12 is a duplicate", asked(12)),
    ("#12 is just a duplicate ticket", asked(12)),
    ("this is a duplicate", asked(7)),
    ("it's a dup i think", asked(7)),
    ("fyi 12 is a repeat", asked(12)),
    ("12 is a duplicate of 10", "cannot merge TKT-2026-0012 TKT-2026-0010"),
])
def test_a_duplicate_told_asks_to_close_it(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize("said", [
    "12 is a duplicate?", "is 12 a duplicate", "12 is not a duplicate",
    "12 isn't a dupe", "the duplicate is 12",
])
def test_look_alikes_ask_no_close(said: str) -> None:
    assert "closed" not in summary(as_the_bot_reads(said, CONVERSATION))
