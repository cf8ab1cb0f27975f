"""Ticket use cases: each one loads, checks the rule, changes, records history and an event."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime

from domain import lifecycle
from domain.access import (
    Viewer,
    assign_refusal,
    comment_refusal,
    edit_refusal,
    ensure,
    status_refusal,
)
from domain.actors import use_case
from domain.clock import utcnow
from domain.errors import InvalidValue, NotAllowed, TeamNotFound, UserNotFound
from domain.events import EventType, TicketEvent
from domain.numbering import validate_prefix
from domain.people import Role
from domain.ports import UnitOfWork
from domain.services.lookup import TicketRef, ensure_fresh, load_ticket, load_viewer
from domain.tickets import (
    Assignee,
    AssigneeType,
    Category,
    Comment,
    FieldChange,
    HistoryAction,
    HistoryEntry,
    Priority,
    Severity,
    Ticket,
    TicketDraft,
    TicketStatus,
)
from domain.validation import (
    COMMENT_MAX,
    DESCRIPTION_MAX,
    parse_due_date,
    parse_enum,
    parse_hours,
    parse_optional_enum,
    parse_tags,
    parse_text,
    parse_title,
    require_text,
)

Version = str | datetime | None


@use_case
async def create_ticket(
    *,
    uow: UnitOfWork,
    actor: Viewer,
    title: object,
    category: object,
    description: object = None,
    priority: object = Priority.MEDIUM,
    severity: object = Severity.NORMAL,
    due_date: object = None,
    tags: object = None,
    estimated_hours: object = None,
) -> Ticket:
    """Files a ticket under the next number of the company's prefix and this year."""
    draft = TicketDraft(
        title=parse_title(title),
        category=parse_enum("category", category, Category),
        created_by=actor.id,
        description=parse_text("description", description, limit=DESCRIPTION_MAX),
        priority=parse_enum("priority", priority or Priority.MEDIUM, Priority),
        severity=parse_optional_enum("severity", severity, Severity),
        due_date=parse_due_date(due_date),
        estimated_hours=parse_hours("estimated_hours", estimated_hours),
        tags=parse_tags(tags),
    )
    async with uow:
        await load_viewer(uow, actor.id)
        settings = await uow.company.get()
        now = utcnow()
        prefix = validate_prefix(settings.ticket_prefix)  # the web app may store it loosely
        ticket = await uow.tickets.add(draft, prefix=prefix, now=now)
        uow.history.add(
            HistoryEntry(ticket.id, actor.id, HistoryAction.CREATED, new_value=ticket.ticket_number)
        )
        uow.outbox.add(TicketEvent(EventType.CREATED, ticket, actor.id, now))
        await uow.commit()
    return ticket


# How `edit_ticket` reads each editable field; edges reuse it to compare with the ticket.
EDIT_PARSERS: dict[str, Callable[[object], object]] = {
    "title": parse_title,
    "description": lambda v: parse_text("description", v, limit=DESCRIPTION_MAX),
    "notes": lambda v: parse_text("notes", v, limit=DESCRIPTION_MAX),
    "category": lambda v: parse_enum("category", v, Category),
    "priority": lambda v: parse_enum("priority", v, Priority),
    "severity": lambda v: parse_optional_enum("severity", v, Severity),
    "due_date": parse_due_date,
    "tags": parse_tags,
    "estimated_hours": lambda v: parse_hours("estimated_hours", v),
    "actual_hours": lambda v: parse_hours("actual_hours", v),
}
EDITABLE_FIELDS = frozenset(EDIT_PARSERS)


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


