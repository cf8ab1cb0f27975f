"""Tickets left alone, over HTTP: "tickets nobody touched in a week", "not updated in 2
weeks", "which of my tickets have had no update since monday" list the tickets last updated
before that day, and the card's header says the day. Before, "no change ?" or not understood."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service, person_in_teams, texts_in
from tests.e2e.teams_doubles.activities import TeamsUser, senders_today
from tests.integration.builders import insert_ticket

UPDATED_DAYS_AGO = {"Busy printer": 1, "Six days quiet": 6, "Eight days quiet": 8,
                    "Three weeks quiet": 21, "Closed long ago": 30}


@pytest.fixture
async def max_(service: Service, engine: AsyncEngine) -> TeamsUser:
    admin, max_ = await person_in_teams(service, engine, "Max", "Admin", role="admin")
    midday = datetime.combine(senders_today(), time(12, 0))
    for title, days in UPDATED_DAYS_AGO.items():
        await insert_ticket(engine, created_by=admin, title=title,
                            assignee_id=admin if title != "Eight days quiet" else None,
                            status="closed" if title.startswith("Closed") else "open",
                            created_at=midday - timedelta(days=40),
                            updated_at=midday - timedelta(days=days))
    return max_


def shown(card: dict[str, object]) -> list[str]:
    text = texts_in(card)
    return sorted((t for t in UPDATED_DAYS_AGO if t in text), key=text.index)


def day_before(days: int) -> str:
    return f"{senders_today() - timedelta(days=days):%a %d %b}"


@pytest.mark.parametrize(("said", "days", "expected"), [
    ("tickets nobody touched in a week", 7, ["Eight days quiet", "Three weeks quiet"]),
    ("tickets not updated in 2 weeks", 14, ["Three weeks quiet"]),
    ("show me tix not touched for 5 days pls", 5,
     ["Six days quiet", "Eight days quiet", "Three weeks quiet"]),
    ("anything nobody looked at in 10 days?", 10, ["Three weeks quiet"]),
])
async def test_a_list_of_tickets_left_alone_says_since_when(
    service: Service, max_: TeamsUser, said: str, days: int, expected: list[str]
) -> None:
    turn = await service.say(said, user=max_)
    assert f"not updated since {day_before(days)}" in texts_in(turn.card), said
    assert sorted(shown(turn.card)) == sorted(expected), said


async def test_my_tickets_with_no_update_since_a_day_are_mine_left_alone(
    service: Service, max_: TeamsUser
) -> None:
    today = senders_today()
    monday = today - timedelta(days=today.weekday() or 7)  # the last Monday before today
    turn = await service.say("which of my tickets have had no update since monday", user=max_)
    assert f"Assigned to you · not updated since {monday:%a %d %b}" in texts_in(turn.card)
    expected = [t for t, d in UPDATED_DAYS_AGO.items() if t != "Eight days quiet"
                and not t.startswith("Closed") and _updated(d) < monday]
    assert sorted(shown(turn.card)) == sorted(expected)


def _updated(days: int) -> date:
    return senders_today() - timedelta(days=days)


async def test_a_complaint_about_ones_own_ticket_lists_nothing_left_alone(
    service: Service, max_: TeamsUser
) -> None:
    turn = await service.say("I've had no update in 2 weeks", user=max_)
    assert not any("not updated since" in texts_in(card) for card in turn.cards)
