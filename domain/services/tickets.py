"""Ticket use cases: each one loads, checks the rule, changes, records history and an event."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import Enum, StrEnum
from typing import TypedDict, Unpack

from domain import lifecycle
from domain.access import (
    Viewer,
    assign_refusal,
    can_see,
    comment_refusal,
    edit_refusal,
    ensure,
    status_refusal,
)
from domain.actors import use_case
from domain.clock import utcnow
from domain.errors import InvalidValue, NotAllowed, StaleTicket, TeamNotFound, UserNotFound
from domain.events import EventType, TicketEvent
from domain.numbering import parse_ticket_id, validate_prefix
from domain.people import Role
from domain.ports import UnitOfWork
from domain.resolution import Resolution, ensure_answerable
from domain.services.lookup import TicketRef, ensure_fresh, load_ticket, load_viewer
from domain.tickets import (
    Assignee,
    AssigneeType,
    Category,
    Comment,
    DeliveredChange,
    FieldChange,
    HistoryAction,
    HistoryEntry,
    Priority,
    Severity,
    Ticket,
    TicketDraft,
    TicketStatus,
    VERSION_SEPARATOR,
)
from domain.validation import (
    COMMENT_MAX,
    DESCRIPTION_MAX,
    kept_spellings,
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
    assignee: Assignee | None = None,
    delivery: str | None = None,
) -> Ticket:
    """Files a ticket under the next number of the company's prefix and this year.

    `assignee` takes it at once, under the rule of an assignment made later (an agent
    names themselves or a team they belong to, a customer no one): a refused one refuses
    the whole filing and nothing is stored; `assignment_refusal_when_filing` asks first.

    `delivery` names the Teams activity or form that asked: when it already filed a ticket
    (its turn runs again because its process died after the commit), that ticket is
    returned and nothing is written.
    """
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
        viewer = await load_viewer(uow, actor.id)
        if delivery is not None and (filed := await _filed_by(uow, delivery)) is not None:
            return filed
        settings = await uow.company.get()
        now = utcnow()
        prefix = validate_prefix(settings.ticket_prefix)  # the web app may store it loosely
        ticket = await uow.tickets.add(draft, prefix=prefix, now=now)
        if delivery is not None:
            await uow.deliveries.add(delivery, ticket.id, now=now)
        uow.history.add(
            HistoryEntry(ticket.id, actor.id, HistoryAction.CREATED, new_value=ticket.ticket_number)
        )
        if assignee is not None:
            ticket = await _assign_when_filed(uow, viewer, ticket, assignee, now=now)
        uow.outbox.add(TicketEvent(EventType.CREATED, ticket, actor.id, now))
        await uow.commit()
    return ticket


async def _assign_when_filed(
    uow: UnitOfWork, viewer: Viewer, ticket: Ticket, to: Assignee, *, now: datetime
) -> Ticket:
    """The assignment `update_ticket` would make, with its history row; its event is the
    creation's own (a new ticket's event already tells its assignee, as the web app's does)."""
    assigned, change = await _assign(uow, viewer, ticket, to, now=now, idempotent=False)
    if change is None:
        return ticket
    await uow.tickets.save(assigned)
    for made in change.changes:
        uow.history.add(HistoryEntry(ticket.id, viewer.id, change.action, made.field, made.old,
                                     made.new))
    return assigned


def assignment_refusal_when_filing(viewer: Viewer, to: Assignee) -> str | None:
    """Why `viewer` could not hand a ticket they are about to file to `to`, or None: the
    assignment rule, asked of the ticket as it will be filed (theirs, open, unassigned)."""
    now = utcnow()
    as_filed = Ticket(id=0, ticket_number="", title="", category=Category.SUPPORT,
                      created_by=viewer.id, created_at=now, updated_at=now)
    return assign_refusal(viewer, as_filed, to)


async def _filed_by(uow: UnitOfWork, delivery: str) -> Ticket | None:
    ticket_id = await uow.deliveries.ticket_filed_by(delivery)
    return None if ticket_id is None else await uow.tickets.get(ticket_id)


