"""Over HTTP: "let me check 12" shows 12 and leaves it with whoever has it (it assigned 12
to the one saying it), and "give me a sec" is acknowledged (it searched for "sec")."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, file_ticket, person_in_teams, texts_in


async def test_let_me_check_shows_the_ticket_and_a_moment_is_acknowledged(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    ticket = await file_ticket(engine, manager, "Switch in room 4 is down", category="incident")

    shown = await service.say(f"let me check {int(ticket.ticket_number[-4:])}", user=mia)
    waited = await service.say("give me a sec", user=mia)

    assert "Switch in room 4 is down" in texts_in(shown.card)
    assert waited.texts == ["👍"]
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks.c.assignee_id, tasks.c.status)
                                        .where(tasks.c.id == ticket.id))).one()
    assert (row.assignee_id, row.status) == (None, "open")
