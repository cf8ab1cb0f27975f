"""Each ticket action once: show, list, create, edit, assign, change status, comment.

A handler takes the typed request and the viewer, calls the domain use case and
answers with the card and the notice. Text, choices, card verbs, the message
extension and the terminal all end here, so an action and its wording exist once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from typing import Any, assert_never

from bot import presenter
from bot.actions import notices, questions
from bot.actions.answers import answered
from bot.actions.pending import Slot
from bot.actions.phrasing import phrase
from bot.actions.reply import Option, Reply
from bot.cards.forms import PAST_DUE_KEPT
from bot.cards.views import Notice, Tone
from bot.context import BotDependencies
from bot.delivery import current_delivery
from bot.listing import ListQuery
from bot.sender_day import sender_today
from bot.understanding.context import Conversation
from bot.understanding.staff_only import says_staff_only
from bot.understanding.requests import (
    Asked, AssignTicket, Both, ChangeStatus, CommentOnTicket, CreateTicket, EditTicket,
    ListScope, ListTickets, Nobody, ShowTicket, TeamTarget, Target, TicketRequest, UserTarget,
)
from domain.access import Viewer, assign_refusal, can_see, editable_fields
from domain.clock import utcnow
from domain.company import CompanySettings
from domain.errors import InvalidValue, NotAllowed
from domain.lifecycle import TRANSITIONS
from domain.numbering import TicketNumber
from domain.people import Role
from domain.services import tickets as ticket_services
from domain.services.lookup import TicketRef
from domain.services.overview import TicketOverview, assignee_choices
from domain.services.tickets import UNCHANGED, TicketChange
from domain.services.queries import get_ticket
from domain.tickets import Assignee, AssigneeType, Ticket, TicketStatus
from domain.validation import TITLE_MAX, parse_due_date

STATUS_ORDER = tuple(TicketStatus)
OPTIONAL_CREATE_FIELDS = frozenset({
    "description", "priority", "severity", "due_date", "tags", "estimated_hours",
})


async def perform(
    deps: BotDependencies, viewer: Viewer, request: TicketRequest, conversation: Conversation,
) -> Reply:
    """The one entry point for a ticket request, whoever sent it and however it was said."""
    match request:
        case ShowTicket():
            return await show(deps, viewer, request, company=conversation.company)
        case ListTickets():
            return await list_tickets(deps, viewer, request)
        case CreateTicket():
            return create(viewer, request)
        case EditTicket():
            return await edit(deps, viewer, request)
        case AssignTicket():
            return await assign(deps, viewer, request, conversation)
        case ChangeStatus():
            return await change_status(deps, viewer, request)
        case CommentOnTicket():
            return await comment(deps, viewer, request)
        case _:
            assert_never(request)


async def show(
    deps: BotDependencies, viewer: Viewer, request: ShowTicket,
    *, company: CompanySettings | None = None,
) -> Reply:
    if request.ticket is None:
        return Reply(text=notices.which_ticket("show 4"))
    number = str(request.ticket)
    card = await presenter.ticket_card(deps, viewer, number, company=company,
                                       history_open=request.history,
                                       notice=answer_to(request.asked))
    return Reply(card=card, ticket=number)


def answer_to(asked: Asked | None) -> Callable[[TicketOverview], Notice] | None:
    """The answer to a question about one fact of the ticket ("who has 2?"), drawn from
    the ticket as the asker's card shows it; None when no fact was asked after."""
    if asked is None:
        return None
    now = utcnow()
    return lambda overview: answered(asked, overview, now=now, today=sender_today(now),
                                     shared=presenter.seen_by_everyone())


def list_query(viewer: Viewer, request: ListTickets) -> ListQuery:
    scope = request.scope
    if scope in (ListScope.MINE, ListScope.TEAMS) and viewer.role is Role.CUSTOMER:
        scope = ListScope.CREATED  # customers are never assignees, nor in a team
    return ListQuery(
        scope=scope, status=request.status, priority=request.priority, text=request.text,
        holder=request.assignee, due_window=request.due_window, due_on=request.due_on,
        also=request.also, updated_since=request.updated_since,
        not_updated_since=request.not_updated_since, created_from=request.created_from,
        created_before=request.created_before, finished_from=request.finished_from,
        finished_before=request.finished_before, unplaced=request.unplaced,
        filed_by=request.filed_by, order=request.order, every_status=request.every_status,
        most=request.most, also_statuses=request.also_statuses,
        also_priorities=request.also_priorities,
    )


