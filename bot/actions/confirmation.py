"""Changes the model proposed: asked as a card first, applied once when the person confirms.

The card carries the typed request (ids, not names, so nothing is looked up again),
who asked, and the version of the ticket it was drawn from: a confirmation that
arrives after the ticket changed applies nothing and says so. Its `nonce` makes a
double tap one delivery at the transport; a resent invoke gets the first answer.
A change the viewer may not make is refused with the access rule's reason before
any card is drawn; a new ticket is proposed with its title, category and priority.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import fields, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, TypeGuard, TypeVar, assert_never

from bot import presenter
from bot.actions import notices
from bot.actions.reply import Reply
from bot.actions.tickets import (
    add_comment, assign_to, assignee, back_to_queue, dialog_answers, field_changes, file_ticket,
    save_fields, set_status, start_taking,
)
from bot.actions.tools import tool_name
from bot.cards.confirmation import confirmation_card
from bot.cards.labels import trimmed
from bot.cards.verbs import TICKET_ID, ticket_data
from bot.context import BotDependencies
from bot.listing import FINISHED
from bot.actions.option import Option
from bot.understanding.requests import (
    AssignTicket, ChangeStatus, CommentOnTicket, CreateTicket, EditTicket, HowMuchLater, Nobody,
    TeamTarget, Target, UserTarget,
)
from domain import lifecycle
from domain.access import (
    Viewer, assign_refusal, comment_refusal, edit_refusal, editable_fields, ensure,
    sets_any_status, status_refusal,
)
from domain.clock import utcnow
from domain.errors import DomainError, InvalidTransition, InvalidValue, NotAllowed
from domain.numbering import TicketNumber, parse_ticket_number
from domain.people import Role
from domain.services.queries import get_ticket
from domain.services.tickets import assignment_refusal_when_filing
from domain.tickets import Category, Priority, Ticket, TicketStatus
from knowledge.conversation import about_something_else, tells_of

DEFAULT_CATEGORY = Category.SUPPORT
"""A proposed ticket's category when the message named none (shown on the card)."""

TicketChange = AssignTicket | ChangeStatus | CommentOnTicket | EditTicket
Change = TicketChange | CreateTicket
REQUEST = "request"
FOR = "for"
_CHANGES: dict[str, type[Change]] = {
    tool_name(kind): kind
    for kind in (AssignTicket, ChangeStatus, CommentOnTicket, EditTicket, CreateTicket)
}
_ENUMS: dict[str, type[StrEnum]] = {
    "status": TicketStatus, "priority": Priority, "category": Category,
}
_TEXT_FIELDS = frozenset({"text", "title", "description", "reason"})
_FLAGS = frozenset({"take", "queue", "no_due"})


def is_complete_change(request: object) -> TypeGuard[Change]:
    """A change with every piece said: the one kind of request that needs confirming."""
    match request:
        case AssignTicket(ticket=ticket, to=to):
            return ticket is not None and to is not None
        case ChangeStatus(ticket=ticket, status=status):
            return ticket is not None and status is not None
        case CommentOnTicket(ticket=ticket, text=text):
            return ticket is not None and bool(text)
        case EditTicket(ticket=ticket) as edit:
            return ticket is not None and edit.has_changes
        case CreateTicket(title=title, form=False):
            return bool(title)
        case _:
            return False


async def propose(deps: BotDependencies, viewer: Viewer, request: Change) -> Reply:
    """The confirmation card; NotAllowed / InvalidTransition (nothing drawn) when the viewer
    may not make the change, or the ticket cannot make it."""
    if isinstance(request, CreateTicket):
        return _propose_ticket(viewer, request)
    ticket = await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=str(request.ticket))
    _check(viewer, ticket, request)
    question, detail = _question(request, ticket.ticket_number, viewer)
    return _proposed(viewer, ticket, request, question, detail)


