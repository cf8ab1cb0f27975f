"""Asking for a summary of one ticket shows its card, which is the summary.

Found by using the bot as a manager: "summary of 3" went to the help assistant, which found
nothing and offered to file "summary of 3" as a new ticket."""

from __future__ import annotations

import pytest

from bot.understanding.requests import EditTicket, ShowTicket
from domain.numbering import TicketNumber
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "ticket"), [
    ("summary of 3", 3),
    ("summarise 3", 3),
    ("can you summarise ticket 12 for me", 12),
    ("quick recap of 12 pls", 12),
    ("sum up 12", 12),
    ("give me a brief summary of 12", 12),
    ("overview of 12", 12),
    ("summarize it", 7),  # the ticket in view
])
def test_a_summary_of_one_ticket_shows_it(said: str, ticket: int) -> None:
    assert as_the_bot_reads(said, CONVERSATION) == ShowTicket(TicketNumber("TKT", 2026, ticket))


@pytest.mark.parametrize("said", [
    "summary of 12: printer dead",
    "change the summary of 12 to printer dead",
])
def test_a_summary_given_a_new_text_still_edits_the_title(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(understood, EditTicket) and understood.title == "Printer dead"


@pytest.mark.parametrize("said", [
    "summary of the meeting notes",
    "summarise the vpn doc",
    "weekly summary",
])
def test_a_summary_of_something_else_is_no_ticket_shown(said: str) -> None:
    assert not isinstance(as_the_bot_reads(said, CONVERSATION), ShowTicket)
