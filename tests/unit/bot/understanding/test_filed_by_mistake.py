"""A ticket told as filed by mistake is offered for closing: "984 was raised by mistake" and
"opened 984 by accident" were not understood. Now "Should … be closed?" is asked; nothing
changes on the telling alone. A change told as a mistake ("i accidentally closed 12") is as
before (the undo is offered), and questions are not read here."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


def _asked(ticket: int) -> str:
    return f"ask status TKT-2026-{ticket:04d} ?: Should TKT-2026-{ticket:04d} be closed? [Yes]"


@pytest.mark.parametrize(("said", "ticket"), [
    ("984 was raised by mistake", 984), ("opened 984 by accident", 984),
    ("I raised 984 by mistake, sorry", 984), ("oops, i opened ticket 984 twice", 984),
    ("984 got logged accidentally", 984), ("sorry 984 was created in error", 984),
    ("we logged #984 by mistake", 984), ("984 is a test ticket, please ignore", 984),
    ("984 was a mistake", 984), ("i accidentally raised 984", 984),
])
def test_a_ticket_filed_by_mistake_is_offered_for_closing(said: str, ticket: int) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == _asked(ticket)


@pytest.mark.parametrize(("said", "expected"), [
    ("i accidentally closed 12", "cannot undo TKT-2026-0012"),
    ("12 was closed by mistake", "cannot undo TKT-2026-0012"),
    ("was 984 raised by mistake?", None),
    ("984 was raised by mistake?", None),
    ("i raised 984 by mistake please close it", "status TKT-2026-0984 closed"),
])
def test_look_alikes_are_read_as_before(said: str, expected: str | None) -> None:
    read = summary(as_the_bot_reads(said, CONVERSATION))
    if expected is None:
        assert not read.startswith(("status", "ask status")), read
    else:
        assert read == expected
