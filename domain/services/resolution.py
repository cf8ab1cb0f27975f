"""Closing the loop: the requester of a resolved ticket says "It's fixed" or "Still broken".

Only the requester may answer, and only while the ticket is resolved: a second
press, a resent button, or a ticket someone closed or reopened meanwhile raises
`ResolutionSettled` and changes nothing, so the caller can say what happened and
show the ticket as it is.
"""

from __future__ import annotations

from domain import lifecycle
from domain.access import Viewer, ensure_active
from domain.actors import use_case
from domain.clock import utcnow
from domain.errors import DomainError, NotAllowed
from domain.events import EventType, TicketEvent
from domain.ports import UnitOfWork
from domain.services.lookup import TicketRef, load_ticket, load_viewer
from domain.tickets import (
    Comment,
    FieldChange,
    HistoryAction,
    HistoryEntry,
    Ticket,
    TicketStatus,
)
from domain.validation import COMMENT_MAX, require_text

_ANSWERED = {
    TicketStatus.CLOSED: "is already closed",
    TicketStatus.OPEN: "was already reopened",
}


class ResolutionSettled(DomainError):
    """The ticket is no longer resolved: the question was answered, or overtaken."""

    def __init__(self, ticket: Ticket) -> None:
        state = _ANSWERED.get(ticket.status, f"is {ticket.status.value.replace('_', ' ')} now")
        super().__init__(f"{ticket.ticket_number} {state}: nothing changed")
        self.ticket = ticket


def _ensure_requester(viewer: Viewer, ticket: Ticket) -> None:
    ensure_active(viewer)
    if ticket.created_by != viewer.id:
        raise NotAllowed("only the person who filed this ticket can answer whether it is fixed")


@use_case
async def confirm_fixed(*, uow: UnitOfWork, actor: Viewer, ticket: TicketRef) -> Ticket:
    """The requester confirms the resolution: the ticket is closed."""
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        current = await load_ticket(uow, viewer, ticket, for_update=True)
        _ensure_requester(viewer, current)
        if current.status is not TicketStatus.RESOLVED:
            raise ResolutionSettled(current)
        now = utcnow()
        updated = lifecycle.move(current, TicketStatus.CLOSED, now=now)
        await uow.tickets.save(updated)
        change = FieldChange("status", current.status.value, updated.status.value)
        uow.history.add(HistoryEntry(current.id, actor.id, HistoryAction.STATUS_CHANGED,
                                     change.field, change.old, change.new))
        uow.outbox.add(TicketEvent(EventType.STATUS_CHANGED, updated, actor.id, now,
                                changes=(change,)))
        await uow.commit()
    return updated


@use_case
async def report_still_broken(
    *, uow: UnitOfWork, actor: Viewer, ticket: TicketRef, comment: object
) -> tuple[Ticket, Comment]:
    """The requester says it is not fixed: the ticket is reopened with their comment,
    which is required (the words are what the assignee needs)."""
    text = require_text("comment", comment, limit=COMMENT_MAX)
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        current = await load_ticket(uow, viewer, ticket, for_update=True)
        _ensure_requester(viewer, current)
        if current.status is not TicketStatus.RESOLVED:
            raise ResolutionSettled(current)
        now = utcnow()
        updated = lifecycle.move(current, TicketStatus.OPEN, now=now)
        await uow.tickets.save(updated)
        added = await uow.comments.add(task_id=current.id, user_id=actor.id, content=text, now=now)
        change = FieldChange("status", current.status.value, updated.status.value)
        uow.history.add(HistoryEntry(current.id, actor.id, HistoryAction.STATUS_CHANGED,
                                     change.field, change.old, change.new))
        uow.history.add(HistoryEntry(current.id, actor.id, HistoryAction.COMMENTED,
                                     "comment", None, _excerpt(text)))
        uow.outbox.add(TicketEvent(EventType.STATUS_CHANGED, updated, actor.id, now,
                                changes=(change,)))
        uow.outbox.add(TicketEvent(EventType.COMMENTED, updated, actor.id, now, comment=added))
        await uow.commit()
    return updated, added


def _excerpt(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