async def list_tickets(deps: BotDependencies, viewer: Viewer, request: ListTickets) -> Reply:
    """The list; "my outlook ticket" that finds one ticket shows it (with the answer to
    "who has my outlook ticket?"), and one that finds none says so and offers the wider lists."""
    own = request.scope is ListScope.OWN and request.text is not None
    none = f"You have no ticket matching “{request.text}”." if own else None
    card, rows, page = await presenter.listed_card(deps, viewer, list_query(viewer, request), 0,
                                                   when_empty=none)
    if (own or request.asked is not None) and len(rows) == 1:  # "is my ticket done?": answered
        number = rows[0].number
        return Reply(card=await presenter.ticket_card(deps, viewer, number,
                                                      notice=answer_to(request.asked)),
                     ticket=number)
    return Reply(card=card, listed=tuple((row.number, row.title) for row in rows), page=page)


def create(viewer: Viewer, request: CreateTicket) -> Reply:
    """The form, or the conversation that asks for what is missing (the caller runs it).

    Someone named to take it whom the viewer may not hand tickets to is left out, and the
    reply says so before the first question: the ticket is filed, unassigned."""
    if request.form:
        return Reply(card=presenter.create_form())
    told = [notices.filed_for(request.on_behalf_of)] if request.on_behalf_of else []
    told += [notices.several_to_file(request.title, request.then)] if request.then else []
    behalf = " ".join(told) or None
    if request.to is None or (to := assignee(request.to)) is None:
        return Reply(text=behalf, dialog=request)
    if refusal := ticket_services.assignment_refusal_when_filing(viewer, to):
        refused = notices.filed_without(_label(request.to), refusal)
        return Reply(text=f"{behalf} {refused}" if behalf else refused,
                     dialog=replace(request, to=None))
    return Reply(text=behalf, dialog=request)


def cannot_assign(viewer: Viewer) -> str | None:
    """Why the viewer can hand a new ticket to no one at all (a customer), said instead of
    asking them who should take it; None when they may name someone."""
    refusal = ticket_services.assignment_refusal_when_filing(viewer, Assignee.user(viewer.id))
    return notices.filed_without("anyone", refusal) if refusal else None


def dialog_answers(request: CreateTicket) -> dict[str, str | list[str] | None]:
    """What the `new ticket` conversation starts with: all the request said, as text."""
    to = assignee(request.to) if request.to is not None else None
    return {
        "title": request.title,
        "priority": request.priority.value if request.priority else None,
        "category": request.category.value if request.category else None,
        "assignee": None if to is None else to.label,
        "due_date": request.due.isoformat() if request.due else None,
        "on_behalf_of": request.on_behalf_of,
        "then": list(request.then) or None,
    }