# How `update_ticket` reads each editable field; edges reuse it to check a value early.
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


class Unchanged(Enum):
    """`update_ticket(assignee=UNCHANGED)`: the assignment is not part of the update
    (None would unassign)."""

    UNCHANGED = "unchanged"


UNCHANGED = Unchanged.UNCHANGED


class UpdatePart(StrEnum):
    ASSIGNEE = "assignee"
    FIELDS = "fields"
    STATUS = "status"


def update_order(
    viewer: Viewer,
    ticket: Ticket,
    *,
    fields: bool,
    status: TicketStatus | None,
    assignee: Assignee | None | Unchanged,
) -> list[UpdatePart]:
    """The order in which an update's parts apply, so that a permitted change gets through.

    Fields, then status; a reopen goes first (a requester edits only open tickets), and
    an assignment goes before the fields while the actor still sees the ticket after
    it, last when it takes the ticket out of their sight.
    """
    reopens = (status is not None and status is not ticket.status
               and not ticket.is_open_for_edits)
    assigns = not isinstance(assignee, Unchanged)
    keeps_sight = not isinstance(assignee, Unchanged) and can_see(viewer, _assigned(ticket, assignee))
    order = [UpdatePart.STATUS] if reopens else []
    if assigns and keeps_sight:
        order.append(UpdatePart.ASSIGNEE)
    if fields:
        order.append(UpdatePart.FIELDS)
    if status is not None and not reopens:
        order.append(UpdatePart.STATUS)
    if assigns and not keeps_sight:
        order.append(UpdatePart.ASSIGNEE)
    return order


@dataclass(frozen=True, slots=True)
class _Change:
    """One part's effect: its history action and event, written at the one commit."""

    event: EventType
    action: HistoryAction
    changes: tuple[FieldChange, ...]
    previous_assignee: Assignee | None = None


@dataclass(frozen=True, slots=True)
class TicketChange:
    """The ticket as a change stored it, and the viewer as the change loaded and checked
    them (role and teams as they are now): what a card after the change is drawn from."""

    viewer: Viewer
    ticket: Ticket
    unchanged: bool = False
    """Nothing was asked that the ticket did not already have, so nothing was written or
    notified (not a resent request's replay, whose answer is the first run's)."""
    held_elsewhere: bool = False
    """Refused, and nothing written: the ticket is no longer with the holder the change
    expected (`change_ticket`'s `held_by`); `ticket` is who does hold it."""


class TicketChanges(TypedDict, total=False):
    """What `change_ticket` applies, as `update_ticket` hands it on."""

    fields: Mapping[str, object] | None
    status: object
    assignee: Assignee | None | Unchanged
    resolution: Resolution | None
    comment: object
    expected_version: Version
    pressed: bool
    idempotent: bool
    delivery: str | None


@use_case
async def update_ticket(
    *, uow: UnitOfWork, actor: Viewer, ticket: TicketRef, **changes: Unpack[TicketChanges]
) -> Ticket:
    """`change_ticket`, for callers that need only the ticket."""
    return (await change_ticket(uow=uow, actor=actor, ticket=ticket, **changes)).ticket


