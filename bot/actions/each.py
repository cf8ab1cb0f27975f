"""One change said of several tickets ("close 4 and 5"): made to each ticket in turn;
several tickets asked for ("show 4 and 5"): each shown.

Each ticket goes through the same use case as when it is asked alone, with the viewer's
access checked for that ticket: one that is not there, not theirs to change, or already
as asked is named with the reason, and the others still change. Teams' resends of the
message are dropped by the transport's receipts, and each change carries the delivery, so
a turn run again after its process died mid-way makes only the changes not yet made.
"""

from __future__ import annotations

from dataclasses import replace
from typing import assert_never

from bot import presenter
from bot.actions import notices
from bot.actions.option import Option
from bot.actions.phrasing import phrase
from bot.actions.reply import Reply
from bot.actions.tickets import (
    answer_to, assignee, ensure_for_the_requester, field_changes, list_query, requeue,
)
from bot.context import BotDependencies
from bot.delivery import current_delivery
from bot.replies import explain_briefly
from bot.understanding.context import Conversation
from bot.understanding.requests import (
    AssignTicket, ChangeStatus, CommentOnTicket, EachListed, EachTicket, EditTicket, ShowTicket,
)
from domain.company import CompanySettings
from domain.access import Viewer, sets_any_status
from domain.errors import DomainError, InvalidTransition, NotAllowed
from domain.numbering import TicketNumber, parse_ticket_number
from domain.people import Role
from domain.services import tickets as ticket_services
from domain.services.tickets import UNCHANGED
from domain.services.queries import get_ticket
from domain.tickets import TicketStatus

MOST_AT_ONCE = 20
"""Tickets one message may change: more is more likely a paste than a request, and each
change is a transaction and a notification."""
MOST_SHOWN = 5
"""Ticket cards one message shows: Teams lets a bot send a conversation 7 messages a second."""


async def show_each(
    deps: BotDependencies, viewer: Viewer, request: EachTicket,
    *, company: CompanySettings | None = None,
) -> tuple[Reply, ...]:
    """Each ticket's card, as if it had been asked for alone (access checked for each); one
    that is not there or not theirs to see is named with the reason, the others are shown.
    The last card shown is what "it" means next."""
    shown: list[Reply] = []
    missing: list[str] = []
    history = isinstance(request.change, ShowTicket) and request.change.history
    answer = answer_to(request.change.asked) if isinstance(request.change, ShowTicket) else None
    for ticket in request.tickets[:MOST_SHOWN]:
        try:
            card = await presenter.ticket_card(deps, viewer, str(ticket), company=company,
                                               history_open=history, notice=answer)
        except DomainError as error:
            missing.append(f"{ticket}: {explain_briefly(error)}")
        else:
            shown.append(Reply(card=card, ticket=str(ticket)))
    lines = [notices.not_shown_each(missing)] if missing else []
    if len(request.tickets) > MOST_SHOWN:
        lines.append(notices.shown_the_first(len(request.tickets), MOST_SHOWN))
    return (*shown, Reply(text="\n\n".join(lines))) if lines else tuple(shown)


