"""Another ticket meant than the one just changed: "sorry not 2, i meant 3".

The change a message made is kept with the conversation until the next message, so a
correction of that very turn can make the same change of the ticket meant. The first
ticket is not put back on its own: TicketFlow keeps no undo, others may already have been
told of the change, and "I meant 3" does not say 2 was wrong to change. The reply says what
2 still is and offers the one press that puts it back as it was; a comment added to 2 is
added to 3 and said to stay on 2 (no use case takes a comment back).

A change is known for certain only while nothing came between: no other message (the
state is read once and dropped), no card button pressed since (it moves "it"), no later
than `CORRECTION_WINDOW`, and the wrong ticket, when said ("not 2"), is the one changed.
Otherwise the bot asks before making the change again ("Do you want me to close
TKT-2026-0003 too?"), and with no change known it shows the ticket meant.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.actions import notices
from bot.actions.phrasing import phrase
from bot.actions.reply import Option, Reply
from bot.actions.tools import tool_name
from bot.actions.tickets import assignee
from bot.context import BotDependencies
from bot.understanding.context import Conversation
from bot.understanding.requests import (
    AssignTicket, ChangeStatus, CommentOnTicket, EditTicket, MeantAnother, Nobody, TeamTarget, TicketRequest,
    UserTarget,
)
from domain.access import Viewer
from domain.lifecycle import TRANSITIONS
from domain.services.queries import get_ticket, ticket_history
from domain.tickets import Category, Priority, Ticket, TicketStatus

CORRECTION_WINDOW = timedelta(minutes=10)
""""I meant 3" later than this is no longer about the change just made."""

Redone = ChangeStatus | AssignTicket | EditTicket | CommentOnTicket


@dataclass(frozen=True, slots=True)
class MadeChange:
    """The change the last message made, as the conversation keeps it."""

    ticket: str
    says: str
    """The change as words (`phrase`), which read again give the typed change back."""
    at: datetime

    def encode(self) -> str:
        # One string: a plain value the turn state stores without flattening.
        return json.dumps({"ticket": self.ticket, "says": self.says, "at": self.at.isoformat()})

    @classmethod
    def decode(cls, stored: object) -> MadeChange | None:
        """None for nothing stored, or state this version cannot read."""
        if not isinstance(stored, str) or not stored:
            return None
        try:
            data = json.loads(stored)
            return cls(str(data["ticket"]), str(data["says"]), datetime.fromisoformat(data["at"]))
        except (TypeError, ValueError, KeyError):
            return None


def made_change(
    request: TicketRequest, reply: Reply, conversation: Conversation, *, now: datetime
) -> MadeChange | None:
    """What a message's change did, to keep for "I meant 3": one whole change of one ticket
    whose card came back (not a question asked back, nor a ticket now out of sight)."""
    if reply.asks is not None or reply.ticket is None or reply.ticket != str(
            getattr(request, "ticket", None)):
        return None
    match request:
        case ChangeStatus(status=TicketStatus(), take=False, queue=False) | AssignTicket(
                to=object()):
            pass  # not "back in the queue": two fields, which the one press back cannot undo
        case CommentOnTicket(text=str()):
            pass  # "comment on 2: …", "oops, I meant 3": added there, and said to stay on 2
        case EditTicket() if len(_edited(request)) == 1 and (
                request.title is None and request.description is None):
            pass  # one value, as the words kept say it (a title is the person's own words)
        case _:
            return None
    return MadeChange(reply.ticket, phrase(request, conversation), now)


def _edited(edit: EditTicket) -> list[str]:
    return [name for name in ("priority", "category", "due") if getattr(edit, name) is not None]


def certain(
    made: MadeChange | None, meant: MeantAnother, *, pointed_at: datetime | None, now: datetime
) -> bool:
    """Whether `made` is, beyond doubt, the change "I meant `meant.ticket`" corrects."""
    return made is not None and now - made.at <= CORRECTION_WINDOW and (
        pointed_at is None or pointed_at <= made.at) and (
        meant.instead_of is None or str(meant.instead_of) == made.ticket) and (
        str(meant.ticket) != made.ticket)


def meant_to(change: Redone, conversation: Conversation) -> Reply:
    """"I meant to close 3" with no change of another ticket just made to correct, or "i meant
    to close 3 yesterday": what was once meant, asked about, one press to make it."""
    return Reply(text=notices.meant_to(change),
                 options=(Option("Yes", phrase(change, conversation)),))


def asked_too(change: Redone, conversation: Conversation) -> Reply:
    """Not certain which change is meant: asked, one press to make it, never guessed."""
    return Reply(text=notices.meant_too(change),
                 options=(Option("Yes", phrase(change, conversation)),))


