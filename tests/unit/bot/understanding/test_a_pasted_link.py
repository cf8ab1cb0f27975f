"""A pasted link that names a ticket's number (`…/tickets/TKT-2026-0040`) is that ticket: it
was searched for, or not understood. A link by the stored id (`…/tickets/44`, as the web app
links) names no number of ours, so it is never read as TKT-2026-0044."""

from __future__ import annotations

import pytest

from bot.understanding import understand
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import (
    CHANGES, CONVERSATION, as_the_bot_reads, expanded,
)


@pytest.mark.parametrize(("said", "expected"), [
    ("can you pull up https://tickets.example.com/tickets/TKT-2026-0040", "show #40"),
    ("close https://tickets.example.com/tickets/TKT-2026-0041 pls", "status #41 closed"),
    ("https://tickets.example.com/tickets/tkt-2026-0042", "show #42"),
    ("assign https://tickets.example.com/tickets/TKT-2026-0043/ to me",
     "assign #43 to user:u-jo"),
    ("is http://localhost:8000/tickets/TKT-2026-0044 still open?",
     "show #44 asked=status?in_progress,on_hold,open"),
])
def test_a_link_naming_a_tickets_number_is_that_ticket(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "close https://tickets.example.com/tickets/45 pls",
    "assign https://tickets.example.com/tickets/46 to me",
    "close https://jira.example.org/browse/OPS-47",
])
def test_a_link_by_id_or_to_something_else_changes_no_ticket_of_that_number(said: str) -> None:
    understood = understand(said, CONVERSATION)
    assert not (isinstance(understood, CHANGES) and understood.ticket is not None
                and understood.ticket.sequence in (45, 46, 47))