def for_the_draft(
    viewer: Viewer, said: object, *, asked: str | None,
) -> tuple[dict[str, str], str] | None:
    """What a message said, while a new ticket is being filed, about that ticket ("give it
    to Sam", "make it urgent", "it's due Friday", "assign it to me and make it high"): the
    dialog's answers to keep and the sentence that says so; a status ("close it") is
    refused, as nothing is filed yet.

    None when the message is not wholly about the ticket being filed (a ticket named, a
    comment), names a day already past, or answers the question `asked` (the
    dialog's step: "priority" under "How urgent is it?"), which the dialog reads itself.
    Someone the viewer may not hand tickets to is not kept, and the sentence says why."""
    parts = (said.first, said.second) if isinstance(said, Both) else (said,)
    values: dict[str, str] = {}
    noted: list[str] = []
    refused: list[str] = []
    for part in parts:
        match part:
            case AssignTicket(ticket=None, to=UserTarget() | TeamTarget() as to):
                holder = assignee(to)
                assert holder is not None
                if refusal := ticket_services.assignment_refusal_when_filing(viewer, holder):
                    refused.append(notices.filed_without(_label(to), refusal))
                    continue
                values["assignee"] = holder.label
                mine = holder.kind is AssigneeType.USER and holder.user_id == viewer.id
                noted.append("you'll take it" if mine else f"{_label(to)} will take it")
            case EditTicket(ticket=None, description=None, no_due=False, later_by=None) if (
                    part.has_changes):
                if part.title is not None:
                    values["title"] = part.title
                    noted.append(f"titled “{part.title}”")
                if part.category is not None:
                    values["category"] = part.category.value
                    noted.append(f"kind {part.category.value.capitalize()}")
                if part.priority is not None:
                    values["priority"] = part.priority.value
                    noted.append(f"{part.priority.value.capitalize()} priority")
                if part.due is not None:
                    if part.due < sender_today():
                        return None
                    values["due_date"] = part.due.isoformat()
                    noted.append(f"due {part.due:%a} {part.due.day} {part.due:%b}")
            case ChangeStatus(ticket=None, status=TicketStatus() as status):
                return {}, notices.not_filed_yet(status)  # "close it": not an earlier one;
                # "give it to sam and close it": nothing of it kept, the filing goes on
            case _:
                return None
    if asked in values:
        return None
    said_so = [notices.noted_for_filing(noted)] if noted else []
    return values, " ".join(said_so + refused)


def unconfirmed_past_due(
    due: object, data: Mapping[str, Any], *, was: object = None
) -> date | None:
    """A form's due date already past that its box (`PAST_DUE_KEPT`) did not keep and the
    ticket did not already have (`was`): asked about before anything is saved, as in chat.
    A value that is no date is left to the save, which says so."""
    try:
        day = parse_due_date(due)
    except InvalidValue:
        return None
    try:
        before = parse_due_date(was)
    except InvalidValue:  # a tampered `due_was` keeps nothing from being asked
        before = None
    if day is None or day.date() >= sender_today() or str(data.get(PAST_DUE_KEPT)) == "true":
        return None
    return None if before is not None and before.date() == day.date() else day.date()


def _label(to: Target) -> str:
    return f"the {to.name} team" if isinstance(to, TeamTarget) else getattr(to, "name", "")


async def file_ticket(
    deps: BotDependencies, viewer: Viewer, values: Mapping[str, object]
) -> Reply:
    """Files a ticket from answers or form inputs; empty optional values take the defaults.

    `assignee` takes the card and API form (`team:<id>`, a user id, `me`)."""
    optional = {
        name: value for name, value in values.items()
        if name in OPTIONAL_CREATE_FIELDS and value not in (None, "")
    }
    ticket = await ticket_services.create_ticket(
        uow=deps.uow(), actor=viewer, title=values.get("title"),
        category=values.get("category"), delivery=current_delivery(),
        assignee=ticket_services.parse_assignee(values.get("assignee"), actor_id=viewer.id),
        **optional,
    )
    card = await presenter.ticket_card(deps, viewer, ticket.id,
                                       notice=notices.filed(ticket.ticket_number))
    if not (then := _still_to_file(values.get("then"))):
        return Reply(card=card, ticket=ticket.ticket_number)
    says = f"new ticket: {then[0]}" if len(then) == 1 else f"file tickets: {'; '.join(then)}"
    return Reply(text=notices.next_to_file(then[0]), card=card, ticket=ticket.ticket_number,
                 options=(Option(notices.FILE_THE_NEXT, says),))


_MOST_STILL_TO_FILE = 4


def _still_to_file(then: object) -> list[str]:
    """The titles of the tickets asked with this one and not filed yet ("log two tickets:
    …"), as the conversation kept them: words only, a few at most, one line each."""
    if not isinstance(then, list):
        return []
    return [" ".join(title.split())[:TITLE_MAX] for title in then[:_MOST_STILL_TO_FILE]
            if isinstance(title, str) and title.strip() and ";" not in title]


