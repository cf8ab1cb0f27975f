"""PATCH /tickets/{ticket}: the body read into fields, status and assignee for `update_ticket`.

The domain applies the parts in one transaction with one version check (see
TICKET_PATCH's description in the OpenAPI document for their order); this module
only parses the body and the `If-Match` header.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from domain.access import Viewer
from domain.disclosure import ticket_seen_by
from domain.errors import InvalidValue, TeamNotFound, UserNotFound
from domain.ports import UnitOfWork
from domain.services import tickets
from domain.services.lookup import version_instant
from domain.services.tickets import EDIT_PARSERS, UNCHANGED
from domain.tickets import Assignee, Ticket, TicketStatus
from domain.validation import parse_enum
from ticketflow.api.errors import ApiError

FIELD_PARSERS = EDIT_PARSERS


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


def _version(body_version: object, if_match: str | None) -> str | None:
    header = if_match.strip() if if_match else None
    if header == "*":
        header = None
    elif header and len(header) >= 2 and header[0] == header[-1] == '"':
        header = header[1:-1]
    version = body_version if isinstance(body_version, str) else None
    for given, name in ((header, "If-Match"), (version, "version")):
        if given is not None and version_instant(given) is None:
            raise ApiError(400, "invalid_parameter",
                           f"{name}: {given[:40]!r} is not a ticket version; send the `version` "
                           "(or the ETag) a GET of the ticket returned", field="version")
    if header is not None and version is not None and (
        version_instant(header) != version_instant(version)
    ):
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
        assignee=tickets.parse_assignee(body.get("assignee"), actor_id=actor_id),
        version=_version(body.get("version"), if_match),
    )


async def apply_patch(
    *, uow: UnitOfWork, actor: Viewer, ticket: str, patch: TicketPatch
) -> Ticket:
    """The one `update_ticket`: every part in one transaction, or none of them."""
    try:
        updated = await tickets.update_ticket(
            uow=uow, actor=actor, ticket=ticket, fields=patch.fields, status=patch.status,
            assignee=patch.assignee if patch.assigns else UNCHANGED,
            expected_version=patch.version, idempotent=True,
        )
    except (UserNotFound, TeamNotFound) as error:  # the assignee, not the ticket, is missing
        raise InvalidValue("assignee", str(error)) from error
    return ticket_seen_by(actor, updated)
