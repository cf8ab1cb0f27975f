"""A typed request as the words that ask for it: what a choice button sends back.

Buttons that send a whole request need no dialog state; `understand(phrase(r)) == r`
is checked in the tests for every kind of request.
"""

from __future__ import annotations

from datetime import date
from typing import assert_never

from bot.understanding.context import Conversation
from bot.understanding.requests import (
    AssignTicket, ChangeStatus, CommentOnTicket, CreateTicket, EditTicket, ListScope, ListTickets,
    Nobody, ShowTicket, Target, TeamTarget, TicketRequest, UserTarget,
)
from domain.numbering import TicketNumber
from domain.tickets import Category, DueWindow, TicketOrder


def phrase(request: TicketRequest, conversation: Conversation) -> str:
    match request:
        case ShowTicket(ticket=ticket, history=True):
            return f"history of {_ticket(ticket)}"
        case ShowTicket(ticket=ticket):
            return f"show {_ticket(ticket)}"
        case ListTickets(scope=scope, status=status, priority=priority, text=text) as listed:
            own = scope is ListScope.OWN and text is not None  # "my outlook tickets"
            words = [f"top {listed.most}"] if listed.most else []
            words += ["my"] if scope is ListScope.MINE or own else []
            words += ["our team's"] if scope is ListScope.TEAMS else []
            words += [" or ".join(s.words for s in (status, *listed.also_statuses))] \
                if status else []
            words += [" or ".join(p.value for p in (priority, *listed.also_priorities))] \
                if priority else []
            words += ["overdue"] if listed.due_window is DueWindow.OVERDUE else []
            words += [text] if own and text else []
            words += ["tickets"]
            words += ["in any status"] if listed.every_status else []
            words += ["I created"] if scope is ListScope.CREATED else []
            words += ["I worked on"] if scope is ListScope.TOUCHED else []
            words += [f"since {listed.updated_since.isoformat()}"] if listed.updated_since else []
            words += [f"not updated since {listed.not_updated_since.isoformat()}"] \
                if listed.not_updated_since else []
            filed = [f"since {listed.created_from.isoformat()}"] if listed.created_from else []
            filed += [f"before {listed.created_before.isoformat()}"] if listed.created_before else []
            words += ["opened", *filed] if filed and scope is not ListScope.CREATED else filed
            done = [f"since {listed.finished_from.isoformat()}"] if listed.finished_from else []
            done += [f"before {listed.finished_before.isoformat()}"] if listed.finished_before else []
            words += ["finished", *done] if done else []
            holders = [_target(t, conversation) for t in (listed.assignee, *listed.also) if t]
            words += [f"assigned to {' or '.join(holders)}"] if holders else []
            words += [_DUE[listed.due_window]] if listed.due_window in _DUE else []
            words += [f"due {listed.due_on.isoformat()}"] if listed.due_on else []
            words += [f"about {text}"] if text and not own else []
            words += [_ORDERS[listed.order]] if listed.order else []
            return " ".join(words)
        case CreateTicket(form=True):
            return "new ticket form"
        case CreateTicket(title=title, to=to, due=due, priority=priority, category=category):
            words = ["new"] + ([priority.value] if priority else [])
            words += [_KIND.get(category, "ticket") if category else "ticket"]
            # nobody: a new ticket is filed unassigned unless someone is named
            if to is not None and not isinstance(to, Nobody):
                words += [f"and assign it to {_target(to, conversation)}"]
            words += [f"due {due.isoformat()}"] if due else []
            # a day already past was confirmed: "anyway" says so, ahead of the title
            words = (["anyway,"] if due and due < conversation.today else []) + words
            return f"{' '.join(words)}: {title}" if title else " ".join(words)
        case EditTicket(ticket=ticket) as edit:
            return _edit(edit, _ticket(ticket), conversation.today)
        case AssignTicket(ticket=ticket, to=to):
            return _assign(_ticket(ticket), to, conversation)
        case ChangeStatus(ticket=ticket, queue=True):
            said = f"put {_ticket(ticket)} back in the queue"
            return f"{said} - {request.reason}" if request.reason else said
        case ChangeStatus(ticket=ticket, status=status):
            if status is None:
                return f"status {_ticket(ticket)}"
            said = f"set {_ticket(ticket)} to {status.value.replace('_', ' ')}"
            return f"{said} with the comment: {request.reason}" if request.reason else said
        case CommentOnTicket(ticket=ticket, text=text):
            return f"comment on {_ticket(ticket)}: {text}" if text else f"comment on {_ticket(ticket)}"
        case _:
            assert_never(request)