@use_case
async def change_ticket(
    *,
    uow: UnitOfWork,
    actor: Viewer,
    ticket: TicketRef,
    fields: Mapping[str, object] | None = None,
    status: object = None,
    assignee: Assignee | None | Unchanged = UNCHANGED,
    resolution: Resolution | None = None,
    comment: object = None,
    expected_version: Version = None,
    pressed: bool = False,
    idempotent: bool = False,
    delivery: str | None = None,
    held_by: Assignee | None | Unchanged = UNCHANGED,
) -> TicketChange:
    """Applies fields, status and assignment at once: one transaction, one version check.

    Each part is checked against the ticket as the parts before it left it, in
    `update_order`; a refused part refuses the whole update and nothing is stored.
    Every change writes its `task_history` rows and its event with the one commit.

    `resolution` is the requester's answer to a resolution: it moves the status as
    `domain.resolution` says, under that rule instead of the status rule. `comment` is
    written with the change, after it (a reopen says why).

    `idempotent` (REST PATCH) sets the state the request names: a part the ticket
    already has is skipped. Otherwise a person asked for each part, so moving to the
    status the ticket already has is an `InvalidTransition` ("already resolved"), and
    an edit or assignment they may not make is refused even when it would change nothing.

    `pressed`: a card's button asked, with the version the card was drawn from. When that
    version is stale only because this actor's own change moments ago made the ticket what
    the press asks (a double tap, its second press on the card the first one changed),
    nothing is written and the ticket is returned as a change would return it, so the
    answer is the first press's; a change by anyone or anything else since is stale.

    `delivery` names the Teams activity or form that asked: when it already changed this
    ticket (its turn runs again because its process died after the commit), the ticket is
    returned as it is and nothing is written or refused, so the answer is the first run's.

    `held_by` is who the caller expects holds the ticket ("take 12 off alex": Alex; None:
    nobody): checked under the row lock the change is made under, so a ticket someone
    reassigned since the caller read it is not taken off its new holder. When it is held
    by anyone else, nothing is written and the change says `held_elsewhere`.
    """
    values = _parse_fields(fields or {})
    target = _target_status(status, resolution)
    text = None if comment is None else require_text("comment", comment, limit=COMMENT_MAX)
    delivery = _write_key(delivery, "change", *(f"field:{name}" for name in sorted(values)),
                          *(["status"] if target is not None else []),
                          *([] if isinstance(assignee, Unchanged) else ["assignee"]),
                          *(["comment"] if text is not None else []))
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        current = await load_ticket(uow, viewer, ticket, for_update=True)
        if await _made_by(uow, delivery, current.id) is not None:
            return TicketChange(viewer, current)
        try:
            ensure_fresh(current, expected_version)
        except StaleTicket:
            if pressed and await _pressed_again(uow, viewer, current, expected_version,
                                                values=values, status=target,
                                                assignee=assignee, comment=text):
                return TicketChange(viewer, current)
            if resolution is not None:  # answered or overtaken says more than "changed since"
                ensure_answerable(viewer, current)
            raise
        if not isinstance(held_by, Unchanged) and not await _holds(uow, current, held_by):
            return TicketChange(viewer, current, unchanged=True, held_elsewhere=True)
        if text is not None:
            ensure(comment_refusal(viewer, current))
        now = utcnow()
        updated, made = current, []
        for part in update_order(viewer, current, fields=bool(values), status=target,
                                 assignee=assignee):
            change: _Change | None
            if part is UpdatePart.FIELDS:
                updated, change = _edit(viewer, updated, values, now=now, idempotent=idempotent)
            elif part is UpdatePart.STATUS:
                assert target is not None
                updated, change = _move(viewer, updated, target, now=now, idempotent=idempotent,
                                        resolution=resolution)
            else:
                assert not isinstance(assignee, Unchanged)
                updated, change = await _assign(uow, viewer, updated, assignee, now=now,
                                                idempotent=idempotent)
            if change is not None:
                made.append(change)
        if not made and text is None:
            return TicketChange(viewer, current, unchanged=True)
        if made:
            await uow.tickets.save(updated)
        for change in made:
            for field_change in change.changes:
                uow.history.add(HistoryEntry(current.id, actor.id, change.action,
                                             field_change.field, field_change.old,
                                             field_change.new, created_at=now))
            uow.outbox.add(TicketEvent(change.event, updated, actor.id, now,
                                       changes=change.changes,
                                       previous_assignee=change.previous_assignee))
        written = None if text is None else await _add_comment(uow, actor.id, updated, text,
                                                                now=now)
        await _remember(uow, delivery, current.id, written, now=now)
        await uow.commit()
    return TicketChange(viewer, updated)


