"""Over HTTP: "remove the due date on 12" takes the due date off (it was free text, which the
help documents offered to file as a new ticket); a customer, who may not set due dates, is
told so and nothing changes."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, person_in_teams, texts_in
from tests.integration.builders import insert_ticket, this_years
from tests.e2e.teams_doubles.activities import senders_today

NUMBER = this_years(12)


async def _due(engine: AsyncEngine) -> object:
    async with engine.connect() as connection:
        return (await connection.execute(
            select(tasks.c.due_date).where(tasks.c.ticket_number == NUMBER))).scalar_one()


@pytest.mark.parametrize("said", [
    "remove the due date on 12", "no due date for 12 anymore", "12 doesn't need a deadline",
])
async def test_the_due_date_is_taken_off(service: Service, engine: AsyncEngine, said: str) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    await insert_ticket(engine, created_by=manager, number=NUMBER, title="Renew the SSL cert",
                        due_date=senders_today())

    turn = await service.say(said, user=mia)

    assert "Saved: due date." in texts_in(turn.card), turn.texts
    assert await _due(engine) is None


async def test_the_due_date_of_the_ticket_in_view_is_taken_off(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    await insert_ticket(engine, created_by=manager, number=NUMBER, title="Renew the SSL cert",
                        due_date=senders_today())
    await service.say("show 12", user=mia)

    await service.say("clear the deadline please", user=mia)

    assert await _due(engine) is None


async def test_a_customer_may_not_take_the_due_date_off(
    service: Service, engine: AsyncEngine
) -> None:
    customer, cy = await person_in_teams(service, engine, "Cy", "Customer", role="customer")
    await insert_ticket(engine, created_by=customer,
                        number=NUMBER, title="Renew the SSL cert", due_date=senders_today())

    turn = await service.say("remove the due date on 12", user=cy)

    assert "Only the service desk sets the due date." in texts_in(turn.card)
    assert await _due(engine) is not None
