"""Ticket events from changes captured in the database, whoever made them.

The web app writes TicketFlow's tables directly; triggers keep a compact record
of each change (the watched fields before and after, or the new comment), and
these functions turn one record into the same `TicketEvent`s this service
publishes for its own changes, so recipients and wording are decided once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from domain.events import UNKNOWN_ACTOR, EventType, TicketEvent
from domain.tickets import Assignee, AssigneeType, Comment, FieldChange, Ticket

# The fields an "updated" event reports, in the order people read them.
EDITED_FIELDS = (
    "title",
    "description",
    "category",
    "priority",
    "severity",
    "notes",
    "due_date",
    "estimated_hours",
    "actual_hours",
    "tags",
)


class ChangeKind(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    COMMENTED = "commented"


@dataclass(frozen=True, slots=True)
class CapturedChange:
    """One `bot_ticket_changes` row: what a writer did to a ticket, in its own transaction."""

    id: int
    ticket_id: int
    kind: ChangeKind
    captured_at: datetime
    actor_id: str | None = None
    """From the `task_history` row written with the change, or the comment's author."""
    comment_id: int | None = None
    old: Mapping[str, object] = field(default_factory=dict)
    new: Mapping[str, object] = field(default_factory=dict)


def events_of(
    change: CapturedChange, *, ticket: Ticket, comment: Comment | None = None
) -> list[TicketEvent]:
    """The events `change` stands for, drawn on `ticket` as it is now.

    An update can be several events at once (moved to "in progress" and assigned),
    as the service's own use cases would have published them one by one. A comment
    that no longer exists makes no event.
    """
    actor = change.actor_id or UNKNOWN_ACTOR
    at = change.captured_at
    if change.kind is ChangeKind.CREATED:
        return [TicketEvent(EventType.CREATED, ticket, change.actor_id or ticket.created_by, at)]
    if change.kind is ChangeKind.COMMENTED:
        if comment is None:
            return []
        return [TicketEvent(EventType.COMMENTED, ticket, comment.user_id, at, comment=comment)]
    old, new = change.old, change.new
    events: list[TicketEvent] = []
    if _text(old.get("status")) != _text(new.get("status")):
        status = FieldChange("status", _text(old.get("status")), _text(new.get("status")))
        events.append(TicketEvent(EventType.STATUS_CHANGED, ticket, actor, at, changes=(status,)))
    before, after = assignee_of(old), assignee_of(new)
    if before != after:
        moved = FieldChange(
            "assignee", before.label if before else None, after.label if after else None
        )
        events.append(
            TicketEvent(
                EventType.ASSIGNED, ticket, actor, at, changes=(moved,), previous_assignee=before
            )
        )
    edited = tuple(
        FieldChange(name, _text(old.get(name)), _text(new.get(name)))
        for name in EDITED_FIELDS
        if _text(old.get(name)) != _text(new.get(name))
    )
    if edited:
        events.append(TicketEvent(EventType.UPDATED, ticket, actor, at, changes=edited))
    return events


def assignee_of(values: Mapping[str, object]) -> Assignee | None:
    """The assignment that counts in a captured row: `assignee_type` picks the column."""
    if _text(values.get("assignee_type")) == AssigneeType.TEAM.value:
        team = values.get("assignee_team_id")
        return Assignee.team(int(str(team))) if _is_integer(team) else None
    user = _text(values.get("assignee_id"))
    return Assignee.user(user) if user else None


def _is_integer(value: object) -> bool:
    return isinstance(value, int) or (isinstance(value, str) and value.strip().isdecimal())


def _text(value: object) -> str | None:
    """A captured value as history rows write it: timestamps ISO, tags comma-separated."""
    if value is None or value == "":
        return None
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value) or None
    if isinstance(value, str):
        return _timestamp(value) or value
    return str(value)


def _timestamp(value: str) -> str | None:
    """`2026-03-01 10:00:00` (SQLite) and `2026-03-01T10:00:00` (PostgreSQL) read alike."""
    if len(value) < 19 or value[4] != "-" or value[10] not in " T":
        return None
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return None