async def edit(deps: BotDependencies, viewer: Viewer, request: EditTicket) -> Reply:
    if request.ticket is None:
        return Reply(text=notices.which_ticket("update 4"))
    number = str(request.ticket)
    changes = field_changes(request)
    if not changes:
        current = await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=number)
        return questions.which_field(current, presenter.editable_fields(viewer))
    return await save_fields(deps, viewer, number, changes, named=True)


async def ask_field(
    deps: BotDependencies, viewer: Viewer, request: EditTicket, field: str,
    *, why: str | None = None,
) -> Reply:
    """"change its priority": the question for that one field, if the viewer may change it."""
    if request.ticket is None:
        return Reply(text=notices.which_ticket(f"change the {field.replace('_', ' ')} of 4"))
    number = str(request.ticket)
    await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=number)  # may they see it?
    if field not in editable_fields(viewer):
        raise NotAllowed(f"you can't change the {field.replace('_', ' ')} of a ticket")
    return questions.field_value(number, Slot(field), why=why)


async def ensure_visible(deps: BotDependencies, viewer: Viewer, ticket: TicketNumber) -> Ticket:
    """Raises `TicketNotFound` before a question about a ticket the viewer cannot see: "I
    think 1 is fixed" about a ticket that is not there is told so, not asked about. The
    ticket, as it stands, when they can."""
    return await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=str(ticket))


def field_changes(request: EditTicket) -> dict[str, object]:
    """The fields an edit sets, under the names the use case takes."""
    changes: dict[str, object] = {
        name: value for name, value in (
            ("title", request.title), ("description", request.description),
            ("priority", request.priority), ("category", request.category),
            ("due_date", request.due.isoformat() if request.due else None),
            ("severity", request.severity),
        ) if value is not None
    }
    if request.no_due:
        changes["due_date"] = None  # taken off
    return changes


async def save_fields(
    deps: BotDependencies, viewer: Viewer, ticket: TicketRef, changes: Mapping[str, object],
    *, expected_version: str | None = None, named: bool = False, pressed: bool = False,
) -> Reply:
    """`named`: the notice names the fields (a form sends them all, changed or not).
    `pressed`: a card's button asked (`change_ticket`'s `pressed`)."""
    change = await ticket_services.change_ticket(
        uow=deps.uow(), actor=viewer, ticket=ticket, fields=changes,
        expected_version=expected_version, pressed=pressed, delivery=current_delivery(),
    )
    saved = change.ticket
    names = [name.replace("_", " ") for name in changes]
    notice = notices.already_has(saved.ticket_number, names) if named and change.unchanged \
        else notices.saved(names if named else [])
    card = await presenter.ticket_card(deps, viewer, saved.id, notice=notice)
    return Reply(card=card, ticket=saved.ticket_number)


def assignee(target: Target) -> Assignee | None:
    match target:
        case UserTarget(user_id=user_id):
            return Assignee.user(user_id)
        case TeamTarget(team_id=team_id):
            return Assignee.team(team_id)
        case Nobody():
            return None
        case _:
            assert_never(target)


async def assign(
    deps: BotDependencies, viewer: Viewer, request: AssignTicket, conversation: Conversation,
) -> Reply:
    if viewer.role is Role.CUSTOMER:  # before any lookup that could reveal who exists
        raise NotAllowed("customers cannot assign tickets")
    if request.ticket is None:
        return Reply(text=notices.which_ticket("assign 4 to me"))
    number = str(request.ticket)
    if request.to is None:
        return await _who_takes(deps, viewer, request, conversation)
    return await assign_to(deps, viewer, number, assignee(request.to), taken_off=request.taken_off)


async def assign_to(
    deps: BotDependencies, viewer: Viewer, ticket: TicketRef, to: Assignee | None,
    *, expected_version: str | None = None, pressed: bool = False,
    taken_off: UserTarget | TeamTarget | None = None,
) -> Reply:
    """`taken_off`: "take 12 off alex", made only while Alex holds it (checked with the change)."""
    change = await ticket_services.change_ticket(
        uow=deps.uow(), actor=viewer, ticket=ticket, assignee=to,
        expected_version=expected_version, pressed=pressed, delivery=current_delivery(),
        held_by=UNCHANGED if taken_off is None else assignee(taken_off),
    )
    number = change.ticket.ticket_number
    if change.held_elsewhere and taken_off is not None:  # Sam has it: nothing changed
        card = await presenter.changed_ticket_card(deps, change, notice=Notice(
            notices.not_held_by(number, taken_off.name), Tone.ATTENTION))
        return Reply(card=card, ticket=number)
    if not can_see(change.viewer, change.ticket):  # done: no card, and "it" stays put
        return Reply(text=notices.assigned_out_of_sight(number, unassigned=to is None))
    card = await presenter.changed_ticket_card(
        deps, change, notice=_already_assigned if change.unchanged else _assigned_notice)
    return Reply(card=card, ticket=number)


