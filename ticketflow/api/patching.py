"""PATCH /tickets/{ticket}: fields, status and assignee through their own use cases, in order.

The use cases each commit on their own, so one request is up to three
transactions. To keep a refusal from leaving half a change behind, every part is
first checked with the domain's own rules against the ticket as it will be when
that part runs; only then is anything saved. See TICKET_PATCH's description in
the OpenAPI document for the order and what a late failure reports.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from domain import lifecycle
from domain.access import (
    Viewer,
    assign_refusal,
    can_see,
    edit_refusal,
    ensure,
    status_refusal,
)
from domain.clock import utcnow
from domain.disclosure import ticket_seen_by
from domain.errors import DomainError, InvalidValue, TeamNotFound, UserNotFound
from domain.ports import UnitOfWork
from domain.services import tickets
from domain.services.lookup import ensure_fresh
from domain.services.overview import ticket_overview
from domain.services.tickets import EDIT_PARSERS
from domain.tickets import (
    Assignee,
    AssigneeType,
    Ticket,
    TicketStatus,
)
from domain.validation import (
    parse_enum,
)
from ticketflow.api.errors import ApiError, PartlyApplied
from ticketflow.api.schemas.openapi import ID_MAX

FIELD_PARSERS = EDIT_PARSERS  # so the check can tell a real change from a resend
UowFactory = Callable[[], UnitOfWork]


class Part(StrEnum):
    ASSIGNEE = "assignee"
    FIELDS = "fields"
    STATUS = "status"


@dataclass(frozen=True, slots=True)
class TicketPatch:
    fields: Mapping[str, object]
    parsed: Mapping[str, object]
    status: TicketStatus | None
    assigns: bool  # the body has `assignee`; then None means "unassign"
    assignee: Assignee | None
    version: str | None


def parse_field(name: str, value: object) -> object:
    try:
        return FIELD_PARSERS[name](value)
    except OverflowError:  # a date-time whose UTC form falls outside years 1–9999
        raise InvalidValue(name, f"'{value}' is out of range") from None


def _parse_assignee(value: object, *, actor_id: str) -> Assignee | None:
    assignee = tickets.parse_assignee(value, actor_id=actor_id)
    team_id = assignee.team_id if assignee is not None else None
    if team_id is not None and not 0 < team_id <= ID_MAX:
        raise InvalidValue("assignee", f"there is no team {team_id}")
    return assignee


def _version(body_version: object, if_match: str | None) -> str | None:
    header = if_match.strip() if if_match else None
    if header == "*":
        header = None
    elif header and len(header) >= 2 and header[0] == header[-1] == '"':
        header = header[1:-1]
    version = body_version if isinstance(body_version, str) else None
    if header is not None and version is not None and header != version:
        raise ApiError(400, "invalid_parameter", "If-Match and version name different versions",
                       field="version")
    return version if version is not None else header


def parse_patch(body: Mapping[str, object], *, actor_id: str, if_match: str | None) -> TicketPatch:
    """A body already valid under TICKET_PATCH, parsed by the domain's rules."""
    fields = {name: value for name, value in body.items() if name in FIELD_PARSERS}
    status = body.get("status")
    return TicketPatch(
        fields=fields,
        parsed={name: parse_field(name, value) for name, value in fields.items()},
        status=parse_enum("status", status, TicketStatus) if status is not None else None,
        assigns="assignee" in body,
        assignee=_parse_assignee(body.get("assignee"), actor_id=actor_id),
        version=_version(body.get("version"), if_match),
    )


def _assigned(ticket: Ticket, to: Assignee | None) -> Ticket:
    return replace(
        ticket,
        assignee_type=to.kind if to else AssigneeType.USER,
        assignee_id=to.user_id if to else None,
        assignee_team_id=to.team_id if to else None,
    )


def plan(viewer: Viewer, ticket: Ticket, patch: TicketPatch) -> list[Part]:
    """The parts that change something, in order; raises as the first refused part would."""
    target = patch.assignee
    reopens = (patch.status is not None and patch.status is not ticket.status
               and not ticket.is_open_for_edits)
    keeps_sight = can_see(viewer, _assigned(ticket, target))
    order = [Part.STATUS] if reopens else []
    if patch.assigns and keeps_sight:
        order.append(Part.ASSIGNEE)
    order.append(Part.FIELDS)
    if not reopens:
        order.append(Part.STATUS)
    if patch.assigns and not keeps_sight:
        order.append(Part.ASSIGNEE)

    parts: list[Part] = []
    for part in order:
        if part is Part.FIELDS:
            changed = {k: v for k, v in patch.parsed.items() if getattr(ticket, k) != v}
            if not changed:
                continue
            ensure(edit_refusal(viewer, ticket, frozenset(changed)))
            ticket = replace(ticket, **changed)  # type: ignore[arg-type]
        elif part is Part.STATUS:
            if patch.status is None or patch.status is ticket.status:
                continue
            ensure(status_refusal(viewer, ticket, patch.status))
            ticket = lifecycle.move(ticket, patch.status, now=utcnow())
        else:
            if ticket.assignee == target:
                continue
            ensure(assign_refusal(viewer, ticket, target))
            ticket = _assigned(ticket, target)
        parts.append(part)
    return parts


async def apply_patch(
    *, uow: UowFactory, actor: Viewer, ticket: str, patch: TicketPatch
) -> Ticket:
    """Runs the planned parts, each passing on the version the previous one produced."""
    overview = await ticket_overview(uow=uow(), actor=actor, ticket=ticket)
    current = overview.ticket
    ensure_fresh(current, patch.version)
    version = patch.version
    applied: list[Part] = []
    for part in plan(overview.viewer, current, patch):
        try:
            current = await _run(part, uow=uow(), actor=actor, ticket=current.id,
                                 patch=patch, version=version)
        except DomainError as error:
            if applied:
                raise PartlyApplied(error, tuple(applied)) from error
            raise
        applied.append(part)
        if version is not None:
            version = current.version
    return ticket_seen_by(overview.viewer, current)


async def _run(part: Part, *, uow: UnitOfWork, actor: Viewer, ticket: int, patch: TicketPatch,
               version: str | None) -> Ticket:
    change: Awaitable[Ticket]
    if part is Part.FIELDS:
        change = tickets.edit_ticket(uow=uow, actor=actor, ticket=ticket,
                                     changes=patch.fields, expected_version=version)
    elif part is Part.STATUS:
        change = tickets.change_status(uow=uow, actor=actor, ticket=ticket,
                                       to=patch.status, expected_version=version)
    else:
        change = tickets.assign_ticket(uow=uow, actor=actor, ticket=ticket,
                                       to=patch.assignee, expected_version=version)
    try:
        return await change
    except (UserNotFound, TeamNotFound) as error:  # the assignee, not the ticket, is missing
        raise InvalidValue("assignee", str(error)) from error
