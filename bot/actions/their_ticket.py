"""A change said of "it" or "my ticket" when no ticket was shown: which ticket it is about.

The person's only open ticket is the one (the caller proposes the change on a confirmation
card: the bot never guesses a change, so it asks before making it); several are listed as
buttons, one a ticket; none: the caller asks for the number as before.
"""

from __future__ import annotations

from dataclasses import replace

from bot.actions import notices
from bot.actions.confirmation import TicketChange
from bot.actions.phrasing import phrase
from bot.actions.reply import Option, Reply
from bot.context import BotDependencies
from bot.listing import FINISHED
from bot.understanding.context import Conversation
from bot.understanding.requests import (
    AssignTicket, ChangeStatus, CommentOnTicket, EditTicket, TicketRequest,
)
from domain.access import Viewer
from domain.numbering import parse_ticket_number
from domain.people import Role
from domain.services.overview import ticket_listing
from domain.tickets import Ticket, TicketFilter

MOST_OFFERED = 5
"""Open tickets offered as buttons; more, and the person is asked for the number."""


def ticketless_change(request: TicketRequest) -> TicketChange | None:
    """A change with every piece said but the ticket ("close my ticket" with none shown)."""
    match request:
        case ChangeStatus(ticket=None, status=status) if status is not None:
            return request
        case EditTicket(ticket=None) if request.has_changes:
            return request
        case AssignTicket(ticket=None, to=to) if to is not None:
            return request
        case CommentOnTicket(ticket=None, text=text) if text:
            return request
    return None


async def their_ticket(
    deps: BotDependencies, viewer: Viewer, request: TicketChange, conversation: Conversation,
) -> TicketChange | Reply | None:
    """The change made of the viewer's only open ticket (for the caller to propose), or the
    question which of theirs; None when they have none open, or more than are offered."""
    open_tickets = await _open_tickets(deps, viewer)
    if len(open_tickets) == 1:
        return replace(request, ticket=parse_ticket_number(open_tickets[0].ticket_number))
    if not open_tickets or len(open_tickets) > MOST_OFFERED:
        return None
    options = tuple(
        Option(f"{ticket.ticket_number} · {ticket.title}",
               phrase(replace(request, ticket=parse_ticket_number(ticket.ticket_number)),
                      conversation))
        for ticket in open_tickets)
    return Reply(text=notices.which_of_yours(len(open_tickets)), options=options,
                 listed=tuple((t.ticket_number, t.title) for t in open_tickets))


async def _open_tickets(deps: BotDependencies, viewer: Viewer) -> list[Ticket]:
    """Not resolved or closed, filed by the viewer, or (staff) assigned to them; by number."""
    wanted = [TicketFilter(created_by=viewer.id, exclude_statuses=FINISHED)]
    if viewer.role is not Role.CUSTOMER:
        wanted.append(TicketFilter(assignee_id=viewer.id, exclude_statuses=FINISHED))
    found: dict[str, Ticket] = {}
    for filter in wanted:
        listing = await ticket_listing(uow=deps.uow().reading(), actor=viewer, filter=filter,
                                       limit=MOST_OFFERED + 1, offset=0)
        found.update((ticket.ticket_number, ticket) for ticket in listing.page.tickets)
    return [found[number] for number in sorted(found)]
