"""The fake database's rows and constraints: one dict per TicketFlow table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from domain.api_keys import StoredApiKey
from domain.company import CompanySettings
from domain.digests import ChannelDigest
from domain.events import TicketEvent
from domain.notifications import Subscription
from domain.people import Department, Invitation, Membership, Team, User
from domain.tickets import Attachment, Comment, DeliveredChange, HistoryEntry, Ticket


class IntegrityViolation(Exception):
    """What the database would raise for a broken constraint: a bug in a use case."""


class UniqueViolation(IntegrityViolation):
    pass


class ForeignKeyViolation(IntegrityViolation):
    pass


@dataclass(frozen=True, slots=True)
class CompanyRow:
    settings: CompanySettings
    updated_by: str | None
    updated_at: datetime | None


@dataclass
class Tables:
    """Every row, keyed as the database keys it; rows are frozen values, so copies are cheap."""

    users: dict[str, User] = field(default_factory=dict)
    teams: dict[int, Team] = field(default_factory=dict)
    team_members: dict[tuple[int, str], Membership] = field(default_factory=dict)
    tasks: dict[int, Ticket] = field(default_factory=dict)
    task_comments: dict[int, Comment] = field(default_factory=dict)
    task_history: dict[int, HistoryEntry] = field(default_factory=dict)
    task_attachments: dict[int, Attachment] = field(default_factory=dict)
    departments: dict[int, Department] = field(default_factory=dict)
    user_invitations: dict[int, Invitation] = field(default_factory=dict)
    company_settings: dict[int, CompanyRow] = field(default_factory=dict)
    outbox: dict[int, TicketEvent] = field(default_factory=dict)
    teams_integration_settings: dict[str, Subscription] = field(default_factory=dict)
    api_keys: dict[int, StoredApiKey] = field(default_factory=dict)
    bot_channel_digests: dict[tuple[str, str], ChannelDigest] = field(default_factory=dict)
    bot_delivery_tickets: dict[str, int] = field(default_factory=dict)
    bot_delivery_changes: dict[tuple[str, int], DeliveredChange] = field(default_factory=dict)

    def copy(self) -> Tables:
        return Tables(**{f.name: dict(getattr(self, f.name)) for f in fields(self)})

    def table(self, name: str) -> dict[Any, Any]:
        rows: dict[Any, Any] = getattr(self, name)
        return rows


_UNIQUE: dict[str, Callable[[Any], object]] = {
    "users": lambda user: user.email.lower() if user.email else None,
    "tasks": lambda ticket: ticket.ticket_number.upper(),
    "user_invitations": lambda invitation: invitation.token,
    "departments": lambda department: department.name.lower(),
}


def check_unique(tables: Tables) -> None:
    for name, key in _UNIQUE.items():
        seen: set[object] = set()
        for row in tables.table(name).values():
            value = key(row)
            if value is not None and value in seen:
                raise UniqueViolation(f"{name}: {value!r} is already taken")
            seen.add(value)
