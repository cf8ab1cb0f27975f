"""What understanding may know about this chat, read from TicketFlow only when a message needs it."""

from __future__ import annotations

from bot.context import BotDependencies
from bot.sender_day import sender_today
from bot.understanding.context import Conversation, Person, TeamEntry
from domain.access import Viewer
from domain.clock import utcnow
from domain.company import CompanySettings
from domain.numbering import DEFAULT_PREFIX, parse_ticket_number
from domain.people import Role
from domain.services.company import company_for_turn
from domain.services.overview import holders_in_view
from domain.services.people import list_teams, list_users


async def conversation_for(
    deps: BotDependencies,
    viewer: Viewer,
    *,
    last_ticket: str | None,
    mentions: tuple[Person, ...] = (),
    numbers: bool = True,
    directory: bool = False,
    company: CompanySettings | None = None,
) -> Conversation:
    """`numbers`: read the company's ticket prefix (a bare `4` needs it); `directory`: the
    people and teams a name may mean (a customer never learns who exists).
    `company`: the settings this turn already read, so they are not read twice. A customer
    may name only who holds the tickets they see (shown on those tickets already)."""
    if company is None and numbers:
        company = await company_for_turn(uow=deps.uow().reading(), actor=viewer)
    people: tuple[Person, ...] = ()
    requesters: tuple[Person, ...] = ()
    teams: tuple[TeamEntry, ...] = ()
    if directory and viewer.role is Role.CUSTOMER:
        holders = await holders_in_view(uow=deps.uow().reading(), actor=viewer)
        people = tuple(Person(u.id, u.display_name, u.email) for u in holders.people)
        teams = tuple(TeamEntry(t.id, t.name) for t in holders.teams)
    elif directory:
        users = await list_users(uow=deps.uow().reading(), actor=viewer, include_inactive=False)
        people = tuple(Person(u.id, u.display_name, u.email) for u in users
                       if u.role is not Role.CUSTOMER)
        requesters = tuple(Person(u.id, u.display_name, u.email) for u in users
                           if u.role is Role.CUSTOMER)
        teams = tuple(TeamEntry(t.id, t.name) for t in await list_teams(uow=deps.uow().reading(), actor=viewer))
    return Conversation(
        viewer_id=viewer.id,
        today=sender_today(),
        numbering_year=utcnow().year,
        last_ticket=parse_ticket_number(last_ticket) if last_ticket else None,
        ticket_prefix=company.ticket_prefix if company else DEFAULT_PREFIX,
        people=people,
        requesters=requesters,
        teams=teams,
        own_teams=viewer.team_ids,
        mentions=mentions,
        company=company,
        directory=directory,
    )
