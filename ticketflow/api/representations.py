"""Tickets, comments and history as JSON: TicketFlow's column names, ISO 8601 UTC times."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from domain.tickets import Comment, HistoryEntry, Ticket, TicketPage

Json = dict[str, Any]


def timestamp(moment: datetime | None) -> str | None:
    """Stored times are naive UTC; say so with `Z` rather than leave the zone to guess."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat() + "Z"


def etag(ticket: Ticket) -> str:
    return f'"{ticket.version}"'


def ticket_json(ticket: Ticket) -> Json:
    return {
        "id": ticket.id,
        "ticket_number": ticket.ticket_number,
        "title": ticket.title,
        "description": ticket.description,
        "category": ticket.category.value,
        "status": ticket.status.value,
        "priority": ticket.priority.value,
        "severity": ticket.severity.value if ticket.severity else None,
        "notes": ticket.notes,
        "assignee_type": ticket.assignee_type.value,
        "assignee_id": ticket.assignee_id,
        "assignee_team_id": ticket.assignee_team_id,
        "created_by": ticket.created_by,
        "due_date": timestamp(ticket.due_date),
        "resolved_at": timestamp(ticket.resolved_at),
        "closed_at": timestamp(ticket.closed_at),
        "estimated_hours": ticket.estimated_hours,
        "actual_hours": ticket.actual_hours,
        "tags": list(ticket.tags),
        "created_at": timestamp(ticket.created_at),
        "updated_at": timestamp(ticket.updated_at),
        "version": ticket.version,
    }


def receipt_json(ticket: Ticket) -> Json:
    """What a write-only key learns of the ticket it wrote: which one, and its version."""
    return {"id": ticket.id, "ticket_number": ticket.ticket_number, "version": ticket.version}


def page_json(page: TicketPage) -> Json:
    return {
        "items": [ticket_json(ticket) for ticket in page.tickets],
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
    }


def comment_json(comment: Comment) -> Json:
    return {
        "id": comment.id,
        "task_id": comment.task_id,
        "user_id": comment.user_id,
        "content": comment.content,
        "created_at": timestamp(comment.created_at),
    }


def history_json(entry: HistoryEntry) -> Json:
    return {
        "id": entry.id,
        "task_id": entry.task_id,
        "user_id": entry.user_id,
        "action": entry.action.value,
        "field": entry.field,
        "old_value": entry.old_value,
        "new_value": entry.new_value,
        "created_at": timestamp(entry.created_at),
    }