async def offer_each_listed(
    deps: BotDependencies, viewer: Viewer, request: EachListed, conversation: Conversation,
) -> tuple[Reply, Reply | None]:
    """"reassign all of Sam's tickets to Lee": the list, then the change offered for the
    tickets on it. The button says their numbers, so pressing it changes those tickets, as
    "assign 4, 5 and 6 to Lee" would (access checked for each), and never one filed since."""
    if isinstance(request.change, AssignTicket) and viewer.role is Role.CUSTOMER:
        raise NotAllowed("customers cannot assign tickets")  # before any lookup, as alone
    if isinstance(request.change, AssignTicket) and request.change.to is not None and (
            holder := assignee(request.change.to)) is not None and (
            refusal := ticket_services.assignment_refusal_when_filing(viewer, holder)):
        raise NotAllowed(refusal)  # "give my tickets to Lee" from an agent: none would change
    if isinstance(request.change, ChangeStatus) and not sets_any_status(viewer) and (
            request.change.status is not TicketStatus.OPEN):  # no offer every ticket refuses
        raise NotAllowed("customers can only reopen their own resolved or closed tickets")
    card, rows, page = await presenter.listed_card(
        deps, viewer, list_query(viewer, request.listed), 0)
    shown = Reply(card=card, listed=tuple((row.number, row.title) for row in rows), page=page)
    numbers = [number for row in rows[:MOST_AT_ONCE]
               if (number := parse_ticket_number(row.number)) is not None
               and number not in request.leaving]  # "…, except 12": shown, not changed
    if not numbers:
        return shown, None
    first = replace(request.change, ticket=numbers[0])
    named = ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}" if len(numbers) > 1 \
        else str(numbers[0])
    says = phrase(first, conversation).replace(str(numbers[0]), named, 1)
    if request.then is not None:  # "…, then close them": read again as both, in turn
        says += f", then {phrase(replace(request.then, ticket=numbers[0]), conversation)}".replace(
            str(numbers[0]), "them" if len(numbers) > 1 else "it")
    left_out = sum(parse_ticket_number(row.number) in request.leaving for row in rows)
    question, yes = notices.offer_each(request.change, len(numbers), page.total - left_out,
                                       viewer_id=viewer.id, then=request.then)
    return shown, Reply(text=question, options=(Option(yes, says), Option("No", "no")))


async def perform_each(deps: BotDependencies, viewer: Viewer, request: EachTicket) -> Reply:
    if isinstance(request.change, ShowTicket):
        raise ValueError("tickets to show are shown by show_each, one card each")
    if len(request.tickets) > MOST_AT_ONCE:
        return Reply(text=notices.too_many_at_once(len(request.tickets), MOST_AT_ONCE))
    if isinstance(request.change, AssignTicket) and viewer.role is Role.CUSTOMER:
        raise NotAllowed("customers cannot assign tickets")  # before any lookup, as alone
    changed: list[TicketNumber] = []
    refused: list[str] = []
    for ticket in request.tickets:
        try:
            await _change(deps, viewer, request, str(ticket))
        except DomainError as error:
            refused.append(f"{ticket}: {explain_briefly(error)}")
        else:
            changed.append(ticket)
    lines = [notices.changed_each(request.change, changed)] if changed else []
    if refused:
        lines.append(notices.not_changed_each(refused))
    return Reply(text="\n\n".join(lines), ticket=str(changed[0]) if len(changed) == 1 else None)


async def _change(deps: BotDependencies, viewer: Viewer, request: EachTicket, ticket: str) -> None:
    delivery = current_delivery()  # a turn run again changes what its first run did not
    match request.change:
        case ChangeStatus(queue=True, reason=reason):  # "put 4 and 5 back in the queue"
            ensure_for_the_requester(viewer, reason)
            current = await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=ticket)
            if await requeue(deps, viewer, current, reason=reason) is None:
                raise InvalidTransition(f"{current.ticket_number} is already in the queue")
        case ChangeStatus(status=status, reason=reason):
            ensure_for_the_requester(viewer, reason)
            await ticket_services.update_ticket(uow=deps.uow(), actor=viewer, ticket=ticket,
                                                status=status, comment=reason,
                                                delivery=delivery)
        case AssignTicket(to=to, taken_off=off) if to is not None:
            change = await ticket_services.change_ticket(
                uow=deps.uow(), actor=viewer, ticket=ticket, assignee=assignee(to),
                delivery=delivery, held_by=UNCHANGED if off is None else assignee(off))
            if change.held_elsewhere and off is not None:  # "take 4 and 5 off alex"
                raise InvalidTransition(f"not with {off.name}")
        case EditTicket() as edit:
            await ticket_services.update_ticket(uow=deps.uow(), actor=viewer, ticket=ticket,
                                                fields=field_changes(edit), delivery=delivery)
        case CommentOnTicket(text=text, staff_only=staff_only):
            if staff_only:
                raise NotAllowed(notices.NO_INTERNAL_NOTES)
            ensure_for_the_requester(viewer, text)
            await ticket_services.comment_on_ticket(uow=deps.uow(), actor=viewer, ticket=ticket,
                                                    content=text, delivery=delivery)
        case AssignTicket():
            raise ValueError("an assignment of several tickets names who takes them")
        case ShowTicket():
            raise ValueError("showing changes nothing")
        case _:
            assert_never(request.change)
