"""Users, teams, memberships and departments.

`actor_id=None` means an operator at the command line, who is trusted; in chat
the actor is always a TicketFlow user and the role rule applies.
"""

from __future__ import annotations

from dataclasses import replace

from domain.access import ensure_role
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
from domain.services.lookup import load_viewer
from domain.validation import parse_email, parse_enum, parse_text, require_text


async def _authorise(uow: UnitOfWork, actor_id: str | None, *roles: Role) -> None:
    if actor_id is not None:
        ensure_role(await load_viewer(uow, actor_id), *roles)


async def add_user(
    *,
    uow: UnitOfWork,
    email: object,
    role: object = Role.USER,
    first_name: str | None = None,
    last_name: str | None = None,
    department: str | None = None,
    actor_id: str | None = None,
) -> User:
    new = NewUser(
        email=parse_email(email),
        first_name=parse_text("first_name", first_name, limit=255),
        last_name=parse_text("last_name", last_name, limit=255),
        role=parse_enum("role", role, Role),
        department=parse_text("department", department, limit=100),
    )
    async with uow:
        await _authorise(uow, actor_id, Role.ADMIN)
        if await uow.users.get_by_email(new.email) is not None:
            raise Conflict(f"a user with email {new.email} already exists")
        user = await uow.users.add(new, now=utcnow())
        await uow.commit()
    return user


async def list_users(*, uow: UnitOfWork, include_inactive: bool = True) -> list[User]:
    async with uow:
        return await uow.users.all(include_inactive=include_inactive)


async def find_user(*, uow: UnitOfWork, email: object) -> User:
    address = parse_email(email)
    async with uow:
        user = await uow.users.get_by_email(address)
    if user is None:
        raise UserNotFound(address)
    return user


async def _change_user(
    uow: UnitOfWork, actor_id: str | None, user_id: str, **changes: object
) -> User:
    async with uow:
        await _authorise(uow, actor_id, Role.ADMIN)
        if actor_id == user_id:
            raise NotAllowed("you cannot change your own role or deactivate yourself")
        user = await uow.users.get(user_id)
        if user is None:
            raise UserNotFound(user_id)
        updated = replace(user, **changes)  # type: ignore[arg-type]
        await uow.users.save(updated, now=utcnow())
        await uow.commit()
    return updated


async def set_role(
    *, uow: UnitOfWork, user_id: str, role: object, actor_id: str | None = None
) -> User:
    return await _change_user(uow, actor_id, user_id, role=parse_enum("role", role, Role))


async def set_active(
    *, uow: UnitOfWork, user_id: str, active: bool, actor_id: str | None = None
) -> User:
    return await _change_user(uow, actor_id, user_id, is_active=active)


async def create_team(
    *,
    uow: UnitOfWork,
    name: object,
    description: object = None,
    actor_id: str | None = None,
) -> Team:
    team_name = require_text("name", name, limit=255)
    async with uow:
        await _authorise(uow, actor_id, Role.ADMIN)
        if await uow.teams.get_by_name(team_name) is not None:
            raise Conflict(f"a team named {team_name} already exists")
        team = await uow.teams.add(
            name=team_name,
            description=parse_text("description", description, limit=2000),
            created_by=actor_id,
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


async def find_team_by_name(*, uow: UnitOfWork, name: str) -> Team:
    async with uow:
        return await find_team(uow, name)


async def _team_to_manage(uow: UnitOfWork, actor_id: str | None, team: int | str) -> Team:
    """Admins manage every team; a manager only the teams they belong to."""
    found = await find_team(uow, team)
    if actor_id is None:
        return found
    viewer = await load_viewer(uow, actor_id)
    ensure_role(viewer, Role.ADMIN, Role.MANAGER)
    if viewer.role is Role.MANAGER and found.id not in viewer.team_ids:
        raise NotAllowed(f"managers can change only their own teams, and {found.name} is not one")
    return found


async def list_teams(*, uow: UnitOfWork) -> list[Team]:
    async with uow:
        return await uow.teams.all()


async def add_team_member(
    *,
    uow: UnitOfWork,
    team: int | str,
    user_id: str,
    role: object = TeamRole.MEMBER,
    actor_id: str | None = None,
) -> Membership:
    membership_role = parse_enum("role", role, TeamRole)
    async with uow:
        found = await _team_to_manage(uow, actor_id, team)
        if await uow.users.get(user_id) is None:
            raise UserNotFound(user_id)
        existing = await uow.teams.membership(found.id, user_id)
        if existing is not None:
            return existing
        membership = Membership(found.id, user_id, membership_role)
        await uow.teams.add_member(membership, now=utcnow())
        await uow.commit()
    return membership


async def remove_team_member(
    *, uow: UnitOfWork, team: int | str, user_id: str, actor_id: str | None = None
) -> bool:
    async with uow:
        found = await _team_to_manage(uow, actor_id, team)
        removed = await uow.teams.remove_member(found.id, user_id)
        await uow.commit()
    return removed


async def team_members(*, uow: UnitOfWork, team: int | str) -> list[Membership]:
    async with uow:
        return await uow.teams.members((await find_team(uow, team)).id)


async def create_department(
    *, uow: UnitOfWork, name: object, description: object = None, actor_id: str | None = None
) -> Department:
    department_name = require_text("name", name, limit=100)
    async with uow:
        await _authorise(uow, actor_id, Role.ADMIN)
        if await uow.departments.get_by_name(department_name) is not None:
            raise Conflict(f"a department named {department_name} already exists")
        department = await uow.departments.add(
            name=department_name,
            description=parse_text("description", description, limit=2000),
            now=utcnow(),
        )
        await uow.commit()
    return department


async def find_department(uow: UnitOfWork, name: str) -> Department:
    department = await uow.departments.get_by_name(name)
    if department is None:
        raise DepartmentNotFound(name)
    return department


async def list_departments(*, uow: UnitOfWork) -> list[Department]:
    async with uow:
        return await uow.departments.all()
