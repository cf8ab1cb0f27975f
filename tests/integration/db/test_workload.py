"""Everyone's workload counts, per holder, exactly the open tickets the single-read rule lets
the asker see, on both backends; `assignee_type` decides who holds a ticket."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from db.uow import SqlUnitOfWork
from domain.access import can_see
from domain.errors import NotAllowed
from domain.services.overview import STILL_OPEN, workload
from domain.tickets import Assignee
from tests.actors import as_actor
from tests.integration.builders import insert_ticket
from tests.integration.db.test_ticket_visibility import EXPECTED, build_world


async def test_the_workload_counts_what_each_asker_may_see_by_who_holds_it(
    engine: AsyncEngine,
) -> None:
    world = await build_world(engine)
    p = world.people
    ids = list(world.tickets.values()) + [  # resolved and closed ones never count
        await insert_ticket(engine, created_by=p["admin"], assignee_id=p["agent"], status=status)
        for status in ("in_progress", "on_hold", "resolved", "closed")]
    for person in EXPECTED:
        async with SqlUnitOfWork(engine) as uow:
            viewer = await uow.users.viewer(p[person])
            assert viewer is not None
            every = [ticket for ticket_id in ids if (ticket := await uow.tickets.get(ticket_id))]
            tickets = [t for t in every if can_see(viewer, t) and t.status in STILL_OPEN]
        by_rule: Counter[Assignee | None] = Counter(t.assignee for t in tickets)
        if not viewer.user.is_active:
            with pytest.raises(NotAllowed):
                await workload(uow=SqlUnitOfWork(engine), actor=as_actor(p[person]))
            continue
        loads = await workload(uow=SqlUnitOfWork(engine), actor=as_actor(p[person]))
        assert {load.holder: load.open for load in loads} == dict(by_rule), person
        assert [load.open for load in loads] == sorted((load.open for load in loads), reverse=True)
        assert all(load.name for load in loads if load.holder is not None)

    manager = await workload(uow=SqlUnitOfWork(engine), actor=as_actor(p["manager"]))
    assert {load.name for load in manager} >= {"Team Support"} and len(manager) >= 3
    admin = await workload(uow=SqlUnitOfWork(engine), actor=as_actor(p["admin"]))
    assert [load.open for load in admin if load.holder == Assignee.user(p["agent"])] == [4]
