"""Invitations: an admin invites an email with a role; first contact accepts it.

`accept_invitation` and `enroll` take no actor: they establish who the person is.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import replace
from datetime import timedelta

from domain.access import Viewer
from domain.actors import use_case
from domain.clock import utcnow
from domain.errors import Conflict, InvitationNotFound, InvitationUnusable
from domain.people import Invitation, InvitationStatus, NewUser, Role, User
from domain.ports import UnitOfWork
from domain.services.lookup import authorise, load_viewer
from domain.services.people import find_department
from domain.validation import parse_email, parse_enum, parse_text

INVITATION_LIFETIME = timedelta(days=7)


@use_case
async def invite(
    *,
    uow: UnitOfWork,
    actor: Viewer,
    email: object,
    role: object,
    department: str | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
    valid_for: timedelta = INVITATION_LIFETIME,
) -> Invitation:
    """A pending invitation; earlier pending ones for the same email are expired."""
    address = parse_email(email)
    invited_role = parse_enum("role", role, Role)
    async with uow:
        await authorise(uow, actor, Role.ADMIN)
        if await uow.users.get_by_email(address) is not None:
            raise Conflict(f"{address} is already a TicketFlow user")
        found_department = await find_department(uow, department) if department else None
        now = utcnow()
        for earlier in await uow.invitations.pending_for(address):
            await uow.invitations.save(replace(earlier, status=InvitationStatus.EXPIRED))
        invitation = await uow.invitations.add(
            email=address,
            role=invited_role,
            invited_by=actor.id,
            token=secrets.token_urlsafe(32),
            expires_at=now + valid_for,
            first_name=parse_text("first_name", first_name, limit=255),
            last_name=parse_text("last_name", last_name, limit=255),
            department=found_department,
            now=now,
        )
        await uow.commit()
    return invitation


@use_case
async def invited_not_joined(*, uow: UnitOfWork, actor: Viewer, said: str) -> list[Invitation]:
    """Usable invitations for the person `said` names (a first name, a full name, an email or
    its part before @): someone an admin named who has no account yet. The access rule
    grants by user, so no ticket can be theirs before they join: the bot says so instead of
    "I couldn't find them".

    Only admins learn of invitations (they send them): anyone else gets none, so what they
    hear of an invitee (even named by full email) is what they hear of someone never invited,
    and naming "dana" cannot turn up an address, a role or that an invitation exists.
    Accounts are another matter: every active user may read the directory."""
    wanted = " ".join(said.lower().split())
    if not wanted:
        return []
    async with uow.reading() as reader:
        viewer = await load_viewer(reader, actor.id)  # as stored now
        if viewer.role is not Role.ADMIN:
            return []
        pending = await reader.invitations.pending()
    now = utcnow()
    return [i for i in pending if i.is_usable(now) and wanted in _names_of(i)]


def _names_of(invitation: Invitation) -> set[str]:
    email = invitation.email.lower()
    local = email.split("@", 1)[0]
    parts = [part for part in re.split(r"[._\-+]", local) if part]
    first = (invitation.first_name or "").strip().lower()
    last = (invitation.last_name or "").strip().lower()
    names = {email, local, " ".join(parts)}
    if parts:
        names.add(parts[0])
    if first:
        names |= {first, " ".join(f"{first} {last}".split())}
    return {name for name in names if name}


async def accept_invitation(
    *,
    uow: UnitOfWork,
    token: str,
    first_name: str | None = None,
    last_name: str | None = None,
) -> User:
    """Creates (or updates) the invitee with the invited role and department."""
    async with uow:
        invitation = await uow.invitations.get_by_token(token)
        if invitation is None:
            raise InvitationNotFound("with that token")
        user = await _accept(uow, invitation, first_name=first_name, last_name=last_name)
        await uow.commit()
    return user


async def _accept(
    uow: UnitOfWork, invitation: Invitation, *, first_name: str | None, last_name: str | None
) -> User:
    now = utcnow()
    if not invitation.is_usable(now):
        state = "already used" if invitation.status is InvitationStatus.ACCEPTED else "expired"
        raise InvitationUnusable(f"the invitation for {invitation.email} is {state}")
    existing = await uow.users.get_by_email(invitation.email)
    if existing is None:
        user = await uow.users.add(
            NewUser(
                email=invitation.email,
                first_name=invitation.first_name or first_name,
                last_name=invitation.last_name or last_name,
                role=invitation.role,
                department=invitation.department,
            ),
            now=now,
        )
    else:
        user = replace(existing, role=invitation.role,
                       department=invitation.department or existing.department)
        await uow.users.save(user, now=now)
    await uow.invitations.save(
        replace(invitation, status=InvitationStatus.ACCEPTED, accepted_at=now)
    )
    return user


async def enroll(
    *,
    uow: UnitOfWork,
    email: object,
    first_name: str | None,
    last_name: str | None,
    default_role: Role | None,
) -> User | None:
    """The TicketFlow user behind a first contact from Teams.

    An existing user (by email) is returned as is, read without a write transaction (every
    `ticketflow ask` comes here); a pending invitation is
    accepted; otherwise a user is created with `default_role`, or None is
    returned when self-service sign-up is off (`default_role` None).
    """
    address = parse_email(email)
    first_name = parse_text("first_name", first_name, limit=255)
    last_name = parse_text("last_name", last_name, limit=255)
    async with uow.reading() as reader:
        known = await reader.users.get_by_email(address)
    if known is not None:
        return known
    async with uow:
        existing = await uow.users.get_by_email(address)
        if existing is not None:
            return existing
        pending = [i for i in await uow.invitations.pending_for(address) if i.is_usable(utcnow())]
        if pending:
            user = await _accept(uow, pending[0], first_name=first_name, last_name=last_name)
        elif default_role is None:
            return None
        else:
            user = await uow.users.add(
                NewUser(address, first_name, last_name, default_role), now=utcnow()
            )
        await uow.commit()
    return user
