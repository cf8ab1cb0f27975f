"""Over HTTP: a manager looking for a ticket by a word she remembers ("i remember a ticket about
a recording, cant find it") was answered from the help documents and offered a new ticket;
she gets the tickets that mention it, and nothing is filed."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, file_ticket, person_in_teams, texts_in


async def test_a_ticket_remembered_by_a_word_is_found(
    service: Service, engine: AsyncEngine
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    recording = await file_ticket(engine, mia_id, "Teams meeting recording missing")
    printer = await file_ticket(engine, mia_id, "Printer jams on the 3rd floor")
    await service.say(f"show {printer.ticket_number}", user=mia)

    listed = await service.say("i remember a ticket about a recording, cant find it", user=mia)

    shown = texts_in(listed.card)
    assert recording.ticket_number in shown and printer.ticket_number not in shown, shown
    async with engine.connect() as connection:
        assert (await connection.execute(select(func.count()).select_from(tasks))).scalar() == 2
