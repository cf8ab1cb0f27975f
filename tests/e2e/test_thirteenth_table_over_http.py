"""Over HTTP, what the thirteenth held-out table and its look-alikes found: changes made
that no one asked for ("sure, close 701, because that totally fixed it 🙄" closed it;
"looking into TKT-…-0702" took the ticket in view; "OPS-612 is done, close it" closed the
ticket in view; "not sure, close 703" closed it; "704 is stuck, make it urgent" put it on
hold), and requests typed on lines of their own, which were not understood."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service, person_in_teams, stored_ticket
from tests.integration.builders import insert_ticket, this_years


async def test_no_ticket_is_changed_that_was_not_asked_for(
    service: Service, engine: AsyncEngine
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    in_view = await insert_ticket(engine, created_by=mia_id, number=this_years(700),
                                  title="Badge reader dead")
    rolled = await insert_ticket(engine, created_by=mia_id, number=this_years(701),
                                 title="Printer offline")
    named = await insert_ticket(engine, created_by=mia_id, number=this_years(702),
                                title="VPN drops every hour")
    doubted = await insert_ticket(engine, created_by=mia_id, number=this_years(703),
                                  title="Mouse double-clicks")
    stuck = await insert_ticket(engine, created_by=mia_id, number=this_years(704),
                                title="Payroll export fails")
    await service.say("show 700", user=mia)
    before = await stored_ticket(engine, in_view)
    rolled_before = await stored_ticket(engine, rolled)
    doubted_before = await stored_ticket(engine, doubted)

    await service.say("sure, close 701, because that totally fixed it 🙄", user=mia)
    await service.say(f"looking into {this_years(702)}", user=mia)
    await service.say("show 700", user=mia)
    await service.say("OPS-612 is done, close it", user=mia)
    await service.say("not sure, close 703", user=mia)
    await service.say("704 is stuck, make it urgent", user=mia)

    assert await stored_ticket(engine, rolled) == rolled_before
    assert await stored_ticket(engine, doubted) == doubted_before
    assert await stored_ticket(engine, in_view) == before
    assert await stored_ticket(engine, named, "status", "assignee_id") == {
        "status": "in_progress", "assignee_id": mia_id}
    assert await stored_ticket(engine, stuck, "status", "priority") == {
        "status": "open", "priority": "urgent"}


async def test_requests_on_lines_of_their_own_are_each_made(
    service: Service, engine: AsyncEngine
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    first = await insert_ticket(engine, created_by=mia_id, number=this_years(705),
                                title="Old laptop to recycle")
    second = await insert_ticket(engine, created_by=mia_id, number=this_years(706),
                                 title="Spare monitor to collect")

    await service.say("<ul><li>close 705</li><li>close 706</li></ul>", user=mia)

    assert (await stored_ticket(engine, first, "status"))["status"] == "closed"
    assert (await stored_ticket(engine, second, "status"))["status"] == "closed"
