"""The card after a change is drawn from what the change loaded, checked and stored: the same
overview a fresh read gives, without reading the viewer or the ticket again."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from db.uow import SqlUnitOfWork
from domain.errors import TicketNotFound
from domain.services.overview import changed_ticket_overview, ticket_overview
from domain.services.tickets import change_ticket
from domain.tickets import TicketStatus
from tests.actors import as_actor
from tests.integration.builders import insert_team, insert_ticket, insert_user


async def test_the_overview_after_a_change_is_the_one_a_fresh_read_gives(
    engine: AsyncEngine,
) -> None:
    manager = await insert_user(engine, role="manager")
    await insert_team(engine, "Desk", manager)
    ticket = await insert_ticket(engine, created_by=manager, assignee_id=manager)

    change = await change_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(manager),
                                 ticket=ticket, status="in_progress")
    after = await changed_ticket_overview(uow=SqlUnitOfWork(engine).reading(),
                                          actor=change.viewer, ticket=change.ticket)
    fresh = await ticket_overview(uow=SqlUnitOfWork(engine).reading(), actor=as_actor(manager),
                                  ticket=ticket)

    assert after.ticket.status is TicketStatus.IN_PROGRESS
    assert after.ticket.version == fresh.ticket.version  # the card's buttons are not stale
    assert after == fresh


async def test_a_ticket_the_viewer_may_not_see_draws_no_card(engine: AsyncEngine) -> None:
    manager = await insert_user(engine, role="manager")
    outsider = await insert_user(engine, role="user")
    ticket = await insert_ticket(engine, created_by=manager, assignee_id=manager)
    change = await change_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(manager),
                                 ticket=ticket, status="in_progress")
    async with SqlUnitOfWork(engine).reading() as uow:
        stranger = await uow.users.viewer(outsider)
    assert stranger is not None

    with pytest.raises(TicketNotFound):
        await changed_ticket_overview(uow=SqlUnitOfWork(engine).reading(), actor=stranger,
                                      ticket=change.ticket)
