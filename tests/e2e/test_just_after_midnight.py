"""Just after midnight where the senders are (Berlin) it is still yesterday in UTC, the time
TicketFlow stores and numbers tickets by. Found when CI ran then: a bare "40" on New Year's
night named next year's ticket 40 (which does not exist yet); "since monday" said on a Monday
meant that same day; a due date three UTC days ahead is two of the sender's days ahead.
Each test sets the clock (it runs on from there), so each holds whenever it runs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import time_machine
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service, person_in_teams, texts_in
from tests.e2e.test_questions_about_a_ticket import answer
from tests.integration.builders import insert_person, insert_ticket

NEW_YEARS_NIGHT = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 Jan 2027 in Berlin
MONDAY_NIGHT = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)  # 00:30 on Monday 7 Dec in Berlin


@pytest.fixture
def new_years_night() -> Iterator[None]:
    with time_machine.travel(NEW_YEARS_NIGHT, tick=True):
        yield


@pytest.fixture
def monday_night() -> Iterator[None]:
    with time_machine.travel(MONDAY_NIGHT, tick=True):
        yield


async def test_a_bare_number_on_new_years_night_is_the_year_tickets_are_numbered_in(
    new_years_night: None, service: Service, engine: AsyncEngine
) -> None:
    sam_id, sam = await person_in_teams(service, engine, "Sam", "Agent")
    await insert_ticket(engine, created_by=sam_id, assignee_id=sam_id, number="TKT-2026-0040",
                        title="VPN drops every hour")

    card = (await service.say("who has 40?", user=sam)).card

    assert answer(card) == ["You have TKT-2026-0040."]
    assert "VPN drops every hour" in texts_in(card)


async def test_since_monday_said_on_a_monday_is_a_week_back(
    monday_night: None, service: Service, engine: AsyncEngine
) -> None:
    _, max_ = await person_in_teams(service, engine, "Max", "Admin", role="admin")

    turn = await service.say("tickets nobody touched since monday", user=max_)

    assert "not updated since Mon 30 Nov" in texts_in(turn.card)


async def test_days_to_a_due_date_count_from_the_senders_today(
    monday_night: None, service: Service, engine: AsyncEngine
) -> None:
    sam_id, sam = await person_in_teams(service, engine, "Sam", "Agent")
    cy_id = await insert_person(engine, "Cy", "Customer", role="customer")
    await insert_ticket(engine, created_by=cy_id, assignee_id=sam_id, number="TKT-2026-0040",
                        due_date=datetime(2026, 12, 9))  # Wednesday: three UTC days ahead

    card = (await service.say("when is 40 due?", user=sam)).card

    assert answer(card) == ["TKT-2026-0040 is due on 9 Dec (in 2 d)."]
