"""A new ticket due on a day already past is asked about, as an edit to one is."""

from __future__ import annotations

import pytest

from bot.actions.phrasing import phrase
from bot.understanding.requests import Clarify, CreateTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("new ticket due 2026-12-01: printer jams", "ask create title='Printer jams' due=2026-12-01: "
     "Tue 1 Dec 2026 is in the past. Should the new ticket be due then? [Yes]"),
    ("new urgent incident and assign it to me due 2026-11-30: vpn down",
     "ask create title='Vpn down' priority=urgent category=incident to=user:u-jo due=2026-11-30: "
     "Mon 30 Nov 2026 is in the past. Should the new ticket be due then? [Yes]"),
    ("anyway, new ticket due 2026-12-01: printer jams", "create title='Printer jams' due=2026-12-01"),
    ("new ticket due 2026-12-02: printer jams", "create title='Printer jams' due=2026-12-02"),
    ("new ticket printer jams due tomorrow", "create title='Printer jams' due=2026-12-03"),
])
def test_a_new_ticket_due_on_a_day_already_past_is_asked_about(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


def test_yes_files_it_due_that_day_without_asking_again() -> None:
    asked = as_the_bot_reads("new ticket due 2026-12-01: printer jams", CONVERSATION)
    assert isinstance(asked, Clarify) and isinstance(asked.request, CreateTicket)

    again = as_the_bot_reads(phrase(asked.request, CONVERSATION), CONVERSATION)

    assert again == asked.request
