"""'Can you reopen my last ticket': one's newest ticket is shown, whatever its status, and
reopening it is offered; only "yes" reopens it, and only that ticket.

Found trying the bot as a customer: the request was not understood, and "my last open
ticket" filed a new ticket titled "My last"."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from domain.clock import utcnow
from tests.e2e.service import Service, texts_in
from tests.integration.builders import insert_ticket, insert_user, this_years


async def _statuses(engine: AsyncEngine) -> dict[str, str]:
    async with engine.connect() as connection:
        rows = (await connection.execute(select(tasks.c.ticket_number, tasks.c.status))).all()
    return {number: status for number, status in rows}


async def test_a_customer_reopens_their_last_ticket_after_seeing_which_it_is(
    service: Service, engine: AsyncEngine
) -> None:
    cy = await insert_user(engine, role="customer", email="cy@example.com", name="Cy Customer")
    other = await insert_user(engine, role="customer", email="di@example.com", name="Di Other")
    now = utcnow()  # stored naive UTC, as TicketFlow keeps time
    for number, by, status, age in ((51, cy, "closed", 9), (52, cy, "resolved", 2),
                                    (53, other, "closed", 1)):
        await insert_ticket(engine, created_by=by, number=this_years(number), status=status,
                            title=f"Ticket number {number}", created_at=now - timedelta(days=age))
    person = service.person("cy@example.com", "Cy Customer")
    before = await _statuses(engine)

    offered = await service.say("hi, can you reopen my last ticket?", user=person)

    shown = texts_in(offered.card)
    assert this_years(52) in shown and this_years(51) not in shown, shown
    assert this_years(53) not in shown, shown  # someone else's newer ticket
    assert offered.texts == ["Reopen this ticket?"], offered.texts
    assert await _statuses(engine) == before  # nothing changed unseen

    done = await service.say("yes", user=person)

    assert this_years(52) in texts_in(done.card), done.texts  # the ticket, reopened
    after = await _statuses(engine)
    assert after[this_years(52)] == "open"
    assert {n: s for n, s in after.items() if n != this_years(52)} == {
        n: s for n, s in before.items() if n != this_years(52)}


async def test_my_last_open_ticket_lists_it_and_files_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    cy = await insert_user(engine, role="customer", email="cy@example.com", name="Cy Customer")
    now = utcnow()  # stored naive UTC, as TicketFlow keeps time
    for number, status, age in ((61, "open", 5), (62, "open", 3), (63, "closed", 1)):
        await insert_ticket(engine, created_by=cy, number=this_years(number), status=status,
                            title=f"Ticket number {number}", created_at=now - timedelta(days=age))
    person = service.person("cy@example.com", "Cy Customer")

    listed = await service.say("my last open ticket", user=person)

    shown = texts_in(listed.card)
    assert this_years(62) in shown and this_years(61) not in shown, shown
    async with engine.connect() as connection:
        assert await connection.scalar(select(func.count()).select_from(tasks)) == 3
