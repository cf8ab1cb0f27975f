"""Finding the actor and the ticket a use case is about, under the access rule."""

from __future__ import annotations

from datetime import UTC, datetime

from domain.access import Viewer, can_see, ensure_active, ensure_role
from domain.actors import Actor, Operator
from domain.errors import NotAllowed, StaleTicket, TicketNotFound
from domain.numbering import MAX_TICKET_ID, parse_ticket_id, parse_ticket_number
from domain.people import Role
from domain.ports import UnitOfWork
from domain.tickets import VERSION_SEPARATOR, Ticket

TicketRef = int | str


async def load_viewer(uow: UnitOfWork, user_id: str) -> Viewer:
    """The user with their teams as stored now; NotAllowed when unknown or deactivated."""
    viewer = await uow.users.viewer(user_id)
    if viewer is None:
        raise NotAllowed("you are not a TicketFlow user")
    ensure_active(viewer)
    return viewer


async def authorise(uow: UnitOfWork, actor: Actor, *roles: Role) -> Viewer | Operator:
    """The actor as stored now, holding one of `roles` when any are named; operators pass."""
    if isinstance(actor, Operator):
        return actor
    viewer = await load_viewer(uow, actor.id)
    if roles:
        ensure_role(viewer, *roles)
    return viewer


async def load_ticket(
    uow: UnitOfWork, viewer: Viewer, ref: TicketRef, *, for_update: bool = False
) -> Ticket:
    """The ticket, or TicketNotFound — also when it exists but the viewer may not see it."""
    ticket = await _find(uow, ref, for_update=for_update)
    if ticket is None or not can_see(viewer, ticket):
        raise TicketNotFound(ref)
    return ticket


async def _find(uow: UnitOfWork, ref: TicketRef, *, for_update: bool) -> Ticket | None:
    if isinstance(ref, int):
        return await uow.tickets.get(ref, for_update=for_update) if 0 < ref <= MAX_TICKET_ID else None
    text = ref.strip()
    if text.isdecimal():
        ticket_id = parse_ticket_id(text)
        return None if ticket_id is None else await _find(uow, ticket_id, for_update=for_update)
    number = parse_ticket_number(text)
    if number is None:
        return None
    return await uow.tickets.get_by_number(str(number), for_update=for_update)


def ensure_fresh(ticket: Ticket, expected_version: str | datetime | None) -> None:
    """Refuses a change computed from an older copy of the ticket (e.g. a stale card).

    A version is the instant of `updated_at`, however it is written: the REST API shows it
    as `updated_at` ("…Z") and as `version` (no offset), and either must match. A version
    as `Ticket.version` writes it also carries the digest of the ticket's fields, which must
    match too: a change that left `updated_at` as it was still makes it stale."""
    if expected_version is None:
        return
    stamp, _, digest = _written(expected_version).partition(VERSION_SEPARATOR)
    if version_instant(stamp) != ticket.updated_at or digest not in ("", ticket.digest):
        raise StaleTicket(ticket.ticket_number)


def _written(version: str | datetime) -> str:
    return version if isinstance(version, str) else version.isoformat()


def version_instant(version: str | datetime) -> datetime | None:
    """The naive UTC instant a version names (as `updated_at` is stored); None if it names none."""
    if isinstance(version, str):
        try:
            version = datetime.fromisoformat(version.partition(VERSION_SEPARATOR)[0].strip())
        except ValueError:
            return None
    if version.tzinfo is not None:
        version = version.astimezone(UTC).replace(tzinfo=None)
    return version