async def left_behind(
    deps: BotDependencies, viewer: Viewer, first: Redone, conversation: Conversation,
) -> Reply:
    """What the ticket changed first still is, and the press that puts it back as it was
    before that change (read from its history: the value the change replaced)."""
    number = str(first.ticket)
    if isinstance(first, CommentOnTicket):  # no use case takes a comment back
        return Reply(text=notices.comment_stays(number))
    current = await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=number)
    if not _still(first, current):
        return Reply(text=notices.changed_again(number))
    back = await _put_back(deps, viewer, first, current, conversation)
    says = phrase(back, conversation) if back is not None else None
    return Reply(text=notices.left_as_changed(number, _as_it_is(first), says),
                 options=(Option(notices.put_back(number), says),) if says else ())


def _still(first: Redone, ticket: Ticket) -> bool:
    match first:
        case ChangeStatus(status=status):
            return ticket.status is status
        case AssignTicket(to=to) if to is not None:
            return ticket.assignee == assignee(to)
        case EditTicket(priority=Priority() as priority):
            return ticket.priority is priority
        case EditTicket(category=Category() as category):
            return ticket.category is category
        case EditTicket(due=date() as due):
            return ticket.due_date is not None and ticket.due_date.date() == due
    return False


def _as_it_is(first: Redone) -> str:
    """"closed", "with Sam Rivera", "urgent priority": what the change left it."""
    match first:
        case ChangeStatus(status=TicketStatus() as status):
            return status.words
        case AssignTicket(to=Nobody()):
            return "unassigned"
        case AssignTicket(to=UserTarget(name=name)):
            return f"with {name}"
        case AssignTicket(to=TeamTarget(name=name)):
            return f"with the {name} team"
        case EditTicket(priority=Priority() as priority):
            return f"{priority.value} priority"
        case EditTicket(category=Category() as category):
            return f"in the {category.value} category"
        case EditTicket(due=date() as due):
            return f"due {due:%a} {due.day} {due:%b}"
    return "as changed"


_FIELD = {ChangeStatus: "status", AssignTicket: "assignee"}


async def _put_back(
    deps: BotDependencies, viewer: Viewer, first: Redone, current: Ticket,
    conversation: Conversation,
) -> Redone | None:
    field = _FIELD.get(type(first)) or next(
        (name for name, value in (("priority", getattr(first, "priority", None)),
                                  ("category", getattr(first, "category", None)),
                                  ("due_date", getattr(first, "due", None)))
         if value is not None), None)
    history = await ticket_history(uow=deps.uow().reading(), actor=viewer, ticket=str(first.ticket))
    changed = next((entry for entry in reversed(history)
                    if entry.field == field and entry.user_id == viewer.id), None)
    if changed is None:
        return None
    was = changed.old_value
    try:
        match first:
            case ChangeStatus():
                status = TicketStatus(was or "")
                return ChangeStatus(first.ticket, status) if status in TRANSITIONS[
                    current.status] else None
            case AssignTicket():
                return _assigned_back(first, was, conversation)
            case EditTicket() if field == "priority":
                return EditTicket(first.ticket, priority=Priority(was or ""))
            case EditTicket() if field == "category":
                return EditTicket(first.ticket, category=Category(was or ""))
            case EditTicket() if was:  # a due date had none before: chat cannot clear one
                return EditTicket(first.ticket, due=date.fromisoformat(was[:10]))
    except ValueError:  # a value another release wrote: no press offered
        return None
    return None


def _assigned_back(
    first: AssignTicket, was: str | None, conversation: Conversation
) -> AssignTicket | None:
    if not was:
        return AssignTicket(first.ticket, Nobody())
    if was.startswith("team:"):
        team = next((t for t in conversation.teams if f"team:{t.team_id}" == was), None)
        return AssignTicket(first.ticket, TeamTarget(team.team_id, team.name)) if team else None
    person = next((p for p in conversation.people if p.user_id == was), None)
    return AssignTicket(first.ticket, UserTarget(person.user_id, person.name)) if person else None


_WEEKS_MOST = 52
_DAYS_MOST = 366


def push_said_again(meant: MeantAnother, proposed: object) -> Reply | None:
    """"make it 2 instead" just after a due date's push was proposed ("Move the due date of
    12 from … to …?"): 2 days or 2 weeks for that push, or ticket 2, asked with a press for
    each (it showed ticket 2). None when no push of another ticket was proposed just before,
    or the number could be neither."""
    request = proposed.get("request") if isinstance(proposed, dict) else None
    if not isinstance(request, dict) or request.get("action") != tool_name(EditTicket) or (
            "due" not in request) or meant.change is not None or meant.too or (
            meant.instead_of is not None):
        return None
    pushed, said = str(request.get("ticket", "")), meant.ticket.sequence
    if not pushed or pushed == str(meant.ticket) or not 0 < said <= _WEEKS_MOST:
        return None
    days, weeks = f"{said} day{'s' if said > 1 else ''}", f"{said} week{'s' if said > 1 else ''}"
    return Reply(text=notices.push_or_ticket(pushed, said, str(meant.ticket)), options=(
        Option(f"Push {pushed} out {days}", f"push {pushed} out {days}"),
        Option(f"Push {pushed} out {weeks}", f"push {pushed} out {weeks}"),
        Option(f"Show {meant.ticket}", f"show {meant.ticket}"),
    ))