async def _holds(uow: UnitOfWork, ticket: Ticket, holder: Assignee | None) -> bool:
    """Whether `holder` (None: nobody) is who holds the ticket, as `assignee_type` says."""
    return ticket.assignee == (None if holder is None else await _by_email(uow, holder))


async def _pressed_again(
    uow: UnitOfWork, viewer: Viewer, ticket: Ticket, drawn: Version, *,
    values: Mapping[str, object], status: TicketStatus | None,
    assignee: Assignee | None | Unchanged, comment: str | None,
) -> bool:
    """A stale press is this viewer's own press again: the ticket already is what it asks,
    and every change since the card was drawn (comments aside) is theirs, the latest moments
    ago and the last thing that moved the ticket (its `updated_at` is that change's); a
    press with a comment ("Still broken") also finds those words, theirs, written since."""
    drawn_at = _version_time(drawn if isinstance(drawn, str) else None)
    if drawn_at is None or _differing(ticket, values):
        return False
    if comment is not None and await _repeated_press(
            uow, viewer.id, ticket.id, comment, drawn if isinstance(drawn, str) else None,
            utcnow()) is None:
        return False
    if status is not None and status is not ticket.status:
        return False
    if not isinstance(assignee, Unchanged):
        to = None if assignee is None else await _by_email(uow, assignee)
        if to != ticket.assignee:
            return False
    since = [entry for entry in await uow.history.latest(ticket.id, REPEATED_PRESS_LOOKBACK)
             if entry.action is not HistoryAction.COMMENTED
             and entry.created_at is not None and entry.created_at > drawn_at]
    return (bool(since) and all(entry.user_id == viewer.id for entry in since)
            and since[0].created_at == ticket.updated_at
            and utcnow() - ticket.updated_at <= REPEATED_PRESS)


def _differing(ticket: Ticket, values: Mapping[str, object]) -> dict[str, object]:
    """The fields of `values` the ticket does not already hold (tags as the ticket spells them)."""
    if isinstance(tags := values.get("tags"), tuple):
        values = {**values, "tags": kept_spellings(tags, ticket.tags)}
    return {k: v for k, v in values.items() if getattr(ticket, k) != v}


def _target_status(status: object, resolution: Resolution | None) -> TicketStatus | None:
    if resolution is not None:
        if status is not None:
            raise InvalidValue("status", "an answer to a resolution sets the status itself")
        return resolution.status
    return parse_enum("status", status, TicketStatus) if status is not None else None


def _parse_fields(fields: Mapping[str, object]) -> dict[str, object]:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise InvalidValue(sorted(unknown)[0], "this field cannot be edited here")
    return {name: EDIT_PARSERS[name](value) for name, value in fields.items()}


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


def _edit(
    viewer: Viewer, ticket: Ticket, values: Mapping[str, object], *, now: datetime,
    idempotent: bool,
) -> tuple[Ticket, _Change | None]:
    changed = _differing(ticket, values)
    if changed or not idempotent:
        ensure(edit_refusal(viewer, ticket, frozenset(changed)))
    if not changed:
        return ticket, None
    updated = replace(ticket, updated_at=now, **changed)  # type: ignore[arg-type]
    changes = tuple(
        FieldChange(name, _as_text(getattr(ticket, name)), _as_text(value))
        for name, value in changed.items()
    )
    return updated, _Change(EventType.UPDATED, HistoryAction.UPDATED, changes)


def _move(
    viewer: Viewer, ticket: Ticket, to: TicketStatus, *, now: datetime, idempotent: bool,
    resolution: Resolution | None,
) -> tuple[Ticket, _Change | None]:
    if resolution is not None:
        ensure_answerable(viewer, ticket)
    elif idempotent and to is ticket.status:
        return ticket, None
    else:
        ensure(status_refusal(viewer, ticket, to))
    updated = lifecycle.move(ticket, to, now=now)
    change = FieldChange("status", ticket.status.value, to.value)
    return updated, _Change(EventType.STATUS_CHANGED, HistoryAction.STATUS_CHANGED, (change,))


