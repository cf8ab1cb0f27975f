"""A list in the order asked for: the same order on SQLite and PostgreSQL, as
`TicketOrder.key` says, ties broken by the ticket's number, page after page."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from db.uow import SqlUnitOfWork
from domain.services.queries import list_tickets
from domain.tickets import Priority, TicketFilter, TicketOrder, TicketStatus
from tests.actors import as_actor
from tests.integration.builders import insert_ticket, insert_user

START = datetime(2026, 11, 2, 9, 0)
DAY = timedelta(days=1)

# title: (filed, updated, priority, due, severity); B and C are filed at once, A and C updated
# at once, C and E due the same day, A and D due never; D and E major, A has no severity.
TICKETS = {
    "A": (START, START + 10 * DAY, "low", None, None),
    "B": (START + DAY, START + 2 * DAY, "urgent", datetime(2026, 12, 5), "minor"),
    "C": (START + DAY, START + 10 * DAY, "urgent", datetime(2026, 12, 3), "normal"),
    "D": (START + 3 * DAY, START + 5 * DAY, "high", None, "major"),
    "E": (START + 4 * DAY, START + DAY, "medium", datetime(2026, 12, 3), "major"),
}
EXPECTED = {
    TicketOrder.UPDATED: "CADBE",
    TicketOrder.STALE: "EBDAC",
    TicketOrder.NEWEST: "EDCBA",
    TicketOrder.OLDEST: "ABCDE",
    TicketOrder.PRIORITY: "BCDEA",
    TicketOrder.DUE: "CEBAD",
    TicketOrder.SEVERITY: "DECBA",
}


async def _filed(engine: AsyncEngine) -> str:
    admin = await insert_user(engine, role="admin")
    for title, (filed, updated, priority, due, severity) in TICKETS.items():  # ids in order
        await insert_ticket(engine, created_by=admin, title=title, created_at=filed,
                            updated_at=updated, priority=priority, due_date=due,
                            severity=severity)
    return admin


@pytest.mark.parametrize("order", list(TicketOrder), ids=[o.value for o in TicketOrder])
async def test_a_list_comes_in_the_order_asked_for_with_ties_by_number(
    engine: AsyncEngine, order: TicketOrder
) -> None:
    admin = await _filed(engine)
    page = await list_tickets(uow=SqlUnitOfWork(engine), actor=as_actor(admin), limit=10,
                              order=order)
    assert "".join(t.title for t in page.tickets) == EXPECTED[order]
    assert list(page.tickets) == sorted(page.tickets, key=order.key)  # as the domain says


@pytest.mark.parametrize("order", list(TicketOrder), ids=[o.value for o in TicketOrder])
async def test_pages_of_an_ordered_list_neither_repeat_nor_skip_a_ticket(
    engine: AsyncEngine, order: TicketOrder
) -> None:
    admin = await _filed(engine)
    seen = ""
    for offset in range(0, len(TICKETS), 2):
        page = await list_tickets(uow=SqlUnitOfWork(engine), actor=as_actor(admin), limit=2,
                                  offset=offset, order=order)
        seen += "".join(t.title for t in page.tickets)
    assert seen == EXPECTED[order]


async def test_an_order_keeps_to_the_filter(engine: AsyncEngine) -> None:
    admin = await _filed(engine)
    await insert_ticket(engine, created_by=admin, title="Z", created_at=START - DAY,
                        status=TicketStatus.CLOSED.value, priority="urgent")
    page = await list_tickets(
        uow=SqlUnitOfWork(engine), actor=as_actor(admin), limit=10, order=TicketOrder.OLDEST,
        filter=TicketFilter(exclude_statuses=(TicketStatus.RESOLVED, TicketStatus.CLOSED)))
    assert "".join(t.title for t in page.tickets) == "ABCDE"
    every = await list_tickets(uow=SqlUnitOfWork(engine), actor=as_actor(admin), limit=10,
                               order=TicketOrder.PRIORITY)
    assert "".join(t.title for t in every.tickets) == "ZBCDEA"


async def test_a_list_of_tickets_left_alone_holds_those_last_updated_before_the_day(
    engine: AsyncEngine
) -> None:
    """`updated_before`: "not updated in a week" on both backends, the day's start excluded
    from "before" (a ticket updated that morning was touched since)."""
    admin = await _filed(engine)
    left_alone = TicketFilter(updated_before=START + 5 * DAY)
    page = await list_tickets(uow=SqlUnitOfWork(engine), actor=as_actor(admin), limit=10,
                              order=TicketOrder.STALE, filter=left_alone)
    assert "".join(t.title for t in page.tickets) == "EB"  # D was updated at START + 5 days
    assert all(t.updated_at < START + 5 * DAY for t in page.tickets)
    both = TicketFilter(updated_before=START + 10 * DAY, priorities=(Priority.URGENT,))
    urgent = await list_tickets(uow=SqlUnitOfWork(engine), actor=as_actor(admin), limit=10,
                                order=TicketOrder.STALE, filter=both)
    assert "".join(t.title for t in urgent.tickets) == "B"  # C was updated at the instant