async def propose_instead(
    deps: BotDependencies, viewer: Viewer, request: TicketChange, question: str,
    *, confirm_label: str,
) -> Reply:
    """What can be done in place of what was asked (TicketFlow has no links: a comment naming
    the other ticket), proposed on a card in the words given; refused as `propose` is."""
    ticket = await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=str(request.ticket))
    _check(viewer, ticket, request)
    return _proposed(viewer, ticket, request, question, _question(request, ticket.ticket_number,
                                                                  viewer)[1],
                     confirm_label=confirm_label)


async def propose_due_moved(deps: BotDependencies, viewer: Viewer, request: EditTicket) -> Reply:
    """"push 12 out a week": the day it comes to, from the ticket's due date as it is now,
    proposed for one press (the card's version keeps a date changed since from being moved
    twice); a ticket with no due date is asked for the day instead."""
    if request.ticket is None:
        return Reply(text=notices.which_ticket("push 4 out a week"))
    ticket = await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=str(request.ticket))
    if "due_date" not in editable_fields(viewer):
        raise NotAllowed("you can't change the due date of a ticket")
    if ticket.due_date is None or request.later_by is None:
        return Reply(text=notices.no_due_to_move(ticket.ticket_number))
    was = ticket.due_date.date()
    if (date.max - was).days < request.later_by:  # the web app's "no deadline", 31 Dec 9999
        return Reply(text=notices.due_at_calendar_end(ticket.ticket_number, was))
    moved = EditTicket(request.ticket, due=was + timedelta(days=request.later_by))
    return await propose_instead(deps, viewer, moved, notices.due_moved(
        ticket.ticket_number, was, moved.due or was), confirm_label=notices.MOVE_IT)


_LATER_OFFERED = ("2 days", "3 days", "a week", "2 weeks")


def how_much_later(viewer: Viewer, request: HowMuchLater) -> Reply:
    """"delay 12 a few days": how much later, asked with amounts to press; each press is
    read as "push 12 out 3 days" and proposed, so nothing moves on a guess."""
    if request.ticket is None:
        return Reply(text=notices.which_ticket("push 4 out 3 days"))
    if "due_date" not in editable_fields(viewer):
        raise NotAllowed("you can't change the due date of a ticket")
    tickets = " and ".join(map(str, (request.ticket, *request.also)))
    return Reply(text=notices.how_much_later(tickets), options=tuple(
        Option(f"{later[0].upper()}{later[1:]} later", f"push {tickets} out {later}")
        for later in _LATER_OFFERED))


def may_edit_part(viewer: Viewer, request: EditTicket) -> tuple[EditTicket, EditTicket] | None:
    """Some of the fields the viewer may set and some not ("rename 4 … and make it urgent"
    from a customer): the edit they may make, and the rest, which is never dropped
    silently (the caller offers it as a comment, or its refusal says why). None: all or
    none of it."""
    changes = frozenset(field_changes(request))
    kept = changes - editable_fields(viewer)
    if not kept or kept == changes:
        return None
    return _without(request, kept), _without(request, changes - kept)


T = TypeVar("T")


def _without(request: EditTicket, fields: frozenset[str]) -> EditTicket:
    """The edit with none of `fields` (under the use case's names) changed."""
    def kept(name: str, value: T) -> T | None:
        return None if name in fields else value
    return replace(
        request, title=kept("title", request.title),
        description=kept("description", request.description),
        priority=kept("priority", request.priority), category=kept("category", request.category),
        severity=kept("severity", request.severity), due=kept("due_date", request.due),
        no_due=request.no_due and "due_date" not in fields)


