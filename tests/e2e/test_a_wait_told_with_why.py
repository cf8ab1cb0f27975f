"""Over HTTP: "N waiting on the customer, asked her to try the new profile" put the ticket on
hold with no comment, so what was asked of the customer was lost; it is now the comment with
the hold. "N waiting on user" alone holds it with no comment, as before."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service, file_ticket, person_in_teams, stored_ticket


@pytest.mark.parametrize(("said", "comments"), [
    ("{n} waiting on the customer, asked her to try the new profile",
     ["asked her to try the new profile"]),
    ("{n} waiting on user", []),
])
async def test_why_a_ticket_waits_is_its_comment(
    service: Service, engine: AsyncEngine, said: str, comments: list[str]
) -> None:
    sam_id, sam = await person_in_teams(service, engine, "Sam", "Patel", role="admin")
    ticket = await file_ticket(engine, sam_id, "Outlook keeps asking for password",
                               status="in_progress")
    short = str(int(ticket.ticket_number.rsplit("-", 1)[1]))

    await service.say(said.format(n=short), user=sam)

    assert await stored_ticket(engine, ticket.id, "status", "comments") == {
        "status": "on_hold", "comments": comments}
