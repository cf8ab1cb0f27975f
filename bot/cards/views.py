"""What the cards are drawn from: small frozen values the bot fills from domain values.

Cards never look anything up; names (labels) are resolved by the bot, and the
buttons to draw come from `domain.access.available_actions`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.cards.due import due_hint
from domain.access import TicketAction
from domain.company import CompanySettings
from domain.services.overview import CommentLine
from domain.tickets import Category, Priority, Severity, Ticket, TicketStatus


class Tone(StrEnum):
    """How a message reads; the values are Adaptive Card colour names."""

    DEFAULT = "default"
    GOOD = "good"
    WARNING = "warning"
    ATTENTION = "attention"


@dataclass(frozen=True, slots=True)
class Notice:
    """A one-line message at the top of a card, e.g. "Assigned to Dana."."""

    text: str
    tone: Tone = Tone.GOOD


@dataclass(frozen=True, slots=True)
class CompanyView:
    """The company a card speaks for.

    `primary_color` is kept for surfaces that can use it: Adaptive Cards only
    know the host's semantic colours, so the cards themselves never draw it.
    """

    name: str = "TicketFlow"
    primary_color: str = "#3b82f6"

    @classmethod
    def of(cls, settings: CompanySettings) -> CompanyView:
        return cls(name=settings.company_name, primary_color=settings.primary_color)


@dataclass(frozen=True, slots=True)
class AssigneeOption:
    """One entry of the "Assign…" picker; `value` is `me`, a user id or `team:<id>`."""

    value: str
    title: str


@dataclass(frozen=True, slots=True)
class SourceLink:
    """Where a ticket being filed came from, e.g. the Teams message it was made from."""

    text: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class TicketView:
    id: int
    number: str
    title: str
    status: TicketStatus
    priority: Priority
    severity: Severity | None
    category: Category
    assignee_label: str | None
    requester_label: str
    due_date: datetime | None
    updated_at: datetime
    description: str | None
    version: str
    web_url: str | None
    actions: frozenset[TicketAction]
    tags: tuple[str, ...] = ()
    due_hint: str | None = None
    """"due in 3 h" / "overdue by 2 d" at the moment the card is drawn, while still open."""

    @classmethod
    def of(
        cls,
        ticket: Ticket,
        *,
        actions: Iterable[TicketAction],
        requester_label: str,
        assignee_label: str | None = None,
        web_url: str | None = None,
        now: datetime | None = None,
    ) -> TicketView:
        hint = (
            due_hint(ticket.due_date, now=now)
            if now is not None and ticket.due_date is not None and ticket.is_open_for_edits
            else None
        )
        return cls(
            id=ticket.id,
            number=ticket.ticket_number,
            title=ticket.title,
            status=ticket.status,
            priority=ticket.priority,
            severity=ticket.severity,
            category=ticket.category,
            assignee_label=assignee_label,
            requester_label=requester_label,
            due_date=ticket.due_date,
            updated_at=ticket.updated_at,
            description=ticket.description,
            version=ticket.version,
            web_url=web_url,
            actions=frozenset(actions),
            tags=ticket.tags,
            due_hint=hint,
        )


@dataclass(frozen=True, slots=True)
class TicketRow:
    """One line of a ticket list."""

    number: str
    title: str
    status: TicketStatus
    priority: Priority
    assignee_label: str | None = None
    ticket_id: int | None = None
    """Names the row in the card (`ticket_list.row_id`), so a queued list can drop it."""

    @classmethod
    def of(cls, ticket: Ticket, *, assignee_label: str | None = None) -> TicketRow:
        return cls(
            number=ticket.ticket_number,
            title=ticket.title,
            status=ticket.status,
            priority=ticket.priority,
            assignee_label=assignee_label,
            ticket_id=ticket.id,
        )


@dataclass(frozen=True, slots=True)
class ChangeView:
    """One line of the ticket's history, already worded ("Status: open → resolved")."""

    author: str
    at: datetime | None
    what: str


@dataclass(frozen=True, slots=True)
class ActivityView:
    comments: tuple[CommentLine, ...] = ()
    """The latest few, oldest of them first."""
    comment_count: int = 0
    changes: tuple[ChangeView, ...] = ()
    """Recent changes, newest first."""