def _assign(ticket: str, to: Target | None, conversation: Conversation) -> str:
    match to:
        case None:
            return f"assign {ticket}"
        case Nobody():
            return f"unassign {ticket}"
        case _:
            return f"assign {ticket} to {_target(to, conversation)}"


def _target(to: Target, conversation: Conversation) -> str:
    match to:
        case Nobody():
            return "nobody"
        case TeamTarget(name=name):
            return f"team {name}"
        case UserTarget(user_id=user_id, name=name):
            return _person(user_id, name, conversation)
        case _:
            assert_never(to)


_KIND = {Category.BUG: "bug", Category.INCIDENT: "incident", Category.REQUEST: "request",
         Category.FEATURE: "feature request", Category.SUPPORT: "support request"}
"""How a new ticket's category is said (an enhancement is said as a plain ticket)."""

_ORDERS = {TicketOrder.UPDATED: "recently updated first",
           TicketOrder.STALE: "least recently updated first", TicketOrder.NEWEST: "newest first",
           TicketOrder.OLDEST: "oldest first", TicketOrder.PRIORITY: "by priority",
           TicketOrder.DUE: "by due date", TicketOrder.SEVERITY: "by severity"}
"""Said last, as people add it ("…, oldest first"): read as the order after any topic."""
_DUE = {DueWindow.TODAY: "due today", DueWindow.TOMORROW: "due tomorrow",
        DueWindow.SOON: "due soon", DueWindow.THIS_WEEK: "due this week",
        DueWindow.NEXT_WEEK: "due next week",
        DueWindow.THIS_MONTH: "due this month", DueWindow.NONE: "with no due date"}


def _ticket(ticket: TicketNumber | None) -> str:
    return str(ticket) if ticket is not None else "it"


def _person(user_id: str, name: str, conversation: Conversation) -> str:
    if user_id == conversation.viewer_id:
        return "me"
    namesakes = [p for p in conversation.people if p.name.lower() == name.lower()]
    first = name.split()[0].lower() if name.split() else name.lower()
    by_first = [p for p in conversation.people if p.first_name.lower() == first]
    if len(namesakes) > 1 or (len(name.split()) < 2 and len(by_first) > 1):
        email = next((p.email for p in namesakes if p.user_id == user_id and p.email), None)
        return email or name
    return name


def _edit(edit: EditTicket, ticket: str, today: date) -> str:
    if edit.title is not None:
        return f"rename {ticket} to \"{edit.title}\""
    if edit.description is not None:
        return f"change the description of {ticket} to {edit.description}"
    if edit.priority is not None:
        return f"set the priority of {ticket} to {edit.priority.value}"
    if edit.category is not None:
        return f"set the category of {ticket} to {edit.category.value}"
    if edit.severity is not None:
        return f"set the severity of {ticket} to {edit.severity.value}"
    if edit.no_due:
        return f"remove the due date of {ticket}"
    if edit.later_by is not None:
        return f"push the due date of {ticket} out by {edit.later_by} days"
    if edit.due is not None:  # a day already past was confirmed: "anyway" says so
        return (f"set the due date of {ticket} to {edit.due.isoformat()}"
                f"{' anyway' if edit.due < today else ''}")
    return f"update {ticket}"
