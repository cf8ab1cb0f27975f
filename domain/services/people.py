"""Users, teams, memberships and departments.

An `Operator` at the command line is trusted; a `Viewer` (in chat) meets the role
rule. Reading the directory needs an active actor of any role.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


from domain.access import Viewer, ensure_manages_team, ensure_sees_team_members
from domain.actors import Actor, use_case
from domain.clock import utcnow
from domain.errors import (
    Conflict,
    DepartmentNotFound,
    NotAllowed,
    TeamNotFound,
    UserNotFound,
)
from domain.people import Department, Membership, NewUser, Role, Team, TeamRole, User
from domain.ports import UnitOfWork
from domain.services.lookup import authorise
from domain.validation import parse_email, parse_enum, parse_text, require_text



@use_case
async def add_user(
    *,
    uow: UnitOfWork,
    actor: Actor,
    email: object,
    role: object = Role.USER,
    first_name: str | None = None,
    last_name: str | None = None,
    department: str | None = None,
) -> User:
    new = NewUser(
        email=parse_email(email),
        first_name=parse_text("first_name", first_name, limit=255),
        last_name=parse_text("last_name", last_name, limit=255),
        role=parse_enum("role", role, Role),
        department=parse_text("department", department, limit=100),
    )
    async with uow:
        await authorise(uow, actor, Role.ADMIN)
        if await uow.users.get_by_email(new.email) is not None:
            raise Conflict(f"a user with email {new.email} already exists")
        user = await uow.users.add(new, now=utcnow())
        await uow.commit()
    return user


@use_case
async def list_users(
    *, uow: UnitOfWork, actor: Actor, include_inactive: bool = True
) -> list[User]:
    async with uow:
        await authorise(uow, actor)
        return await uow.users.all(include_inactive=include_inactive)


@use_case
async def find_user(*, uow: UnitOfWork, actor: Actor, email: object) -> User:
    address = parse_email(email)
    async with uow:
        await authorise(uow, actor)
        user = await uow.users.get_by_email(address)
    if user is None:
        raise UserNotFound(address)
    return user


async def _change_user(uow: UnitOfWork, actor: Actor, user_id: str, **changes: object) -> User:
    async with uow:
        await authorise(uow, actor, Role.ADMIN)
        if isinstance(actor, Viewer) and actor.id == user_id:
            raise NotAllowed("you cannot change your own role or deactivate yourself")
        user = await uow.users.get(user_id)
        if user is None:
            raise UserNotFound(user_id)
        updated = replace(user, **changes)  # type: ignore[arg-type]
        await uow.users.save(updated, now=utcnow())
        await uow.commit()
    return updated


@use_case
async def set_role(*, uow: UnitOfWork, actor: Actor, user_id: str, role: object) -> User:
    return await _change_user(uow, actor, user_id, role=parse_enum("role", role, Role))


@use_case
async def set_active(*, uow: UnitOfWork, actor: Actor, user_id: str, active: bool) -> User:
    return await _change_user(uow, actor, user_id, is_active=active)


@use_case
async def create_team(
    *,
    uow: UnitOfWork,
    actor: Actor,
    name: object,
    description: object = None,
) -> Team:
    team_name = require_text("name", name, limit=255)
    async with uow:
        await authorise(uow, actor, Role.ADMIN)
        if await uow.teams.get_by_name(team_name) is not None:
            raise Conflict(f"a team named {team_name} already exists")
        team = await uow.teams.add(
            name=team_name,
            description=parse_text("description", description, limit=2000),
            created_by=actor.id if isinstance(actor, Viewer) else None,
            now=utcnow(),
        )
        await uow.commit()
    return team


async def find_team(uow: UnitOfWork, ref: int | str) -> Team:
    """A team by id or (case-insensitive) name, inside an open unit of work."""
    team = await (uow.teams.get(ref) if isinstance(ref, int) else uow.teams.get_by_name(ref))
    if team is None:
        raise TeamNotFound(ref)
    return team


@use_case
async def find_team_by_name(*, uow: UnitOfWork, actor: Actor, name: str) -> Team:
    async with uow:
        await authorise(uow, actor)
        return await find_team(uow, name)


async def _team_to_manage(uow: UnitOfWork, actor: Actor, team: int | str) -> Team:
    """Admins manage every team; a manager only the teams they belong to."""
    found = await find_team(uow, team)
    viewer = await authorise(uow, actor, Role.ADMIN, Role.MANAGER)
    if isinstance(viewer, Viewer):
        ensure_manages_team(viewer, team_id=found.id, team_name=found.name)
    return found


@use_case
async def list_teams(*, uow: UnitOfWork, actor: Actor) -> list[Team]:
    async with uow:
        await authorise(uow, actor)
        return await uow.teams.all()


@use_case
async def add_team_member(
    *,
    uow: UnitOfWork,
    actor: Actor,
    team: int | str,
    user_id: str,
    role: object = TeamRole.MEMBER,
) -> Membership:
    membership_role = parse_enum("role", role, TeamRole)
    async with uow:
        found = await _team_to_manage(uow, actor, team)
        if await uow.users.get(user_id) is None:
            raise UserNotFound(user_id)
        existing = await uow.teams.membership(found.id, user_id)
        if existing is not None:
            return existing
        membership = Membership(found.id, user_id, membership_role)
        await uow.teams.add_member(membership, now=utcnow())
        await uow.commit()
    return membership


@use_case
async def remove_team_member(
    *, uow: UnitOfWork, actor: Actor, team: int | str, user_id: str
) -> bool:
    """Take someone out of a team (its queue leaves their lists); False when they were not
    in it. Admins, and managers of that team, as for adding."""
    async with uow:
        found = await _team_to_manage(uow, actor, team)
        if not await uow.teams.remove_member(found.id, user_id):
            return False
        await uow.commit()
    return True


@use_case
async def team_members(*, uow: UnitOfWork, actor: Actor, team: int | str) -> list[Membership]:
    async with uow:
        await authorise(uow, actor)
        return await uow.teams.members((await find_team(uow, team)).id)


async def find_department(uow: UnitOfWork, name: str) -> Department:
    department = await uow.departments.get_by_name(name)
    if department is None:
        raise DepartmentNotFound(name)
    return department


@dataclass(frozen=True, slots=True)
class Roster:
    team: Team
    members: tuple[tuple[User, TeamRole], ...]


@use_case
async def team_roster(*, uow: UnitOfWork, actor: Actor, team: int | str) -> Roster:
    """Who is in a team, for those the access rule lets see it (see `ensure_sees_team_members`)."""
    async with uow:
        viewer = await authorise(uow, actor)
        if isinstance(viewer, Viewer):
            ensure_sees_team_members(viewer)
        found = await find_team(uow, team)
        if isinstance(viewer, Viewer):
            ensure_sees_team_members(viewer, team_id=found.id)
        members = []
        for membership in await uow.teams.members(found.id):
            user = await uow.users.get(membership.user_id)
            if user is not None:
                members.append((user, membership.role))
    return Roster(found, tuple(sorted(members, key=lambda m: m[0].display_name.lower())))