async def _assign(
    uow: UnitOfWork, viewer: Viewer, ticket: Ticket, to: Assignee | None, *, now: datetime,
    idempotent: bool,
) -> tuple[Ticket, _Change | None]:
    previous = ticket.assignee
    if to is not None:
        to = await _by_email(uow, to)
    if idempotent and previous == to:
        return ticket, None
    ensure(assign_refusal(viewer, ticket, to))
    if to is not None:
        await _check_assignee(uow, to)
    if previous == to:
        return ticket, None
    action = HistoryAction.ASSIGNED if to else HistoryAction.UNASSIGNED
    change = FieldChange("assignee", previous.label if previous else None,
                         to.label if to else None)
    updated = replace(_assigned(ticket, to), updated_at=now)
    return updated, _Change(EventType.ASSIGNED, action, (change,), previous_assignee=previous)


def _assigned(ticket: Ticket, to: Assignee | None) -> Ticket:
    """Assigned to a user or a team queue, clearing the other column; None unassigns."""
    return replace(
        ticket,
        assignee_type=to.kind if to else AssigneeType.USER,
        assignee_id=to.user_id if to else None,
        assignee_team_id=to.team_id if to else None,
    )


async def _by_email(uow: UnitOfWork, to: Assignee) -> Assignee:
    """A user named by email (as the REST API's callers know people) is that user's id."""
    named = to.user_id or ""
    if to.kind is not AssigneeType.USER or "@" not in named or await uow.users.get(named):
        return to
    found = await uow.users.get_by_email(named)
    return Assignee.user(found.id) if found is not None else to


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
async def comment_on_ticket(
    *,
    uow: UnitOfWork,
    actor: Viewer,
    ticket: TicketRef,
    content: object,
    origin: str | None = None,
    delivery: str | None = None,
    drawn: str | None = None,
) -> Comment:
    """Adds a comment; comments never make a card stale, so no version is checked.

    `origin` is the conversation the comment was written in, when it is a Teams
    channel: the comment is not posted back there. `delivery` names the Teams activity
    that asked: the comment it already wrote (its turn runs again because its process
    died after the commit) is returned, and none is written. `drawn` is the version of
    the card it was typed on: the same words from the same person since, moments ago,
    are that press again (`repeated_press`), returned and not written twice; typed, the
    same words as the ticket's latest comment, from them moments ago, likewise.
    """
    text = require_text("comment", content, limit=COMMENT_MAX)
    delivery = _write_key(delivery, "comment")
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        # Locked: presses of one Comment button arriving at once each looked for the same
        # words before any had committed, and each added them (on PostgreSQL).
        current = await load_ticket(uow, viewer, ticket, for_update=True)
        ensure(comment_refusal(viewer, current))
        made = await _made_by(uow, delivery, current.id)
        if made is not None and (written := await _comment(uow, current.id, made)) is not None:
            return written
        now = utcnow()
        if (again := await _repeated_press(uow, actor.id, current.id, text, drawn, now)) is not None:
            return again
        comment = await _add_comment(uow, actor.id, current, text, now=now, origin=origin)
        await _remember(uow, delivery, current.id, comment, now=now)
        await uow.commit()
    return comment


def _write_key(delivery: str | None, *what: str) -> str | None:
    """What a delivery's write to a ticket is remembered by: the delivery and what it writes.

    One turn may write to a ticket twice (a status change and then a comment, an assignment
    and then a status): each write is made once, and the turn run again finds each one's
    record. Keyed on the turn alone, the comment was a duplicate key in
    `bot_delivery_changes` and the second change was skipped as made already. The same
    write asked twice in one turn ("comment on 4 and TKT-…-0004") is still made once.
    """
    if delivery is None:
        return None
    return hashlib.sha256("\n".join((delivery, *what)).encode("utf-8", "surrogatepass")).hexdigest()


