"""What of a ticket a viewer may read: internal notes are for staff only.

`tasks.notes` holds the service desk's internal progress notes. Customers see
their own tickets, but never these notes: not in a ticket, not in its history,
not in a notification. Everyone who may see a ticket and is not a customer sees
them, where what they are shown is theirs alone: what is posted where everyone
in a conversation reads it (a channel, through the bot or a webhook; a group
chat) is `shared`, and leaves the notes out whoever it is drawn for, since
guests and customers read it too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from domain.access import Viewer
from domain.people import Role
from domain.tickets import FieldChange, HistoryEntry, Ticket

INTERNAL_FIELDS = frozenset({"notes"})


def reads_internal_notes(viewer: Viewer, *, shared: bool = False) -> bool:
    return not shared and viewer.role is not Role.CUSTOMER


def is_internal(field: str | None) -> bool:
    return field is not None and field.strip().lower() in INTERNAL_FIELDS


def ticket_seen_by(viewer: Viewer, ticket: Ticket, *, shared: bool = False) -> Ticket:
    """The ticket as `viewer` may read it (never written back: it lacks what they may not read)."""
    if reads_internal_notes(viewer, shared=shared) or ticket.notes is None:
        return ticket
    return replace(ticket, notes=None)


def history_seen_by(
    viewer: Viewer, entries: Iterable[HistoryEntry], *, shared: bool = False
) -> list[HistoryEntry]:
    if reads_internal_notes(viewer, shared=shared):
        return list(entries)
    return [entry for entry in entries if not is_internal(entry.field)]


def changes_seen_by(
    viewer: Viewer, changes: Iterable[FieldChange], *, shared: bool = False
) -> tuple[FieldChange, ...]:
    if reads_internal_notes(viewer, shared=shared):
        return tuple(changes)
    return tuple(change for change in changes if not is_internal(change.field))
