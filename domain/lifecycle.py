"""Ticket lifecycle: open → in_progress / on_hold → resolved → closed; reopen → open."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from domain.errors import InvalidTransition
from domain.tickets import Ticket, TicketStatus

_S = TicketStatus
TRANSITIONS: dict[TicketStatus, frozenset[TicketStatus]] = {
    _S.OPEN: frozenset({_S.IN_PROGRESS, _S.ON_HOLD, _S.RESOLVED, _S.CLOSED}),
    _S.IN_PROGRESS: frozenset({_S.OPEN, _S.ON_HOLD, _S.RESOLVED, _S.CLOSED}),
    _S.ON_HOLD: frozenset({_S.OPEN, _S.IN_PROGRESS, _S.RESOLVED, _S.CLOSED}),
    _S.RESOLVED: frozenset({_S.OPEN, _S.CLOSED}),
    _S.CLOSED: frozenset({_S.OPEN}),
}


def can_move(current: TicketStatus, to: TicketStatus) -> bool:
    return to in TRANSITIONS[current]


def move(ticket: Ticket, to: TicketStatus, *, now: datetime) -> Ticket:
    """The ticket in its new status, with `resolved_at`/`closed_at` set or cleared to match."""
    if ticket.status is to:
        raise InvalidTransition(f"{ticket.ticket_number} is already {to.words}")
    if not can_move(ticket.status, to):
        allowed = ", ".join(sorted(s.words for s in TRANSITIONS[ticket.status]))
        raise InvalidTransition(
            f"{ticket.ticket_number} cannot go from {ticket.status.words} to {to.words} "
            f"(it can go to: {allowed})"
        )
    resolved_at, closed_at = ticket.resolved_at, ticket.closed_at
    if to is _S.RESOLVED:
        resolved_at, closed_at = now, None
    elif to is _S.CLOSED:
        closed_at = now
    elif ticket.status in (_S.RESOLVED, _S.CLOSED):
        resolved_at, closed_at = None, None
    return replace(ticket, status=to, resolved_at=resolved_at, closed_at=closed_at, updated_at=now)