def _assigned_notice(seen: TicketOverview) -> Notice:
    return notices.assigned(seen.assignee)


def _already_assigned(seen: TicketOverview) -> Notice:
    return notices.already_assigned(seen.ticket.ticket_number, seen.assignee,
                                    team=seen.ticket.assignee_type is AssigneeType.TEAM)


async def _who_takes(
    deps: BotDependencies, viewer: Viewer, request: AssignTicket, conversation: Conversation,
) -> Reply:
    number = str(request.ticket)
    await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=number)  # may they see it?
    options = []
    for choice in await assignee_choices(uow=deps.uow().reading(), actor=viewer):
        target: Target
        if choice.assignee.kind is AssigneeType.TEAM and choice.assignee.team_id is not None:
            target = TeamTarget(choice.assignee.team_id, choice.title.removeprefix("Team "))
        else:
            target = UserTarget(str(choice.assignee.user_id), choice.title)
        options.append(Option(choice.title, phrase(replace(request, to=target), conversation)))
    return questions.who_takes(number, options)


async def change_status(deps: BotDependencies, viewer: Viewer, request: ChangeStatus) -> Reply:
    if request.ticket is None:
        example = "put 4 back in the queue" if request.queue else (
            f"{_verb(request.status)} 4" if request.status else "status 4")
        return Reply(text=notices.which_ticket(example))
    number = str(request.ticket)
    if request.take:
        return await start_taking(deps, viewer, number)
    if request.queue:
        return await back_to_queue(deps, viewer, number, reason=request.reason)
    if request.status is None:
        current = await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=number)
        allowed = [s for s in STATUS_ORDER if s in TRANSITIONS[current.status]]
        return questions.which_status(number, allowed)
    return await set_status(deps, viewer, number, request.status, reason=request.reason)


async def set_status(
    deps: BotDependencies, viewer: Viewer, ticket: TicketRef, status: object,
    *, expected_version: str | None = None, reason: str | None = None, pressed: bool = False,
) -> Reply:
    """`reason`: said with the change ("4 is fixed, it was a loose cable"), so it is
    written as a comment in the same transaction: a resent message changes nothing twice."""
    ensure_for_the_requester(viewer, reason)
    change = await ticket_services.change_ticket(
        uow=deps.uow(), actor=viewer, ticket=ticket, status=status,
        expected_version=expected_version, comment=reason, pressed=pressed,
        delivery=current_delivery(),
    )
    number = change.ticket.ticket_number
    card = await presenter.changed_ticket_card(deps, change, notice=notices.status_now(
        number, change.ticket.status, commented=reason is not None))
    return Reply(card=card, ticket=number)


async def start_taking(
    deps: BotDependencies, viewer: Viewer, number: TicketRef, *,
    expected_version: str | None = None,
) -> Reply:
    """"on it": in progress, and the viewer's when no one person has it (nobody, or a team's
    queue, which is where agents take work from) and they may take it. One change, on the
    ticket as it was read (or as a confirmation card drew it, `expected_version`): if someone
    took it meanwhile, nothing is taken."""
    current = await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=number)
    me = Assignee.user(viewer.id)
    take = not current.held_by_a_person and assign_refusal(viewer, current, me) is None
    starts = current.status is not TicketStatus.IN_PROGRESS or not take
    change = await ticket_services.change_ticket(
        uow=deps.uow(), actor=viewer, ticket=number,
        status=TicketStatus.IN_PROGRESS if starts else None,
        assignee=me if take else UNCHANGED, expected_version=expected_version or current.version,
        delivery=current_delivery(),
    )
    card = await presenter.changed_ticket_card(deps, change, notice=notices.started(
        change.ticket.ticket_number, started=starts, taken=take))
    return Reply(card=card, ticket=change.ticket.ticket_number)