async def comment_instead(
    deps: BotDependencies, viewer: Viewer, request: EditTicket | ChangeStatus | AssignTicket,
    said: str, *, partly: bool = False,
) -> Reply | None:
    """"actually it's urgent" or "it's working now, you can close it" from someone who may
    not set the priority or the status (a customer): who does, and one press to add what
    they said as a comment, so the desk sees it. None when they may make the change, or may
    not comment either (the change's refusal says why)."""
    if request.ticket is None or not said.strip():
        return None
    if isinstance(request, EditTicket):
        kept = sorted(frozenset(field_changes(request)) - editable_fields(viewer))
        if not kept:
            return None
    elif isinstance(request, AssignTicket):
        if viewer.role is not Role.CUSTOMER:
            return None  # an agent may assign some: the refusal says to whom
        kept = ["assignee"]  # "give it to Sam" from a customer: the desk assigns
    elif sets_any_status(viewer):
        return None  # no ticket read for a change the role may always make
    ticket = await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=str(request.ticket))
    if comment_refusal(viewer, ticket) is not None:
        return None
    if isinstance(request, ChangeStatus):
        if request.status is None and not ticket.is_open_for_edits:
            return None  # "cancel my ticket" once it is closed: asking may reopen it
        if request.status is not None and status_refusal(viewer, ticket, request.status) is None:
            return None
        kept = ["status"]  # "cancel my ticket, I found a spare": no status they may set
    comment = CommentOnTicket(parse_ticket_number(ticket.ticket_number), said.strip())
    question = notices.comment_instead(kept, customer=viewer.role is Role.CUSTOMER, partly=partly)
    return _proposed(viewer, ticket, comment, question, comment.text,
                     confirm_label=notices.ADD_AS_COMMENT)


async def comment_proposed(
    deps: BotDependencies, viewer: Viewer, ticket: str, said: str, *,
    awaited_only: bool = False, of_its_subject: bool = False, or_telling_of_it: bool = False,
) -> Reply | None:
    """A message about the ticket in view that asks for nothing the bot does ("can someone
    call me about it"): one press adds it as a comment. None when the viewer may not see the
    ticket or comment on it (it goes where it would have gone); `awaited_only`: also None
    unless the ticket waits on the viewer (`waits_on`); `of_its_subject`: also None for a
    problem of another thing told "again" ("my wifi is slow again" with the monitor ticket
    in view), unless the ticket waits on the viewer; `or_telling_of_it`: not None for
    `awaited_only` when the message tells of what the ticket's title names (`tells_of`)."""
    try:
        found = await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=ticket)
    except DomainError:
        return None
    elsewhere = of_its_subject and about_something_else(said, found.title)
    awaited_only = awaited_only and not (or_telling_of_it and (
        tells_of(said, found.title) or found.status in FINISHED and not_fixed_told(said)))
    if comment_refusal(viewer, found) is not None or not said.strip() or (
            (awaited_only or elsewhere) and not waits_on(found, viewer)):
        return None
    number = parse_ticket_number(found.ticket_number)
    if found.status in FINISHED and not_fixed_told(said) and (
            status_refusal(viewer, found, TicketStatus.OPEN) is None):
        reopened = ChangeStatus(number, TicketStatus.OPEN, reason=said.strip())
        return _proposed(viewer, found, reopened, notices.reopen_with_it(found.ticket_number,
                                                                           found.status),
                         said.strip(), confirm_label=notices.REOPEN_WITH_COMMENT)
    comment = CommentOnTicket(number, said.strip())
    return _proposed(viewer, found, comment, notices.comment_on_the_ticket(), comment.text,
                     confirm_label=notices.ADD_AS_COMMENT)


_NOT_FIXED = re.compile(
    r"\bstill\s+(?!(?:works?|working|fine|good|ok|okay|sorted|fixed|resolved|great|happy|thanks"
    r"|thank|grateful|here|there|waiting|need)\b)[a-z]"
    r"|\b(?:happen(?:s|ed|ing)?|crash(?:es|ed|ing)?|drop(?:s|ped|ping)?|fail(?:s|ed|ing)?|broke"
    r"|broken|jam(?:s|med|ming)?|froze|freez(?:es|ing)|stopped|down|flicker(?:s|ed|ing)?"
    r"|dis(?:connect|connects|connected|connecting)|disconnect(?:s|ed|ing)?)\s+(?:\w+\s+)?again\b"
    r"|\b(?:not|isn'?t|wasn'?t|never|aint)\s+(?:been\s+)?(?:fixed|resolved|sorted|working)\b"
    r"|\b(?:doesn'?t|didn'?t|won'?t|does\s+not|did\s+not|do\s+not|dont)\s+work\b"
    r"|\bcame\s+back\b|\bis\s+back\b|\bback\s+again\b", re.IGNORECASE)
