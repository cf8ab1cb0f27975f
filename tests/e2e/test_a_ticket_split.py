"""Over HTTP: "split 12 into two tickets" listed a search for "split 12 into"; it is told
plainly that TicketFlow cannot split a ticket, with a new ticket and a comment on 12 to press,
and nothing changes."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, presses, user_in_teams, user_id_of
from tests.integration.builders import insert_ticket, this_years


async def test_a_split_asked_is_told_with_what_does_the_job(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Manager", role="manager")
    await insert_ticket(engine, created_by=await user_id_of(engine, "ada@example.com"),
                        number=this_years(12))

    told = await service.say("split 12 into two tickets", user=ada)

    number = this_years(12)
    assert told.texts == [f"TicketFlow can't split {number} in two. File the other part as a new "
                          f"ticket, then add a comment on {number} naming it (like `the printer "
                          "part is now TKT-…`), so whoever reads one finds the other."]
    assert list(presses(told)) == ["New ticket", f"Comment on {number}"]
    async with engine.connect() as connection:
        assert (await connection.execute(select(func.count()).select_from(tasks))).scalar() == 1
