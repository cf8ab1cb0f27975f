"""`ticketflow users …` and `ticketflow teams …`: the operator's way to set people up."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from domain.actors import Operator
from domain.people import Role
from domain.services import people
from ticketflow.cli import on_runtime
from ticketflow.commands import table

if TYPE_CHECKING:
    from ticketflow.runtime import Runtime


def register(subcommands: Any) -> None:
    users = subcommands.add_parser("users", help="add and list TicketFlow users")
    users_sub = users.add_subparsers(required=True, metavar="ACTION")
    add = users_sub.add_parser("add", help="add a user")
    add.add_argument("email")
    add.add_argument("--role", default="user", choices=[r.value for r in Role],
                     help="what the user may do")
    add.add_argument("--name", help="full name, e.g. 'Dana Scully'")
    add.add_argument("--department")
    add.set_defaults(command=add_user)
    users_sub.add_parser("list", help="list users").set_defaults(command=list_users)

    teams = subcommands.add_parser("teams", help="add teams and members")
    teams_sub = teams.add_subparsers(required=True, metavar="ACTION")
    team_add = teams_sub.add_parser("add", help="add a team")
    team_add.add_argument("name")
    team_add.add_argument("--description")
    team_add.set_defaults(command=add_team)
    member = teams_sub.add_parser("add-member", help="add a user (by email) to a team")
    member.add_argument("team")
    member.add_argument("email")
    member.add_argument("--role", default="member", choices=["member", "admin"],
                        help="the membership's role, as TicketFlow's web app shows it")
    member.set_defaults(command=add_member)
    teams_sub.add_parser("list", help="list teams").set_defaults(command=list_teams)


def _split_name(name: str | None) -> tuple[str | None, str | None]:
    if not name:
        return None, None
    first, _, last = name.strip().partition(" ")
    return first or None, last.strip() or None


@on_runtime
async def add_user(args: argparse.Namespace, runtime: Runtime) -> int:
    first, last = _split_name(args.name)
    user = await people.add_user(
        uow=runtime.uow(), actor=Operator("users add"), email=args.email, role=args.role,
        first_name=first,
        last_name=last, department=args.department,
    )
    print(f"added {user.email} as {user.role.value} (id {user.id})")
    return 0


@on_runtime
async def list_users(args: argparse.Namespace, runtime: Runtime) -> int:
    users = await people.list_users(uow=runtime.uow(), actor=Operator("users list"))
    rows = [(u.email, u.display_name, u.role.value, u.department or "-",
             "yes" if u.is_active else "no", u.id) for u in users]
    print(table(rows, ("EMAIL", "NAME", "ROLE", "DEPARTMENT", "ACTIVE", "ID")))
    return 0


@on_runtime
async def add_team(args: argparse.Namespace, runtime: Runtime) -> int:
    team = await people.create_team(
        uow=runtime.uow(), actor=Operator("teams add"), name=args.name,
        description=args.description,
    )
    print(f"added team {team.name} (id {team.id})")
    return 0


@on_runtime
async def add_member(args: argparse.Namespace, runtime: Runtime) -> int:
    operator = Operator("teams add-member")
    user = await people.find_user(uow=runtime.uow(), actor=operator, email=args.email)
    team: int | str = int(args.team) if args.team.isdigit() else args.team
    membership = await people.add_team_member(
        uow=runtime.uow(), actor=operator, team=team, user_id=user.id, role=args.role
    )
    teams = await people.list_teams(uow=runtime.uow(), actor=operator)
    name = next(found.name for found in teams if found.id == membership.team_id)
    print(f"{user.email} is in team {name} (id {membership.team_id}) as {membership.role}")
    return 0


@on_runtime
async def list_teams(args: argparse.Namespace, runtime: Runtime) -> int:
    operator = Operator("teams list")
    teams = await people.list_teams(uow=runtime.uow(), actor=operator)
    rows = []
    for team in teams:
        members = await people.team_members(uow=runtime.uow(), actor=operator, team=team.id)
        rows.append((team.id, team.name, len(members)))
    print(table(rows, ("ID", "NAME", "MEMBERS")))
    return 0
