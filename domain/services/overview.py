"""What a person sees of a ticket: the ticket, the names on it, and what they may do."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from domain.access import TicketAction, Viewer, available_actions, can_see, scope_for
from domain.actors import use_case
from domain.company import CompanySettings
from domain.disclosure import INTERNAL_FIELDS, history_seen_by, reads_internal_notes
from domain.errors import TicketNotFound
from domain.people import Role, Team, User
from domain.ports import UnitOfWork
from domain.services.lookup import TicketRef, load_ticket, load_viewer
from domain.tickets import (
    Assignee, AssigneeType, HistoryAction, Priority, Ticket, TicketFilter, TicketOrder,
    TicketPage, TicketStatus,
)

MAX_USER_CHOICES = 100
MAX_TEAM_CHOICES = 25
SEARCH_RESULTS = 15
"""Teams shows at most 15 results of a typeahead search."""
RECENT_COMMENTS = 3
RECENT_CHANGES = 10


@dataclass(frozen=True, slots=True)
class AssigneeChoice:
    assignee: Assignee
    title: str


@dataclass(frozen=True, slots=True)
class CommentLine:
    author: str
    at: datetime
    text: str


@dataclass(frozen=True, slots=True)
class ChangeLine:
    """One history row with the name of who made it; what the viewer may not read is left out."""

    author: str
    at: datetime | None
    action: HistoryAction
    field: str | None = None
    old: str | None = None
    new: str | None = None


@dataclass(frozen=True, slots=True)
class TicketActivity:
    """The latest comments (oldest of them first) and recent changes (newest first)."""

    comments: tuple[CommentLine, ...] = ()
    comment_count: int = 0
    changes: tuple[ChangeLine, ...] = ()


@dataclass(frozen=True, slots=True)
class TicketOverview:
    ticket: Ticket
    viewer: Viewer
    actions: frozenset[TicketAction]
    requester: str
    assignee: str | None
    assignees: tuple[AssigneeChoice, ...] = ()
    company: CompanySettings = CompanySettings()
    activity: TicketActivity = TicketActivity()


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
async def ticket_overview(
    *, uow: UnitOfWork, actor: Viewer, ticket: TicketRef, company: CompanySettings | None = None
) -> TicketOverview:
    """Everything a ticket card needs, read in one transaction; `company`: the settings
    this turn already read (`company_for_turn`), so they are not read again."""
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        overview = await describe(uow, viewer, await load_ticket(uow, viewer, ticket))
        return await _completed(uow, overview, company=company)


@use_case
async def changed_ticket_overview(
    *, uow: UnitOfWork, actor: Viewer, ticket: Ticket
) -> TicketOverview:
    """The card after a change: `actor` and `ticket` as the change loaded, checked and
    stored them (`TicketChange`), so neither is read again; the access rule is applied to
    the ticket as it is now, without a query."""
    if not can_see(actor, ticket):
        raise TicketNotFound(ticket.ticket_number)
    async with uow:
        return await _completed(uow, await describe(uow, actor, ticket), company=None)


async def _completed(
    uow: UnitOfWork, overview: TicketOverview, *, company: CompanySettings | None
) -> TicketOverview:
    """The assign choices, the latest activity and the company settings added."""
    viewer = overview.viewer
    choices = await _static_choices(uow, viewer) if TicketAction.ASSIGN in overview.actions else []
    activity = await _activity(uow, viewer, overview.ticket)
    if company is None:
        company = await uow.company.get()
    return replace(overview, assignees=tuple(choices), company=company, activity=activity)


async def _activity(uow: UnitOfWork, viewer: Viewer, ticket: Ticket) -> TicketActivity:
    """Two bounded reads, whatever the ticket's age: the latest comments with their count,
    and the latest changes the viewer may read (internal fields left out in the query)."""
    people = _People(uow, viewer)
    latest, count = await uow.comments.latest(ticket.id, RECENT_COMMENTS)
    hiding = frozenset() if reads_internal_notes(viewer) else INTERNAL_FIELDS
    recent = history_seen_by(
        viewer, await uow.history.latest(ticket.id, RECENT_CHANGES, hiding=hiding)
    )
    return TicketActivity(
        comments=tuple([CommentLine(await _name(people, c.user_id), c.created_at, c.content)
                        for c in latest]),
        comment_count=count,
        changes=tuple([ChangeLine(await _name(people, h.user_id), h.created_at, h.action,
                                  h.field, await _value(people, h.field, h.old_value),
                                  await _value(people, h.field, h.new_value)) for h in recent]),
    )


async def _value(people: _People, field: str | None, value: str | None) -> str | None:
    """Assignees are stored as a user id or `team:<id>`: shown by name."""
    if field != "assignee" or not value:
        return value
    if value.startswith("team:") and value[5:].isdecimal():
        return await _assignee_name(people, Assignee.team(int(value[5:])))
    return await _assignee_name(people, Assignee.user(value))


async def _name(people: _People, user_id: str) -> str:
    user = await people.get(user_id)
    return user.display_name if user else "Someone"


@dataclass(frozen=True, slots=True)
class TicketListing:
    page: TicketPage
    assignees: tuple[str | None, ...]
    company: CompanySettings


@use_case
async def ticket_listing(
    *, uow: UnitOfWork, actor: Viewer, filter: TicketFilter, limit: int, offset: int,
    order: TicketOrder = TicketOrder.UPDATED,
) -> TicketListing:
    """A page of visible tickets in `order` with their assignees' names, in one transaction."""
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        page = await uow.tickets.search(
            scope=scope_for(viewer), filter=filter, limit=limit, offset=offset, order=order
        )
        people = _People(uow, viewer)
        names = tuple([await _assignee_name(people, t.assignee) for t in page.tickets])
        return TicketListing(page=page, assignees=names, company=await uow.company.get())


