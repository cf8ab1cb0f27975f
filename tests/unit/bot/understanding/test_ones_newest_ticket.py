"""One's newest or oldest ticket, named rather than numbered ("reopen my last ticket", "what's
my latest ticket", "show my oldest open ticket").

Before, "can you reopen my last ticket" was not understood; "my newest ticket" listed every
ticket of one's, newest first; "my last open ticket" and "show my oldest open ticket" FILED
a new ticket titled "My last" / "Show my oldest" ("open ticket" read as "open a ticket").
Now the one ticket is listed (the newest in any status: the one filed last), and a change
said of it is offered for that ticket once it is shown, never made unseen."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "expected"), [
    ("my last ticket", "list mine status=any order=newest top=1"),
    ("whats my latest ticket", "list mine status=any order=newest top=1"),
    ("my newest ticket", "list mine status=any order=newest top=1"),
    ("my most recent ticket", "list mine status=any order=newest top=1"),
    ("show my oldest ticket", "list mine order=oldest top=1"),
    ("my last open ticket", "list mine status=open order=newest top=1"),
    ("show my oldest open ticket", "list mine status=open order=oldest top=1"),
    ("the newest open ticket", "list all status=open order=newest top=1"),
    ("my urgent open ticket", "list mine status=open priority=urgent"),
    ("my only open ticket", "list mine status=open"),
    # several stay several
    ("my newest tickets", "list mine order=newest"),
    ("my oldest open tickets", "list mine status=open order=oldest"),
    ("the last 5 tickets", "list all order=newest top=5"),
    ("tickets from last week", "list all created_from=2026-11-23 created_before=2026-11-30"),
])
def test_ones_newest_or_oldest_ticket_is_listed_alone(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("can you reopen my last ticket", "status each of open (list mine status=any order=newest top=1)"),
    ("reopen my last ticket", "status each of open (list mine status=any order=newest top=1)"),
    ("pls re-open my latest ticket", "status each of open (list mine status=any order=newest top=1)"),
    ("reopen my last closed ticket", "status each of open (list mine status=closed order=newest top=1)"),
    ("close my latest ticket", "status each of closed (list mine status=any order=newest top=1)"),
    ("close my oldest ticket please", "status each of closed (list mine order=oldest top=1)"),
    ("resolve my most recent ticket", "status each of resolved (list mine status=any order=newest top=1)"),
])
def test_a_change_of_ones_newest_ticket_is_offered_for_it_once_shown(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("printer broken open ticket", "create title='Printer broken'"),
    ("vpn down, open ticket", "create title='Vpn down'"),
    ("my laptop is broken, open ticket", "create title='My laptop is broken'"),
    ("don't reopen my last ticket", "no change ?"),
])
def test_look_alikes_file_or_change_nothing_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
