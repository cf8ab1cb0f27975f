"""Over HTTP: "resolve 4 - user reinstalled cisco client, no drops since" answered "OK, I'll
leave TKT-… as it is" and the ticket stayed open; it is resolved with the reason as its
comment. "resolve 4 - no, still seeing drops" still changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, file_ticket, person_in_teams, stored_ticket


@pytest.mark.parametrize(("said", "status", "comments"), [
    ("resolve {n} - user reinstalled cisco client, no drops since", "resolved",
     ["user reinstalled cisco client, no drops since"]),
    ("resolve {n} - no, still seeing drops", "in_progress", []),
])
async def test_a_symptom_told_gone_resolves_with_its_comment(
    service: Service, engine: AsyncEngine, said: str, status: str, comments: list[str]
) -> None:
    sam_id, sam = await person_in_teams(service, engine, "Sam", "Patel", role="admin")
    ticket = await file_ticket(engine, sam_id, "VPN drops every hour", status="in_progress")
    short = str(int(ticket.ticket_number.rsplit("-", 1)[1]))

    turn = await service.say(said.format(n=short), user=sam)

    stored = await stored_ticket(engine, ticket.id, "status", "comments")
    assert stored == {"status": status, "comments": comments}, turn.texts
    async with engine.connect() as connection:
        assert (await connection.execute(select(tasks.c.status))).scalars().all() == [status]