@use_case
async def assignee_choices(*, uow: UnitOfWork, actor: Viewer) -> list[AssigneeChoice]:
    """Who the viewer may assign tickets to, as a list to pick from in chat (bounded)."""
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        return await _matching(uow, viewer, text="", teams=MAX_TEAM_CHOICES,
                               people=MAX_USER_CHOICES)


@use_case
async def assignee_search(
    *, uow: UnitOfWork, actor: Viewer, text: str, limit: int = SEARCH_RESULTS, skip: int = 0
) -> list[AssigneeChoice]:
    """People and teams whose name (or email) contains `text`, that the viewer may assign to.

    Reads at most `skip + limit` teams and as many people: the cost of a search does not
    grow with the organisation.
    """
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        wanted = skip + limit
        found = await _matching(uow, viewer, text=text.strip(), teams=wanted, people=wanted)
        return found[skip:wanted]


async def _static_choices(uow: UnitOfWork, viewer: Viewer) -> list[AssigneeChoice]:
    """What a card carries before anyone types: the viewer and their own teams.

    Everyone else is found by the card's typeahead search (`assignee_search`), so drawing
    a card never reads the whole organisation.
    """
    if viewer.role is Role.CUSTOMER:
        return []
    choices = [_me(viewer)]
    if viewer.team_ids:
        teams = await uow.teams.named(text="", limit=MAX_TEAM_CHOICES, among=viewer.team_ids)
        choices.extend(_team_choice(team) for team in teams)
    return choices


async def _matching(
    uow: UnitOfWork, viewer: Viewer, *, text: str, teams: int, people: int
) -> list[AssigneeChoice]:
    """The viewer, then up to `teams` teams, then up to `people` colleagues."""
    if viewer.role is Role.CUSTOMER:
        return []
    wanted = text.casefold()
    choices = []
    me = _me(viewer)
    if wanted in me.title.casefold() or wanted in (viewer.user.email or "").casefold():
        choices.append(me)
    staff = viewer.role in (Role.ADMIN, Role.MANAGER)
    if staff or viewer.team_ids:  # an agent in no team may only take tickets themselves
        among = None if staff else viewer.team_ids
        found = await uow.teams.named(text=text, limit=teams, among=among)
        choices.extend(_team_choice(team) for team in found)
    if staff:
        colleagues = await uow.users.assignable(text=text, limit=people, excluding=viewer.id)
        choices.extend(AssigneeChoice(Assignee.user(u.id), u.display_name) for u in colleagues)
    return choices


def _me(viewer: Viewer) -> AssigneeChoice:
    return AssigneeChoice(Assignee.user(viewer.id), f"Me ({viewer.user.display_name})")


def _team_choice(team: Team) -> AssigneeChoice:
    return AssigneeChoice(Assignee.team(team.id), f"Team {team.name}")


async def current_user(*, uow: UnitOfWork, user_id: str) -> Viewer:
    """Who a request or turn acts for, with their teams; NotAllowed when unknown or deactivated.

    This establishes the actor (after the edge has authenticated the person), so it
    takes none itself.
    """
    async with uow:
        return await load_viewer(uow, user_id)


