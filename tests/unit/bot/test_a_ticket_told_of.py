"""News of a ticket named by a bare number ("12 still broken after reboot", "vendor says 12
will be fixed next week") is about that ticket: offered as a comment on it, not answered from
the help documents. Before, only "#12", "ticket 12" or "TKT-2026-0012" named it."""

from __future__ import annotations

import pytest

from bot.messages import _named_ticket
from domain.numbering import TicketNumber
from tests.unit.bot.understanding.test_transcript import CONVERSATION


@pytest.mark.parametrize("said", [
    "12 still broken after reboot",
    "12 is still broken after the reboot",
    "vendor says 12 will be fixed next week",
    "the vendor said 12 won't be fixed before friday",
    "12: user is wfh tomorrow",
    "12 - printer replaced, user happy",
    "user confirmed 12 keeps dropping",
    "fyi 12 has a new serial number ABC123",
    "#12 still broken after reboot",
])
def test_news_of_a_ticket_by_its_number_names_it(said: str) -> None:
    assert _named_ticket(said, CONVERSATION) == TicketNumber("TKT", 2026, 12)


@pytest.mark.parametrize("said", [
    "error 404 is back after the update",
    "3 monitors are flickering",
    "2 users still cannot log in",
    "outlook says error 0x800 will not go away",
    "my printer on floor 2 is broken",
    "since 3 days the vpn drops",
    "it takes 10 minutes to boot",
])
def test_a_number_that_is_no_ticket_names_none(said: str) -> None:
    assert _named_ticket(said, CONVERSATION) is None
