"""Over HTTP: "12 can go to low" lowers 12 (it went to the help assistant), and "no rush on
12" asks which priority, with a button for each, changing nothing until one is pressed."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, file_ticket, person_in_teams, presses


async def _priority(engine: AsyncEngine, ticket_id: int) -> str:
    async with engine.connect() as connection:
        return (await connection.execute(
            select(tasks.c.priority).where(tasks.c.id == ticket_id))).scalar_one()


async def test_a_priority_told_is_set_and_a_relative_one_asked(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    lowered = await file_ticket(engine, manager, "Badge reader slow")
    waiting = await file_ticket(engine, manager, "New chair for room 2")

    await service.say(f"{int(lowered.ticket_number[-4:])} can go to low", user=mia)
    asked = await service.say(f"no rush on {int(waiting.ticket_number[-4:])}", user=mia)

    assert await _priority(engine, lowered.id) == "low"
    assert asked.texts[0] == f"Which priority should {waiting.ticket_number} get?"
    assert await _priority(engine, waiting.id) == "medium"
    await service.say(presses(asked)["Low"], user=mia)
    assert await _priority(engine, waiting.id) == "low"