async def _made_by(uow: UnitOfWork, delivery: str | None, ticket_id: int) -> DeliveredChange | None:
    """What `delivery` (None: not a Teams delivery) already wrote to the ticket, if anything."""
    return None if delivery is None else await uow.deliveries.change_made_by(delivery, ticket_id)


async def _remember(
    uow: UnitOfWork, delivery: str | None, ticket_id: int, comment: Comment | None, *,
    now: datetime,
) -> None:
    """In the write's own transaction: a resend finds it exactly when the write was stored."""
    if delivery is not None:
        change = DeliveredChange(comment_id=None if comment is None else comment.id)
        await uow.deliveries.add_change(delivery, ticket_id, change, now=now)


async def _comment(uow: UnitOfWork, ticket_id: int, made: DeliveredChange) -> Comment | None:
    if made.comment_id is None:
        return None
    return next((c for c in await uow.comments.for_task(ticket_id) if c.id == made.comment_id),
                None)


REPEATED_PRESS = timedelta(minutes=2)
"""How soon the same comment from the same card is its press arriving again: a double tap,
or a client sending it again under a new id (Teams retries within seconds)."""
REPEATED_PRESS_LOOKBACK = 20
"""Comments looked through for the same press: the latest ones."""


async def _repeated_press(
    uow: UnitOfWork, actor_id: str, ticket_id: int, text: str, drawn: str | None,
    now: datetime,
) -> Comment | None:
    """The comment `actor_id` added with these words after the card (version `drawn`) was
    drawn, moments ago: the same press again, not a second comment. Typed (no card), the
    same words sent again moments after as the ticket's latest comment: the message sent
    twice (a client resending under a new id, or a double Enter), not two comments."""
    drawn_at = _version_time(drawn)
    if drawn_at is None:
        latest, _ = await uow.comments.latest(ticket_id, 1)
        return next((comment for comment in latest if comment.user_id == actor_id
                     and comment.content == text and now - comment.created_at <= REPEATED_PRESS),
                    None)
    recent, _ = await uow.comments.latest(ticket_id, REPEATED_PRESS_LOOKBACK)
    for comment in reversed(recent):
        if (comment.user_id == actor_id and comment.content == text
                and drawn_at < comment.created_at and now - comment.created_at <= REPEATED_PRESS):
            return comment
    return None


def _version_time(version: str | None) -> datetime | None:
    """When the ticket a card was drawn from was last updated (naive UTC), from its version."""
    if not version:
        return None
    try:
        moment = datetime.fromisoformat(version.split(VERSION_SEPARATOR, 1)[0])
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


async def _add_comment(
    uow: UnitOfWork, actor_id: str, ticket: Ticket, text: str, *, now: datetime,
    origin: str | None = None,
) -> Comment:
    comment = await uow.comments.add(task_id=ticket.id, user_id=actor_id, content=text, now=now)
    uow.history.add(HistoryEntry(ticket.id, actor_id, HistoryAction.COMMENTED,
                                 "comment", None, _excerpt(text)))
    uow.outbox.add(TicketEvent(EventType.COMMENTED, ticket, actor_id, now, comment=comment,
                               origin=origin))
    return comment


def _excerpt(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_assignee(value: object, *, actor_id: str) -> Assignee | None:
    """Card and API form: `me`, a user id (or email), `team:<id>`, or empty to unassign."""
    text = str(value or "").strip()
    if not text or text.lower() in ("none", "unassigned"):
        return None
    if text.lower() == "me":
        return Assignee.user(actor_id)
    if text.lower().startswith("team:"):
        team = text[5:].strip()
        if not team.isdecimal():
            raise InvalidValue("assignee", f"'{text[:40]}' is not team:<id>")
        team_id = parse_ticket_id(team)  # `teams.id` is a 32-bit serial, as `tasks.id` is
        if team_id is None:  # PostgreSQL refuses to look it up (an error, not "no row")
            raise InvalidValue("assignee", f"there is no team {_excerpt(team, 24)}")
        return Assignee.team(team_id)
    return Assignee.user(text)
