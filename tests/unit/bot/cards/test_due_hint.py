"""A ticket card says how far its due date is, from the clock it is drawn with."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.cards.due import due_hint
from bot.cards.ticket import ticket_card
from bot.cards.views import TicketView
from domain.tickets import TicketStatus
from tests.unit.bot.cards.builders import a_ticket
from tests.unit.bot.cards.reading import facts

DUE = datetime(2026, 3, 9, 12, 0)


@pytest.mark.parametrize(
    ("now", "said"),
    [
        (DUE - timedelta(hours=3, minutes=20), "due in 3 h"),
        (DUE - timedelta(minutes=45), "due in 45 min"),
        (DUE - timedelta(hours=47), "due in 47 h"),
        (DUE - timedelta(days=5, hours=2), "due in 5 d"),
        (DUE + timedelta(days=2, hours=7), "overdue by 2 d"),
        (DUE + timedelta(hours=5), "overdue by 5 h"),
        (DUE + timedelta(seconds=10), "overdue by 1 min"),
        (DUE, "due in 1 min"),
    ],
)
def test_the_hint_rounds_down_to_the_largest_unit_that_fits(now: datetime, said: str) -> None:
    assert due_hint(DUE, now=now) == said


DAY = datetime(2026, 3, 9)
"""A due date with no time of day, as the bot and a date picker store it: the whole day."""


@pytest.mark.parametrize(
    ("now", "said"),
    [
        (datetime(2026, 3, 9, 21, 25), "due today"),
        (datetime(2026, 3, 9, 0, 0), "due today"),
        (datetime(2026, 3, 8, 10, 0), "due tomorrow"),
        (datetime(2026, 3, 5, 23, 0), "due in 4 d"),
        (datetime(2026, 3, 10, 0, 0), "overdue by 1 d"),
        (datetime(2026, 3, 12, 8, 0), "overdue by 3 d"),
    ],
)
def test_a_due_day_is_told_in_days_and_is_overdue_only_once_it_has_passed(
    now: datetime, said: str
) -> None:
    """"due today" was "overdue by 21 h": the day's midnight was read as its deadline."""
    assert due_hint(DAY, now=now) == said


def _card_facts(now: datetime | None, **changes: object) -> dict[str, str]:
    ticket = a_ticket(due_date=DUE, **changes)
    view = TicketView.of(
        ticket, actions=(), requester_label="Carla", assignee_label=None, now=now
    )
    return facts(ticket_card(ticket=view))


def test_an_open_ticket_card_shows_the_day_and_how_far_it_is() -> None:
    assert _card_facts(DUE - timedelta(hours=3))["Due"] == "9 Mar 2026 · due in 3 h"
    assert _card_facts(DUE + timedelta(days=2))["Due"] == "9 Mar 2026 · overdue by 2 d"


def test_a_resolved_ticket_or_a_card_drawn_without_a_clock_shows_only_the_day() -> None:
    assert _card_facts(DUE + timedelta(days=2), status=TicketStatus.RESOLVED)["Due"] == (
        "9 Mar 2026"
    )
    assert _card_facts(None)["Due"] == "9 Mar 2026"
