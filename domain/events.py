"""What happened to a ticket, produced by every change, for notifications."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.tickets import Assignee, Comment, FieldChange, Ticket


UNKNOWN_ACTOR = ""
"""The actor of a change nobody is known for (a web-app write without a history row)."""


class EventType(StrEnum):
    """The names `teams_integration_settings.notification_types` uses."""

    CREATED = "ticket_created"
    UPDATED = "ticket_updated"
    ASSIGNED = "ticket_assigned"
    STATUS_CHANGED = "ticket_status_changed"
    COMMENTED = "ticket_commented"
    DUE_SOON = "ticket_due_soon"
    """A reminder: the ticket is due within 24 hours (sent once per due date)."""
    OVERDUE = "ticket_overdue"
    """A reminder: the ticket is past its due date (sent once per due date)."""


REMINDERS = frozenset({EventType.DUE_SOON, EventType.OVERDUE})


@dataclass(frozen=True, slots=True)
class TicketEvent:
    type: EventType
    ticket: Ticket
    actor_id: str
    occurred_at: datetime
    changes: tuple[FieldChange, ...] = ()
    comment: Comment | None = None
    previous_assignee: Assignee | None = None
    origin: str | None = None
    """The Teams conversation the change was made in (a card's channel thread), so that
    what was said there is not repeated there."""