"""A ticket told not fixed: "it still drops", "dropped again this morning", "not fixed",
"it doesn't work", "the problem is back"; not "it still works fine"."""


def not_fixed_told(said: str) -> bool:
    """Whether a message tells that what a ticket was about is not fixed after all."""
    return _NOT_FIXED.search(said.replace("’", "'")) is not None


def waits_on(ticket: Ticket, viewer: Viewer) -> bool:
    """Whether the ticket waits on the viewer: on hold (as a service desk puts a ticket that
    waits on its requester's answer) and filed by them, so what they say of it is that answer
    ("its a Dell Latitude 5420, serial ABC123X"), even when it names things of its own."""
    return ticket.status is TicketStatus.ON_HOLD and ticket.created_by == viewer.id


def _proposed(
    viewer: Viewer, ticket: Ticket, request: TicketChange, question: str, detail: str | None,
    *, confirm_label: str = "Confirm",
) -> Reply:
    number = ticket.ticket_number
    mine = {FOR: viewer.id}
    confirm = ticket_data(ticket.id, ticket.version, **mine, request=encode(request),
                          nonce=secrets.token_urlsafe(12))
    card = confirmation_card(
        question=question,
        about=f"{number} · {trimmed(ticket.title, 120)}",
        detail=detail,
        confirm=confirm,
        cancel=ticket_data(ticket.id, ticket.version, **mine),
        confirm_label=confirm_label,
    )
    return Reply(card=card, ticket=number, confirm=confirm)


def _check(viewer: Viewer, ticket: Ticket, request: TicketChange) -> None:
    """The access rule and the lifecycle, asked before the card: the same answer applying
    would give now."""
    match request:
        case AssignTicket(to=to):
            assert to is not None
            ensure(assign_refusal(viewer, ticket, assignee(to)))
        case ChangeStatus(queue=True):  # open, and held by no one person: either may stand
            held = ticket.held_by_a_person
            if held:
                ensure(assign_refusal(viewer, ticket, None))
            if ticket.status is not TicketStatus.OPEN:
                ensure(status_refusal(viewer, ticket, TicketStatus.OPEN))
                lifecycle.move(ticket, TicketStatus.OPEN, now=utcnow())
            elif not held:
                raise InvalidTransition(f"{ticket.ticket_number} is already in the queue")
        case ChangeStatus(status=status, take=take):
            assert status is not None
            ensure(status_refusal(viewer, ticket, status))
            if not (take and ticket.status is status):  # "on it" on one in progress: taken only
                lifecycle.move(ticket, status, now=utcnow())  # InvalidTransition when it cannot
        case CommentOnTicket():
            ensure(comment_refusal(viewer, ticket))
        case EditTicket() as edit:
            ensure(edit_refusal(viewer, ticket, frozenset(field_changes(edit))))
        case _:
            assert_never(request)


def _propose_ticket(viewer: Viewer, request: CreateTicket) -> Reply:
    """A new ticket: the title as said, the category and priority it would get."""
    to = assignee(request.to) if request.to is not None else None
    refusal = to and assignment_refusal_when_filing(viewer, to)
    filled = replace(request, category=request.category or DEFAULT_CATEGORY,
                     priority=request.priority or Priority.MEDIUM,
                     to=None if refusal else request.to)
    assert filled.category is not None and filled.priority is not None
    mine = {FOR: viewer.id}
    unassigned = notices.filed_without(_target_label(request.to, viewer) or "", refusal) \
        if refusal else None
    confirm = {**mine, REQUEST: encode(filled), "nonce": secrets.token_urlsafe(12)}
    card = confirmation_card(
        question=notices.proposed_ticket(),
        about=notices.new_ticket_facts(filled.category, filled.priority,
                                       to=_target_label(filled.to, viewer), due=filled.due),
        detail=f"{filled.title}\n\n{unassigned}" if unassigned else filled.title,
        confirm=confirm,
        cancel=mine,
    )
    return Reply(card=card, confirm=confirm)


