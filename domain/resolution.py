"""The requester's answer, once their ticket is resolved: "It's fixed" or "Still broken".

Only the requester may answer, and only while the ticket is resolved: a second
press, a resent button, or a ticket someone closed or reopened meanwhile raises
`ResolutionSettled` and changes nothing, so the caller can say what happened and
show the ticket as it is.
"""

from __future__ import annotations

from enum import StrEnum

from domain.access import Viewer
from domain.errors import DomainError, NotAllowed
from domain.tickets import Ticket, TicketStatus


class Resolution(StrEnum):
    FIXED = "fixed"
    STILL_BROKEN = "still_broken"

    @property
    def status(self) -> TicketStatus:
        """Where the answer moves the ticket: a confirmed fix closes it, anything else reopens."""
        return TicketStatus.CLOSED if self is Resolution.FIXED else TicketStatus.OPEN


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


def ensure_answerable(viewer: Viewer, ticket: Ticket) -> None:
    """Takes the place of the status rule for an answer: the requester's alone (not even
    an admin's), and only while the ticket waits for it."""
    if ticket.created_by != viewer.id:
        raise NotAllowed("only the person who filed this ticket can answer whether it is fixed")
    if ticket.status is not TicketStatus.RESOLVED:
        raise ResolutionSettled(ticket)
