"""Asking what happened to a ticket shows its card with the history open; other questions
about changes and events stay questions."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "read"), [
    ("show me the history of 4", "history TKT-2026-0004"),
    ("what happened on 4?", "history TKT-2026-0004"),
    ("history 4", "history TKT-2026-0004"),
    ("who changed 4", "history TKT-2026-0004"),
    ("History of TKT-2026-0012 pls 🙏", "history TKT-2026-0012"),
    ("histroy 4", "history TKT-2026-0004"),
    ("4's history", "history TKT-2026-0004"),
    ("4 history", "history TKT-2026-0004"),
    ("what happened to ticket 4 so far?", "history TKT-2026-0004"),
    ("whats happened with #9", "history TKT-2026-0009"),
    ("who has touched #4??", "history TKT-2026-0004"),
    ("can you show me the change log for 4?", "history TKT-2026-0004"),
    ("who edited it last?", "history TKT-2026-0007"),
    ("history of it", "history TKT-2026-0007"),
    ("what has changed on it", "history TKT-2026-0007"),
])
def test_asking_what_happened_to_a_ticket_shows_its_history(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read


@pytest.mark.parametrize(("said", "read"), [
    ("show 4", "show TKT-2026-0004"),
    ("what happened?", "question"),
    ("who changed the printer settings", "question"),
    ("what happened to my laptop", "question"),
])
def test_other_questions_are_not_a_history(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)).startswith(read)


def test_the_history_of_two_tickets_is_each_ones_history() -> None:
    assert summary(as_the_bot_reads("history of 4 and 5", CONVERSATION)) == (
        "history TKT-2026-0004, TKT-2026-0005")
