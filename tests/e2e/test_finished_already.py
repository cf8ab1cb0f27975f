"""Over HTTP: "fixed" right after closing a ticket asked "Should TKT-… be resolved?", and its
Yes answered "cannot go from closed to resolved": a ticket finished already is said to be,
and nothing is asked or changed. An open ticket is still asked about, and closing a resolved
one too."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, a_ticket, person_in_teams, presses
from tests.e2e.test_meant_another_ticket import short


@pytest.mark.parametrize(("first", "said", "expected"), [
    ("close", "fixed", "closed"), ("close", "done", "closed"), ("close", "Fixed!", "closed"),
    ("resolve", "fixed", "resolved"), ("resolve", "all done", "resolved"),
])
async def test_fixed_of_a_ticket_finished_already_says_so_and_asks_nothing(
    service: Service, engine: AsyncEngine, first: str, said: str, expected: str
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    number = await a_ticket(engine, mia_id)
    await service.say(f"{first} {short(number)}", user=mia)

    turn = await service.say(said, user=mia)

    assert turn.texts == [f"{number} is already {expected}: nothing to change."], turn.texts
    assert presses(turn) == {}


async def test_fixed_of_an_open_ticket_is_still_asked_about(
    service: Service, engine: AsyncEngine
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    number = await a_ticket(engine, mia_id)
    await service.say(f"show {short(number)}", user=mia)
    asked = await service.say("fixed", user=mia)
    assert asked.texts == [f"Should {number} be resolved?"]
    await service.say("yes", user=mia)
    async with engine.connect() as connection:
        status = (await connection.execute(
            select(tasks.c.status).where(tasks.c.ticket_number == number))).scalar_one()
    assert status == "resolved"
