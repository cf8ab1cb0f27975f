"""Over HTTP: a ticket row the web app (or a script) left with a value outside SCHEMA.md's
(status `pending`, priority `High`, category `hardware`) could not become a ticket, and every
turn that read it -- showing it, or any list it was on -- was a 500 with a ValueError's
traceback ("Sorry, something went wrong"). It is now left out like a ticket that is not
there (the log names it), and everything else is answered as before."""

from __future__ import annotations

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, file_ticket, texts_in, user_id_of, user_in_teams


@pytest.mark.parametrize("odd", [
    {"status": "pending"}, {"status": "In Progress"}, {"priority": "High"},
    {"category": "hardware"}, {"severity": "sev1"}, {"assignee_type": "group"},
])
async def test_a_ticket_left_with_a_value_outside_the_schema_is_not_there_and_the_rest_are(
    service: Service, engine: AsyncEngine, odd: dict[str, str]
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace", role="admin")
    ada_id = await user_id_of(engine, "ada@example.com")
    fine = await file_ticket(engine, ada_id, "Printer jams")
    left = await file_ticket(engine, ada_id, "Badge reader broken")
    async with engine.begin() as connection:
        await connection.execute(update(tasks).where(tasks.c.id == left.id).values(**odd))

    shown = await service.say(f"ticket {left.ticket_number}", user=ada)
    listed = await service.say("all tickets", user=ada)
    other = await service.say(f"ticket {fine.ticket_number}", user=ada)

    assert shown.texts == [f"I can't find ticket {left.ticket_number}. Check the number, or say "
                           "`my tickets` to see yours."]
    assert fine.ticket_number in texts_in(listed.card)
    assert left.ticket_number not in texts_in(listed.card)
    assert "Printer jams" in texts_in(other.card)
