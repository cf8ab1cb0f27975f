"""What a person sees of a ticket: the ticket, the names on it, and what they may do."""

from __future__ import annotations

from dataclasses import dataclass, replace

from domain.access import TicketAction, Viewer, available_actions, scope_for
from domain.actors import use_case
from domain.company import CompanySettings
from domain.people import Role, Team, User
from domain.ports import UnitOfWork
from domain.services.lookup import TicketRef, load_ticket, load_viewer
from domain.tickets import Assignee, AssigneeType, Ticket, TicketFilter, TicketPage

MAX_USER_CHOICES = 100


@dataclass(frozen=True, slots=True)
class AssigneeChoice:
    assignee: Assignee
    title: str


@dataclass(frozen=True, slots=True)
class TicketOverview:
    ticket: Ticket
    viewer: Viewer
    actions: frozenset[TicketAction]
    requester: str
    assignee: str | None
    assignees: tuple[AssigneeChoice, ...] = ()
    company: CompanySettings = CompanySettings()


async def describe(uow: UnitOfWork, viewer: Viewer, ticket: Ticket) -> TicketOverview:
    """Names and actions for a ticket already loaded inside an open unit of work."""
    people = _People(uow, viewer)
    requester = await people.get(ticket.created_by)
    return TicketOverview(
        ticket=ticket,
        viewer=viewer,
        actions=available_actions(viewer, ticket),
        requester=requester.display_name if requester else ticket.created_by,
        assignee=await _assignee_name(people, ticket.assignee),
    )


class _People:
    """Users read once per overview or listing; the viewer is already loaded.

    A requester looking at their own ticket, or an agent at one assigned to them,
    costs no further query; a listing asks once per distinct assignee.
    """

    def __init__(self, uow: UnitOfWork, viewer: Viewer) -> None:
        self._uow = uow
        self._users: dict[str, User | None] = {viewer.id: viewer.user}
        self._teams: dict[int, Team | None] = {}

    async def get(self, user_id: str) -> User | None:
        if user_id not in self._users:
            self._users[user_id] = await self._uow.users.get(user_id)
        return self._users[user_id]

    async def team(self, team_id: int) -> Team | None:
        if team_id not in self._teams:
            self._teams[team_id] = await self._uow.teams.get(team_id)
        return self._teams[team_id]


async def _assignee_name(people: _People, assignee: Assignee | None) -> str | None:
    if assignee is None:
        return None
    if assignee.kind is AssigneeType.TEAM:
        team = await people.team(assignee.team_id or 0)
        return f"Team {team.name}" if team else f"Team #{assignee.team_id}"
    user = await people.get(assignee.user_id or "")
    return user.display_name if user else assignee.user_id


@use_case
async def ticket_overview(*, uow: UnitOfWork, actor: Viewer, ticket: TicketRef) -> TicketOverview:
    """Everything a ticket card needs, read in one transaction."""
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        overview = await describe(uow, viewer, await load_ticket(uow, viewer, ticket))
        choices = await _choices(uow, viewer) if TicketAction.ASSIGN in overview.actions else []
        return replace(overview, assignees=tuple(choices), company=await uow.company.get())


@dataclass(frozen=True, slots=True)
class TicketListing:
    page: TicketPage
    assignees: tuple[str | None, ...]
    company: CompanySettings


@use_case
async def ticket_listing(
    *, uow: UnitOfWork, actor: Viewer, filter: TicketFilter, limit: int, offset: int
) -> TicketListing:
    """A page of visible tickets with their assignees' names, in one transaction."""
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        page = await uow.tickets.search(
            scope=scope_for(viewer), filter=filter, limit=limit, offset=offset
        )
        people = _People(uow, viewer)
        names = tuple([await _assignee_name(people, t.assignee) for t in page.tickets])
        return TicketListing(page=page, assignees=names, company=await uow.company.get())


@use_case
async def assignee_choices(*, uow: UnitOfWork, actor: Viewer) -> list[AssigneeChoice]:
    async with uow:
        return await _choices(uow, await load_viewer(uow, actor.id))


async def _choices(uow: UnitOfWork, viewer: Viewer) -> list[AssigneeChoice]:
    """Who the viewer may assign tickets to: themselves first, then teams, then colleagues."""
    if viewer.role is Role.CUSTOMER:
        return []
    choices = [AssigneeChoice(Assignee.user(viewer.id), f"Me ({viewer.user.display_name})")]
    staff = viewer.role in (Role.ADMIN, Role.MANAGER)
    if staff or viewer.team_ids:  # an agent in no team may only take tickets themselves
        for team in await uow.teams.all():
            if staff or team.id in viewer.team_ids:
                choices.append(AssigneeChoice(Assignee.team(team.id), f"Team {team.name}"))
    if staff:
        colleagues = [u for u in await uow.users.all() if _can_take_tickets(u, viewer)]
        choices.extend(
            AssigneeChoice(Assignee.user(u.id), u.display_name)
            for u in colleagues[:MAX_USER_CHOICES]
        )
    return choices


def _can_take_tickets(user: User, viewer: Viewer) -> bool:
    return user.is_active and user.role is not Role.CUSTOMER and user.id != viewer.id


async def current_user(*, uow: UnitOfWork, user_id: str) -> Viewer:
    """Who a request or turn acts for, with their teams; NotAllowed when unknown or deactivated.

    This establishes the actor (after the edge has authenticated the person), so it
    takes none itself.
    """
    async with uow:
        return await load_viewer(uow, user_id)