def _question(request: TicketChange, number: str, viewer: Viewer) -> tuple[str, str | None]:
    match request:
        case AssignTicket(to=to):
            return notices.proposed_assignment(number, _target_label(to, viewer)), None
        case ChangeStatus(status=status, take=True):
            return notices.proposed_start_taking(number), None
        case ChangeStatus(queue=True):
            return notices.proposed_back_to_queue(number), None
        case ChangeStatus(status=status):
            assert status is not None
            return notices.proposed_status(number, status), None
        case CommentOnTicket(text=text):
            return notices.proposed_comment(number), text
        case EditTicket() as edit:
            changes = [(name.replace("_", " "), str(value))
                       for name, value in field_changes(edit).items()]
            return notices.proposed_edit(number, changes), None
        case _:
            assert_never(request)


def _target_label(to: Target | None, viewer: Viewer) -> str | None:
    match to:
        case UserTarget(user_id=user_id, name=name):
            return "you" if user_id == viewer.id else name
        case TeamTarget(name=name):
            return f"team {name}"
        case Nobody() | None:
            return None
        case _:
            assert_never(to)


async def confirm(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Reply:
    """Applies the change once, as the viewer, if the ticket is as it was when proposed."""
    if _files_a_ticket(data):
        request = decode(data.get(REQUEST))
        if data.get(FOR) != viewer.id:
            return Reply(card=presenter.notice_card(notices.not_your_confirmation()))
        assert isinstance(request, CreateTicket)
        return await file_ticket(deps, viewer, dialog_answers(request))
    ticket_id = _ticket_id(data)
    if data.get(FOR) != viewer.id:
        card = await presenter.ticket_card(deps, viewer, ticket_id,
                                           error=notices.not_your_confirmation())
        return Reply(card=card)
    request = decode(data.get(REQUEST))
    if isinstance(request, CreateTicket):
        raise InvalidValue(REQUEST, "a new ticket is not a change to this ticket")
    current = await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=ticket_id)
    if parse_ticket_number(current.ticket_number) != request.ticket:
        raise InvalidValue(REQUEST, "the change is about another ticket than the card")
    version = data.get("version")
    if not isinstance(version, str) or version != current.version:
        card = await presenter.ticket_card(
            deps, viewer, current.id, notice=notices.changed_since_proposed(current.ticket_number))
        return Reply(card=card, ticket=current.ticket_number)
    return await _apply(deps, viewer, request, current.id, version)


async def _apply(
    deps: BotDependencies, viewer: Viewer, request: TicketChange, ticket: int, version: str
) -> Reply:
    match request:
        case AssignTicket(to=to):
            assert to is not None
            return await assign_to(deps, viewer, ticket, assignee(to), expected_version=version)
        case ChangeStatus(take=True):  # "on it": started, and taken when no one has it
            return await start_taking(deps, viewer, ticket, expected_version=version)
        case ChangeStatus(queue=True, reason=reason):  # open, and held by no one person
            return await back_to_queue(deps, viewer, ticket, expected_version=version,
                                       reason=reason if isinstance(reason, str) else None)
        case ChangeStatus(status=status, reason=reason):  # the reason said with it, a comment
            return await set_status(deps, viewer, ticket, status, expected_version=version,
                                    reason=reason if isinstance(reason, str) else None)
        case CommentOnTicket(text=text):
            return await add_comment(deps, viewer, ticket, text)
        case EditTicket() as edit:
            return await save_fields(deps, viewer, ticket, field_changes(edit),
                                     expected_version=version, named=True)
        case _:
            assert_never(request)