HOLDER_TICKETS = 200
"""The tickets whose holders a customer may name in a list (their latest)."""


@dataclass(frozen=True, slots=True)
class Holders:
    people: tuple[User, ...]
    teams: tuple[Team, ...]


@use_case
async def holders_in_view(*, uow: UnitOfWork, actor: Viewer) -> Holders:
    """Who holds the tickets the viewer may see (their latest `HOLDER_TICKETS`): the names a
    customer may use in a list, since those tickets show them already."""
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        page = await uow.tickets.search(
            scope=scope_for(viewer), filter=TicketFilter(), limit=HOLDER_TICKETS, offset=0
        )
        held = [t.assignee for t in page.tickets if t.assignee is not None]
        user_ids = dict.fromkeys(a.user_id for a in held if a.user_id is not None)
        team_ids = dict.fromkeys(a.team_id for a in held if a.team_id is not None)
        people = [user for user_id in user_ids if (user := await uow.users.get(user_id))]
        teams = [team for team_id in team_ids if (team := await uow.teams.get(team_id))]
        return Holders(tuple(u for u in people if u.is_active), tuple(teams))


@dataclass(frozen=True, slots=True)
class Load:
    holder: Assignee | None
    """None: nobody holds them."""
    name: str | None
    open: int


STILL_OPEN = (TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.ON_HOLD)


@dataclass(frozen=True, slots=True)
class Standing:
    """How things stand, of the tickets one person may see: filed and finished (resolved or
    closed) in a period, and of those open now, how many are urgent, overdue or with nobody."""

    filed: int
    finished: int
    still_open: int
    urgent: int
    overdue: int
    unassigned: int


@use_case
async def standing(
    *, uow: UnitOfWork, actor: Viewer, start: datetime, end: datetime | None, now: datetime
) -> Standing:
    """`Standing` for filings and finishings from `start` until `end` (None: `now`), counted
    under the access rule like every list; overdue at `now` as the overdue list, a card and a
    reminder say it (`TicketFilter.overdue_at`)."""
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        filed, finished, still_open, urgent, overdue, unassigned = await uow.tickets.counts(
            scope=scope_for(viewer),
            filters=(
                TicketFilter(created_from=start, created_before=end),
                TicketFilter(finished_from=start, finished_before=end),
                TicketFilter(statuses=STILL_OPEN),
                TicketFilter(statuses=STILL_OPEN, priorities=(Priority.URGENT,)),
                TicketFilter(statuses=STILL_OPEN, overdue_at=now),
                TicketFilter(statuses=STILL_OPEN, unassigned=True),
            ),
        )
        return Standing(filed=filed, finished=finished, still_open=still_open, urgent=urgent,
                        overdue=overdue, unassigned=unassigned)


@use_case
async def workload(*, uow: UnitOfWork, actor: Viewer, idle_too: bool = False) -> list[Load]:
    """Open tickets (not resolved or closed) the actor may see, counted by who holds them,
    most first: a manager sees their teams' people and queues, an agent their queues'. With
    `idle_too` ("who's free?"), the staff who hold none of them are counted too, at 0: for an
    admin every active member of staff, for anyone else their teams' active members."""
    async with uow:
        viewer = await load_viewer(uow, actor.id)
        counts = await uow.tickets.held_counts(
            scope=scope_for(viewer), filter=TicketFilter(statuses=STILL_OPEN))
        people = _People(uow, viewer)
        loads = [Load(held.holder, await _assignee_name(people, held.holder), held.count)
                 for held in counts]
        if idle_too:
            busy = {held.holder.user_id for held in counts if held.holder is not None}
            loads += [Load(Assignee.user(user.id), user.display_name, 0)
                      for user in await _staff_in_view(uow, viewer, people)
                      if user.id not in busy]
    return sorted(loads, key=lambda load: (-load.open, load.holder is None, load.name or ""))


async def _staff_in_view(uow: UnitOfWork, viewer: Viewer, people: _People) -> list[User]:
    """The active staff whose load the viewer may be told: everyone for an admin, the members
    of their teams for a manager or an agent, nobody for a customer."""
    if viewer.role is Role.CUSTOMER:
        return []
    if viewer.role is Role.ADMIN:
        users = await uow.users.all()
    else:
        members = [membership.user_id for team_id in sorted(viewer.team_ids)
                   for membership in await uow.teams.members(team_id)]
        users = [user for user_id in dict.fromkeys(members) if (user := await people.get(user_id))]
    return [user for user in users if user.is_active and user.role is not Role.CUSTOMER]