async def back_to_queue(
    deps: BotDependencies, viewer: Viewer, number: TicketRef, *,
    expected_version: str | None = None, reason: str | None = None,
) -> Reply:
    """"Put 4 back in the queue": open again, and no longer held by a person (see
    `requeue`). Nothing to change is said so, and a reason said with it is still kept."""
    ensure_for_the_requester(viewer, reason)
    current = await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=number)
    team = current.assignee is not None and current.assignee.kind is AssigneeType.TEAM
    change = await requeue(deps, viewer, current, expected_version=expected_version,
                           reason=reason)
    if change is None:
        if reason is not None:
            return await add_comment(deps, viewer, current.id, reason)
        card = await presenter.ticket_card(deps, viewer, current.id,
                                           notice=notices.already_in_queue(
                                               current.ticket_number, team=team))
        return Reply(card=card, ticket=current.ticket_number)
    card = await presenter.changed_ticket_card(deps, change, notice=notices.back_in_queue(
        change.ticket.ticket_number, team=team, commented=reason is not None))
    return Reply(card=card, ticket=change.ticket.ticket_number)


async def requeue(
    deps: BotDependencies, viewer: Viewer, current: Ticket, *,
    expected_version: str | None = None, reason: str | None = None,
) -> TicketChange | None:
    """Open again, and no longer held by a person; a team that holds it keeps it (that is
    its queue). One change on the ticket as it was read, so someone taking it meanwhile is
    not undone; the domain says who may unassign whom (an agent only themselves). None when
    it is open and held by no one person already: nothing to change."""
    held = current.held_by_a_person
    reopen = current.status is not TicketStatus.OPEN
    if not held and not reopen:
        return None
    return await ticket_services.change_ticket(
        uow=deps.uow(), actor=viewer, ticket=current.id,
        status=TicketStatus.OPEN if reopen else None, assignee=None if held else UNCHANGED,
        expected_version=expected_version or current.version, comment=reason,
        delivery=current_delivery(),
    )


def ensure_for_the_requester(viewer: Viewer, comment: object) -> None:
    """A comment from the service desk that marks itself for staff only ("internal: the
    customer loads the wrong paper") is refused before anything changes: the requester
    reads every comment, and the chat has no internal note. A customer's own words are
    theirs to share, so theirs are posted."""
    if viewer.role is not Role.CUSTOMER and isinstance(comment, str) and says_staff_only(comment):
        raise NotAllowed(notices.NO_INTERNAL_NOTES)


def _verb(status: TicketStatus) -> str:
    return {TicketStatus.OPEN: "reopen", TicketStatus.IN_PROGRESS: "start",
            TicketStatus.ON_HOLD: "hold", TicketStatus.RESOLVED: "resolve",
            TicketStatus.CLOSED: "close"}[status]


async def comment(deps: BotDependencies, viewer: Viewer, request: CommentOnTicket) -> Reply:
    if request.staff_only:
        raise NotAllowed(notices.NO_INTERNAL_NOTES)
    if request.ticket is None:
        return Reply(text=notices.which_ticket("comment on 4: your text"))
    number = str(request.ticket)
    if request.text is None:
        await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=number)  # may they see it?
        return questions.what_comment(number)
    return await add_comment(deps, viewer, number, request.text)


async def add_comment(
    deps: BotDependencies, viewer: Viewer, ticket: TicketRef, text: object,
    *, drawn: str | None = None,
) -> Reply:
    """`drawn`: the version of the card the comment was typed on, if it was."""
    ensure_for_the_requester(viewer, text)
    await ticket_services.comment_on_ticket(
        uow=deps.uow(), actor=viewer, ticket=ticket, content=text, delivery=current_delivery(),
        drawn=drawn,
    )
    card = await presenter.ticket_card(deps, viewer, ticket, notice=notices.comment_added())
    return Reply(card=card, ticket=ticket if isinstance(ticket, str) else None)

