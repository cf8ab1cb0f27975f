"""Its history asked for without naming the ticket, right after its card: the history of the
ticket in view. "show me the history" listed the tickets matching "history", and "show me its
history" every ticket; with no card shown, which ticket is asked."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

NOTHING_IN_VIEW = replace(CONVERSATION, last_ticket=None)


@pytest.mark.parametrize("said", [
    "show me the history",
    "show history",
    "Show me its history",
    "history",
    "history?",
    "History pls",
    "can i see the history",
    "can I see its history?",
    "whats the history",
    "what's the history on this one",
    "view history",
    "open the history please",
    "full history",
    "show me the change log",
    "histroy",
    "the history of this ticket",
    "and the history?",
])
def test_the_history_asked_after_a_card_is_that_tickets(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "history TKT-2026-0007"


@pytest.mark.parametrize("said", ["show me the history", "history", "can i see its history"])
def test_the_history_asked_with_no_card_shown_asks_which_ticket(said: str) -> None:
    assert summary(as_the_bot_reads(said, NOTHING_IN_VIEW)) == "history ?"


@pytest.mark.parametrize(("said", "read"), [
    ("history of 4", "history TKT-2026-0004"),
    ("tickets about history", "list all text='history'"),
    ("find tickets about the history module", "list all text='history module'"),
    ("clear my browser history", "free text"),
    ("how do i see the history of a ticket?", "question"),
    ("history of the printer", "free text"),
    ("my browser history is gone", "free text"),
])
def test_a_history_that_is_another_thing_is_read_as_before(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read