def _files_a_ticket(data: Mapping[str, Any]) -> bool:
    request = data.get(REQUEST)
    return isinstance(request, Mapping) and request.get("action") == tool_name(CreateTicket)


async def cancel(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Reply:
    if TICKET_ID not in data:  # a new ticket's card: there is no ticket to show
        nothing = notices.nothing_applied()
        return Reply(card=presenter.notice_card(nothing.text, tone=nothing.tone))
    card = await presenter.ticket_card(deps, viewer, _ticket_id(data),
                                       notice=notices.nothing_applied())
    return Reply(card=card)


def _ticket_id(data: Mapping[str, Any]) -> int:
    """The ticket a change's card is about (every proposal but a new ticket's names one)."""
    raw = data.get(TICKET_ID)
    if isinstance(raw, str) and raw.isascii() and raw.isdecimal() and len(raw) <= 10:
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 < raw < 2**31:
        raise InvalidValue(TICKET_ID, "the card did not say which ticket it is about")
    return raw


def encode(request: Change) -> dict[str, Any]:
    """The request as card data: JSON-safe, people and teams by id."""
    encoded: dict[str, Any] = {"action": tool_name(type(request))}
    for field in fields(request):
        value = getattr(request, field.name)
        if value is None or value is False or value == ():  # a new ticket's `form`, `then`:
            continue  # never on a card
        match value:
            case TicketNumber() | StrEnum():
                encoded[field.name] = str(value)
            case date():
                encoded[field.name] = value.isoformat()
            case UserTarget(user_id=user_id, name=name):
                encoded[field.name] = {"user_id": user_id, "name": name}
            case TeamTarget(team_id=team_id, name=name):
                encoded[field.name] = {"team_id": team_id, "name": name}
            case Nobody():
                encoded[field.name] = {"nobody": True}
            case _:
                encoded[field.name] = value
    return encoded


def decode(data: object) -> Change:
    """The request a confirmation card carries; InvalidValue when it is not one we wrote."""
    if not isinstance(data, Mapping) or data.get("action") not in _CHANGES:
        raise InvalidValue(REQUEST, "the card does not carry a change I can make")
    kind = _CHANGES[str(data["action"])]
    names = {field.name for field in fields(kind)}
    values: dict[str, Any] = {}
    for name, raw in data.items():
        if name == "action":
            continue
        if name not in names:
            raise InvalidValue(REQUEST, f"the change has no {str(name)[:40]}")
        values[name] = _decoded(name, raw)
    request = kind(**values)
    if not is_complete_change(request):
        raise InvalidValue(REQUEST, "the change on the card is incomplete")
    return request


def _decoded(name: str, raw: object) -> Any:
    if name == "ticket":
        number = parse_ticket_number(raw) if isinstance(raw, str) else None
        if number is None:
            raise InvalidValue(REQUEST, "the change names no ticket")
        return number
    if name in _ENUMS and isinstance(raw, str) and raw in set(_ENUMS[name]):
        return _ENUMS[name](raw)
    if name == "due" and isinstance(raw, str):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise InvalidValue(REQUEST, "the change's due date is not a date") from None
    if name == "to" and isinstance(raw, Mapping):
        if raw.get("nobody") is True:
            return Nobody()
        if isinstance(raw.get("user_id"), str) and isinstance(raw.get("name"), str):
            return UserTarget(raw["user_id"], raw["name"])
        if isinstance(raw.get("team_id"), int) and isinstance(raw.get("name"), str):
            return TeamTarget(raw["team_id"], raw["name"])
    if name in _TEXT_FIELDS and isinstance(raw, str):
        return raw
    if name in _FLAGS and raw is True:  # written only when true (see `encode`)
        return raw
    raise InvalidValue(REQUEST, f"the change's {name} is not valid")
