"""Who a ticket card refreshes for automatically: `refresh.userIds`, as Teams user ids.

Teams refreshes a card for the users listed (at most 60) when they look at it; in a
channel without the list every member refreshes, including people who are not
TicketFlow users or may not see the ticket. The list is the ticket's own people:
its requester, its assignee or the members of the team it is queued to, then
whoever acted on it (history and comments, latest first) — each as every Teams
identity they are linked to. Deactivated accounts are left out, and customers are
listed only as the requester (team membership gives them nothing).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from functools import cache

from sqlalchemy import CompoundSelect, Select, select, union_all
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.connections import checkout
from db.lists import one_of
from db.tables import bot_user_links, task_comments, task_history, team_members, users
from domain.people import Role
from domain.tickets import AssigneeType, Ticket

MAX_REFRESH_USERS = 60
"""Teams refreshes automatically for at most 60 listed users."""

@cache
def _members(dialect: str) -> Select[tuple[int, str]]:
    return (
        select(team_members.c.team_id, team_members.c.user_id)
        .where(one_of(team_members.c.team_id, "team_ids", dialect))
        .order_by(team_members.c.team_id, team_members.c.id)
    )


@cache
def _actors_of(dialect: str) -> CompoundSelect:
    return union_all(
        select(task_history.c.task_id, task_history.c.user_id, task_history.c.created_at,
               task_history.c.id).where(one_of(task_history.c.task_id, "ids", dialect)),
        select(task_comments.c.task_id, task_comments.c.user_id, task_comments.c.created_at,
               task_comments.c.id).where(one_of(task_comments.c.task_id, "ids", dialect)),
    )


@cache
def _accounts_of(dialect: str) -> Select[tuple[str, str, str | None]]:
    return (
        select(users.c.id, users.c.role, bot_user_links.c.teams_user_id)
        .outerjoin(bot_user_links, bot_user_links.c.user_id == users.c.id)
        .where(one_of(users.c.id, "user_ids", dialect), users.c.is_active.is_not(False))
        .order_by(bot_user_links.c.updated_at.desc(), bot_user_links.c.id.desc())
    )
"""Built once per dialect: every ticket card asks who it refreshes for."""


async def refresh_audiences(
    connection: AsyncConnection, tickets: Iterable[Ticket]
) -> dict[int, tuple[str, ...]]:
    """Teams user ids per ticket id, at most `MAX_REFRESH_USERS` each, in priority order."""
    tickets = list(tickets)
    if not tickets:
        return {}
    ticket_ids = sorted({ticket.id for ticket in tickets})
    team_ids = sorted(
        {
            ticket.assignee_team_id
            for ticket in tickets
            if ticket.assignee_type is AssigneeType.TEAM and ticket.assignee_team_id is not None
        }
    )
    members = await _team_members(connection, team_ids)
    actors = await _actors(connection, ticket_ids)
    wanted: dict[int, list[tuple[str, bool]]] = {}
    for ticket in tickets:
        people: list[tuple[str, bool]] = [(ticket.created_by, True)]
        assignee = ticket.assignee
        if assignee is not None and assignee.kind is AssigneeType.USER and assignee.user_id:
            people.append((assignee.user_id, False))
        if assignee is not None and assignee.kind is AssigneeType.TEAM:
            people += [(member, False) for member in members.get(assignee.team_id or 0, [])]
        people += [(actor, False) for actor in actors.get(ticket.id, [])]
        wanted[ticket.id] = people
    everyone = {user_id for people in wanted.values() for user_id, _ in people}
    accounts, links = await _accounts(connection, everyone)
    audiences: dict[int, tuple[str, ...]] = {}
    for ticket_id, people in wanted.items():
        chosen: list[str] = []
        for user_id, is_requester in people:
            role = accounts.get(user_id)
            if role is None or (role is Role.CUSTOMER and not is_requester):
                continue
            for teams_user_id in links.get(user_id, []):
                if teams_user_id not in chosen:
                    chosen.append(teams_user_id)
        audiences[ticket_id] = tuple(chosen[:MAX_REFRESH_USERS])
    return audiences


class SqlRefreshAudience:
    """`bot.context.RefreshAudience` over the database."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def for_ticket(self, ticket: Ticket) -> tuple[str, ...]:
        async with checkout(self._engine) as connection:
            return (await refresh_audiences(connection, [ticket])).get(ticket.id, ())


async def _team_members(
    connection: AsyncConnection, team_ids: Collection[int]
) -> dict[int, list[str]]:
    if not team_ids:
        return {}
    rows = await connection.execute(_members(connection.dialect.name), {"team_ids": list(team_ids)})
    found: dict[int, list[str]] = {}
    for team_id, user_id in rows.all():
        found.setdefault(team_id, []).append(user_id)
    return found


async def _actors(connection: AsyncConnection, ticket_ids: Collection[int]) -> dict[int, list[str]]:
    """Who changed or commented on each ticket, latest first (one statement for both)."""
    found: dict[int, list[tuple[datetime, int, str]]] = {}
    rows = await connection.execute(_actors_of(connection.dialect.name), {"ids": list(ticket_ids)})
    for task_id, user_id, created_at, row_id in rows.all():
        found.setdefault(task_id, []).append((created_at or datetime.min, row_id, user_id))
    return {
        task_id: list(dict.fromkeys(user_id for *_, user_id in sorted(entries, reverse=True)))
        for task_id, entries in found.items()
    }


async def _accounts(
    connection: AsyncConnection, user_ids: Collection[str]
) -> tuple[dict[str, Role], dict[str, list[str]]]:
    """Roles of the active accounts among `user_ids`, and their Teams identities (latest
    link first), read together."""
    if not user_ids:
        return {}, {}
    rows = await connection.execute(_accounts_of(connection.dialect.name), {"user_ids": sorted(user_ids)})
    accounts: dict[str, Role] = {}
    links: dict[str, list[str]] = {}
    for user_id, role, teams_user_id in rows.all():
        try:
            accounts[user_id] = Role(role)
        except ValueError:
            continue  # a role the web app added and this service does not know: no refresh
        if teams_user_id is not None:
            links.setdefault(user_id, []).append(teams_user_id)
    return accounts, links
