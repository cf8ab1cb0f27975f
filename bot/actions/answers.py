"""The sentence that answers a question about one fact of a ticket ("who has 2?"), said at
the top of its card, from the asker's side ("You have …"), yes or no first when asked so.

It is drawn from the ticket as the asker's card shows it (`TicketOverview`: the ticket they
may see and the names on its card), so it tells nothing the card does not.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import assert_never

from bot.cards.due import due_hint
from bot.cards.labels import label
from bot.cards.views import Notice, Tone
from bot.understanding.requests import Asked, Fact
from domain.services.overview import TicketOverview
from domain.tickets import AssigneeType, TicketStatus


_PRONOUNS = frozenset({"Nobody", "You"})
"""Words that open an answer and go lower case after "Yes," or "No,"; names and ticket
numbers keep theirs."""


def answered(asked: Asked, overview: TicketOverview, *, now: datetime, today: date,
             shared: bool = False) -> Notice:
    """`now`: this moment (naive UTC, as stored); `today`: the asker's day, for how far the
    due date is; `shared`: the card is seen by everyone in a channel or group chat, where
    "you" would name whoever reads it, so people are named."""
    you = None if shared else overview.viewer.id
    sentence, yes = _answer(asked, overview, you=you, now=now, today=today)
    if asked.yes_no:
        first, rest = sentence.split(" ", 1)
        said = first.lower() if first in _PRONOUNS else first  # "No, nobody has …"
        sentence = f"{'Yes' if yes else 'No'}, {said} {rest}"
    return Notice(sentence, Tone.DEFAULT)


def _answer(asked: Asked, overview: TicketOverview, *, you: str | None, now: datetime,
            today: date) -> tuple[str, bool]:
    """The sentence, and whether the ticket is as a yes/no question asks."""
    ticket = overview.ticket
    number = ticket.ticket_number
    match asked.fact:
        case Fact.ASSIGNEE:
            return _holder(overview, you), ticket.assignee is not None
        case Fact.STATUS:
            return _status(overview, you, now=now), ticket.status.value in asked.values
        case Fact.DUE:
            return _due(overview, now=now, today=today)
        case Fact.PRIORITY:
            return (f"{number} is {ticket.priority.value} priority.",
                    ticket.priority.value in asked.values)
        case Fact.SEVERITY:
            if ticket.severity is None:
                return f"{number} has no severity set.", False
            return (f"{number}'s severity is {label(ticket.severity)}.",
                    ticket.severity.value in asked.values)
        case Fact.CATEGORY:
            return (f"{number}'s category is {label(ticket.category)}.",
                    ticket.category.value in asked.values)
        case Fact.REQUESTER:
            who = "You" if ticket.created_by == you else overview.requester
            return f"{who} raised {number} on {_day(ticket.created_at, now)}.", True
        case Fact.UPDATED:
            updated = ticket.updated_at
            return (f"{number} was last updated on {_day(updated, now)} at {updated:%H:%M} UTC.",
                    True)
        case _:
            assert_never(asked.fact)


def _holder(overview: TicketOverview, you: str | None) -> str:
    ticket = overview.ticket
    number = ticket.ticket_number
    if ticket.assignee is None or overview.assignee is None:
        return f"Nobody has {number} yet." if ticket.is_open_for_edits else f"Nobody had {number}."
    if ticket.assignee.kind is AssigneeType.TEAM:
        return f"{number} is in the queue of {overview.assignee}; no one person has it yet."
    if ticket.assignee.user_id == you:
        return f"You have {number}."
    return f"{overview.assignee} has {number}."


def _with(overview: TicketOverview, you: str | None) -> str:
    """Who has the ticket, after its status: " with Sam Lee", " with you", or nothing."""
    ticket = overview.ticket
    if ticket.assignee is None or overview.assignee is None:
        return ""
    if ticket.assignee.kind is AssigneeType.USER and ticket.assignee.user_id == you:
        return " with you"
    return f" with {overview.assignee}"


def _status(overview: TicketOverview, you: str | None, *, now: datetime) -> str:
    ticket = overview.ticket
    number = ticket.ticket_number
    match ticket.status:
        case TicketStatus.OPEN if ticket.assignee is None or overview.assignee is None:
            return f"{number} is still open — nobody has picked it up yet."
        case TicketStatus.OPEN:
            return f"{number} is open{_with(overview, you)}, not started yet."
        case TicketStatus.IN_PROGRESS | TicketStatus.ON_HOLD:
            return f"{number} is {ticket.status.words}{_with(overview, you)}."
        case TicketStatus.RESOLVED | TicketStatus.CLOSED:
            return _finished(overview, now=now)
        case _:
            assert_never(ticket.status)


def _finished(overview: TicketOverview, *, now: datetime) -> str:
    ticket = overview.ticket
    when = ticket.closed_at if ticket.status is TicketStatus.CLOSED else ticket.resolved_at
    said = ticket.status.words
    if when is None:
        return f"{ticket.ticket_number} is {said}."
    return f"{ticket.ticket_number} was {said} on {_day(when, now)}."


def _due(overview: TicketOverview, *, now: datetime, today: date) -> tuple[str, bool]:
    """The due day, how far it is, and whether it has passed while the ticket is open."""
    ticket = overview.ticket
    number = ticket.ticket_number
    if ticket.due_date is None:
        return f"{number} has no due date.", False
    day = _day(ticket.due_date, now)
    if not ticket.is_open_for_edits:
        return f"{_finished(overview, now=now).removesuffix('.')}; it was due on {day}.", False
    hint = due_hint(ticket.due_date, now=now, today=today)
    if hint.startswith("overdue"):
        return f"{number} was due on {day}: it is {hint}.", True
    return f"{number} is due on {day} ({hint.removeprefix('due ')}).", False


def _day(moment: datetime, now: datetime) -> str:
    """"3 Dec"; with its year when that is not this one."""
    said = f"{moment.day} {moment:%b}"
    return said if moment.year == now.year else f"{said} {moment.year}"
