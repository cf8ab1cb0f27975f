"""How things stand ("weekly summary"): each count is exactly the tickets the single-read
rule lets the asker see, on both backends; a ticket counts as finished in the period it was
first resolved (else closed) in, and only while it is still resolved or closed."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import event, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from db.uow import SqlUnitOfWork
from domain.access import can_see
from domain.clock import utcnow
from domain.errors import NotAllowed
from domain.services.overview import STILL_OPEN, Standing, standing
from domain.tickets import Priority, Ticket, TicketStatus, deadline
from tests.actors import as_actor
from tests.integration.builders import insert_ticket
from tests.integration.db.test_ticket_visibility import EXPECTED, build_world

FINISHED = (TicketStatus.RESOLVED, TicketStatus.CLOSED)


def by_the_rule(tickets: list[Ticket], start: datetime, end: datetime | None,
                now: datetime) -> Standing:
    def within(moment: datetime | None) -> bool:
        return moment is not None and start <= moment and (end is None or moment < end)

    still_open = [t for t in tickets if t.status in STILL_OPEN]
    return Standing(
        filed=sum(within(t.created_at) for t in tickets),
        finished=sum(t.status in FINISHED and within(t.resolved_at or t.closed_at)
                     for t in tickets),
        still_open=len(still_open),
        urgent=sum(t.priority is Priority.URGENT for t in still_open),
        overdue=sum(t.due_date is not None and deadline(t.due_date) <= now for t in still_open),
        unassigned=sum(t.assignee is None for t in still_open),
    )


async def test_each_count_is_what_the_asker_may_see_in_the_period(engine: AsyncEngine) -> None:
    world = await build_world(engine)
    p = world.people
    now = utcnow()
    today = now.date()
    midnight = datetime.combine(today, datetime.min.time())
    start, end = midnight - timedelta(days=7), midnight - timedelta(days=2)
    extra = {
        # filed before the period, resolved in it (then closed later: counted once)
        "resolved in it": (dict(created_at=start - timedelta(days=30), status="closed"),
                           dict(resolved_at=start + timedelta(hours=1),
                                closed_at=end + timedelta(hours=1))),
        # closed after the period: not finished in it
        "closed after": (dict(created_at=start + timedelta(days=1), status="closed"),
                         dict(closed_at=end + timedelta(minutes=1))),
        # resolved in the period, then reopened: not finished
        "reopened": (dict(created_at=start, status="open", priority="urgent",
                          due_date=midnight - timedelta(days=1)),
                     dict(resolved_at=start + timedelta(days=1))),
        "due today": (dict(created_at=end - timedelta(seconds=1), status="in_progress",
                           due_date=midnight, assignee_type="team"), {}),
        # due at a time already passed: overdue now, as the overdue list and the card say
        "due an hour ago": (dict(created_at=start, status="open",
                                 due_date=now - timedelta(hours=1)), {}),
    }
    ids = list(world.tickets.values())
    for made, later in extra.values():
        ticket_id = await insert_ticket(engine, created_by=p["agent"], **made)
        if later:
            async with engine.begin() as connection:
                await connection.execute(update(tasks).where(tasks.c.id == ticket_id)
                                         .values(**later))
        ids.append(ticket_id)

    for person in EXPECTED:
        async with SqlUnitOfWork(engine) as uow:
            viewer = await uow.users.viewer(p[person])
            assert viewer is not None
            every = [ticket for ticket_id in ids if (ticket := await uow.tickets.get(ticket_id))]
        seen = [t for t in every if can_see(viewer, t)]
        asked = standing(uow=SqlUnitOfWork(engine), actor=as_actor(p[person]), start=start,
                         end=end, now=now)
        if not viewer.user.is_active:
            with pytest.raises(NotAllowed):
                await asked
            continue
        assert await asked == by_the_rule(seen, start, end, now), person

    admin = await standing(uow=SqlUnitOfWork(engine), actor=as_actor(p["admin"]), start=start,
                           end=end, now=now)
    assert admin.finished == 1 and admin.urgent >= 1 and admin.overdue >= 1


async def test_the_summary_counts_in_one_round_trip_after_the_viewer(engine: AsyncEngine) -> None:
    """Six counts, one query: the viewer is read (as every use case reads it), then one
    SELECT with a conditional count per figure."""
    world = await build_world(engine)
    manager = world.people["manager"]
    async with SqlUnitOfWork(engine) as uow:
        await uow.users.viewer(manager)  # warm nothing up: only to count the viewer's reads
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", seen)
    try:
        async with SqlUnitOfWork(engine) as uow:
            await uow.users.viewer(manager)
        viewer_reads = len(statements)
        statements.clear()
        now = utcnow()
        await standing(uow=SqlUnitOfWork(engine), actor=as_actor(manager),
                       start=now - timedelta(days=7), end=None, now=now)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", seen)

    counting = [s for s in statements if "FROM tasks" in s]
    assert len(counting) == 1, counting
    assert len(statements) <= viewer_reads + 1 + 2, statements  # BEGIN/ROLLBACK allowance
