"""A start said of a list ("start all my open tickets") searched the list for the word
"start", so the person saw "No tickets here." and nothing was offered; "resolve all my open
tickets" was offered. Now the list is shown with "Start these N tickets?" [Yes, start all N],
as for close, resolve and reopen."""

from __future__ import annotations

import pytest

from bot.actions.notices import offer_each
from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from domain.tickets import TicketStatus
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("start all my open tickets", "status each of in_progress (list mine status=open)"),
    ("Start all my tickets please", "status each of in_progress (list mine)"),
    ("begin all of my open tickets", "status each of in_progress (list mine status=open)"),
    ("please start all of sam's tickets",
     "status each of in_progress (list all assignee=user:u-sam)"),
    ("start my urgent tickets", "status each of in_progress (list mine priority=urgent)"),
])
def test_a_start_of_a_list_is_offered_for_its_tickets(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("resolve all my open tickets", "status each of resolved (list mine status=open)"),
    ("start 12", "status #12 in_progress"),
    ("start with my urgent tickets", "list all text='urgent'"),
    ("start all", "unknown [my tickets, new ticket, help] e.g. [start 4, resolve 4, put 4 on hold]"),
])
def test_look_alikes_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


def test_the_offer_says_start_in_plain_words() -> None:
    assert offer_each(ChangeStatus(None, TicketStatus.IN_PROGRESS), 3, 3, viewer_id="u-jo") == (
        "Start these 3 tickets?", "Yes, start all 3")
