"""Reading tickets: one by id or number, pages of them, their comments and history."""

from __future__ import annotations

from dataclasses import replace

from domain.access import Viewer, scope_for
from domain.actors import use_case
from domain.disclosure import history_seen_by, ticket_seen_by
from domain.errors import InvalidValue
from domain.ports import UnitOfWork
from domain.services.lookup import TicketRef, load_ticket, load_viewer
from domain.tickets import Comment, HistoryEntry, Ticket, TicketFilter, TicketOrder, TicketPage

MAX_PAGE = 100


@use_case
async def get_ticket(*, uow: UnitOfWork, actor: Viewer, ticket: TicketRef) -> Ticket:
    """The ticket if the actor may see it; TicketNotFound otherwise, whichever the reason."""
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        return ticket_seen_by(viewer, await load_ticket(uow, viewer, ticket))


@use_case
async def list_tickets(
    *,
    uow: UnitOfWork,
    actor: Viewer,
    filter: TicketFilter = TicketFilter(),
    limit: int = 10,
    offset: int = 0,
    order: TicketOrder = TicketOrder.UPDATED,
) -> TicketPage:
    """In `order` (newest-updated first unless asked), only tickets the actor may see;
    `filter` narrows, never widens."""
    if not 1 <= limit <= MAX_PAGE:
        raise InvalidValue("limit", f"use 1 to {MAX_PAGE}")
    if offset < 0:
        raise InvalidValue("offset", "must not be negative")
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        page = await uow.tickets.search(
            scope=scope_for(viewer), filter=filter, limit=limit, offset=offset, order=order
        )
    return replace(page, tickets=tuple(ticket_seen_by(viewer, found) for found in page.tickets))


@use_case
async def ticket_comments(*, uow: UnitOfWork, actor: Viewer, ticket: TicketRef) -> list[Comment]:
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        found = await load_ticket(uow, viewer, ticket)
        return await uow.comments.for_task(found.id)


@use_case
async def ticket_history(
    *, uow: UnitOfWork, actor: Viewer, ticket: TicketRef
) -> list[HistoryEntry]:
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        found = await load_ticket(uow, viewer, ticket)
        return history_seen_by(viewer, await uow.history.for_task(found.id))