@use_case
async def edit_ticket(
    *,
    uow: UnitOfWork,
    actor: Viewer,
    ticket: TicketRef,
    changes: Mapping[str, object],
    expected_version: Version = None,
) -> Ticket:
    """Changes plain fields; status and assignment have their own use cases."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise InvalidValue(sorted(unknown)[0], "this field cannot be edited here")
    values = {name: EDIT_PARSERS[name](value) for name, value in changes.items()}
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        current = await load_ticket(uow, viewer, ticket, for_update=True)
        ensure_fresh(current, expected_version)
        changed = {k: v for k, v in values.items() if getattr(current, k) != v}
        ensure(edit_refusal(viewer, current, frozenset(changed)))
        if not changed:
            return current
        now = utcnow()
        updated = replace(current, updated_at=now, **changed)  # type: ignore[arg-type]
        await uow.tickets.save(updated)
        field_changes = tuple(
            FieldChange(name, _as_text(getattr(current, name)), _as_text(value))
            for name, value in changed.items()
        )
        for change in field_changes:
            uow.history.add(
                HistoryEntry(current.id, actor.id, HistoryAction.UPDATED, change.field,
                             change.old, change.new)
            )
        uow.outbox.add(TicketEvent(EventType.UPDATED, updated, actor.id, now, changes=field_changes))
        await uow.commit()
    return updated


async def _check_assignee(uow: UnitOfWork, to: Assignee) -> None:
    if to.kind is AssigneeType.TEAM:
        if to.team_id is None or await uow.teams.get(to.team_id) is None:
            raise TeamNotFound(to.team_id)
        return
    user = await uow.users.get(to.user_id or "")
    if user is None:
        raise UserNotFound(to.user_id)
    if not user.is_active:
        raise NotAllowed(f"{user.display_name} is deactivated and cannot take tickets")
    if user.role is Role.CUSTOMER:
        raise NotAllowed(f"{user.display_name} is a customer and cannot take tickets")


@use_case
async def assign_ticket(
    *,
    uow: UnitOfWork,
    actor: Viewer,
    ticket: TicketRef,
    to: Assignee | None,
    expected_version: Version = None,
) -> Ticket:
    """Assigns to a user or a team queue (clearing the other column), or unassigns with None."""
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        current = await load_ticket(uow, viewer, ticket, for_update=True)
        ensure_fresh(current, expected_version)
        ensure(assign_refusal(viewer, current, to))
        if to is not None:
            await _check_assignee(uow, to)
        previous = current.assignee
        if previous == to:
            return current
        now = utcnow()
        updated = replace(
            current,
            assignee_type=to.kind if to else AssigneeType.USER,
            assignee_id=to.user_id if to else None,
            assignee_team_id=to.team_id if to else None,
            updated_at=now,
        )
        await uow.tickets.save(updated)
        action = HistoryAction.ASSIGNED if to else HistoryAction.UNASSIGNED
        change = FieldChange("assignee", previous.label if previous else None,
                             to.label if to else None)
        uow.history.add(HistoryEntry(current.id, actor.id, action, change.field, change.old,
                                     change.new))
        uow.outbox.add(TicketEvent(EventType.ASSIGNED, updated, actor.id, now, changes=(change,),
                                previous_assignee=previous))
        await uow.commit()
    return updated


@use_case
async def change_status(
    *,
    uow: UnitOfWork,
    actor: Viewer,
    ticket: TicketRef,
    to: object,
    expected_version: Version = None,
) -> Ticket:
    """Moves the ticket along its lifecycle, setting or clearing resolved/closed times."""
    status = parse_enum("status", to, TicketStatus)
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        current = await load_ticket(uow, viewer, ticket, for_update=True)
        ensure_fresh(current, expected_version)
        ensure(status_refusal(viewer, current, status))
        now = utcnow()
        updated = lifecycle.move(current, status, now=now)
        await uow.tickets.save(updated)
        change = FieldChange("status", current.status.value, status.value)
        uow.history.add(HistoryEntry(current.id, actor.id, HistoryAction.STATUS_CHANGED,
                                     change.field, change.old, change.new))
        uow.outbox.add(TicketEvent(EventType.STATUS_CHANGED, updated, actor.id, now,
                                changes=(change,)))
        await uow.commit()
    return updated


@use_case
async def comment_on_ticket(
    *,
    uow: UnitOfWork,
    actor: Viewer,
    ticket: TicketRef,
    content: object,
    origin: str | None = None,
) -> Comment:
    """Adds a comment; comments never make a card stale, so no version is checked.

    `origin` is the conversation the comment was written in, when it is a Teams
    channel: the comment is not posted back there.
    """
    text = require_text("comment", content, limit=COMMENT_MAX)
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        current = await load_ticket(uow, viewer, ticket)
        ensure(comment_refusal(viewer, current))
        now = utcnow()
        comment = await uow.comments.add(task_id=current.id, user_id=actor.id, content=text,
                                         now=now)
        uow.history.add(HistoryEntry(current.id, actor.id, HistoryAction.COMMENTED,
                                     "comment", None, _excerpt(text)))
        uow.outbox.add(TicketEvent(EventType.COMMENTED, current, actor.id, now, comment=comment,
                                origin=origin))
        await uow.commit()
    return comment


def _excerpt(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_assignee(value: object, *, actor_id: str) -> Assignee | None:
    """Card and API form: `me`, a user id, `team:<id>`, or empty to unassign."""
    text = str(value or "").strip()
    if not text or text.lower() in ("none", "unassigned"):
        return None
    if text.lower() == "me":
        return Assignee.user(actor_id)
    if text.lower().startswith("team:"):
        team = text[5:].strip()
        if not team.isdecimal():
            raise InvalidValue("assignee", f"'{text}' is not team:<id>")
        return Assignee.team(int(team))
    return Assignee.user(text)
