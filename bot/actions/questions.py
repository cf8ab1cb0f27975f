"""The questions an action asks when a piece is missing, with the choices they offer.

Each question becomes a `Reply` whose `asks` the conversation keeps, so the next
message may answer it by a choice's number, its label, or in words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.actions import notices
from bot.actions.pending import EDIT_SLOTS, Pending, Slot
from bot.actions.reply import Option, Reply
from domain.tickets import Category, Priority, Severity, Ticket, TicketStatus

FIELD_LABELS = {
    Slot.TITLE: "Title", Slot.DESCRIPTION: "Description", Slot.PRIORITY: "Priority",
    Slot.CATEGORY: "Category", Slot.DUE_DATE: "Due date", Slot.SEVERITY: "Severity",
}
SHOWN_VALUE = 40


_EARLIER_WHY = re.compile(r"^(?:(?:I couldn't \w+ )?“[^”]*”[^“”.?!]*\.\s+)+")
"""Why a question was first asked ("“purple” is not a status I know. Which status …?"),
which a question asked again replaces with why the new answer did not fit."""


def asking(pending: Pending, *, why: str | None = None) -> Reply:
    """The question as a reply: its choices as buttons (numbered in the terminal)."""
    text = f"{why} {_EARLIER_WHY.sub('', pending.question)}" if why else pending.question
    return Reply(text=text, options=pending.options, ticket=pending.ticket, asks=pending)


def who_takes(number: str, options: Sequence[Option]) -> Reply:
    return asking(Pending(Slot.ASSIGNEE, number, notices.question(Slot.ASSIGNEE, number), tuple(options)))


def which_status(number: str, allowed: Iterable[TicketStatus]) -> Reply:
    options = tuple(
        Option(s.words.capitalize(), f"set {number} to {s.words}")
        for s in allowed
    )
    return asking(Pending(Slot.STATUS, number, notices.question(Slot.STATUS, number), options))


def what_comment(number: str) -> Reply:
    return asking(Pending(Slot.COMMENT, number, notices.question(Slot.COMMENT, number)))


def which_field(ticket: Ticket, editable: Iterable[str]) -> Reply:
    """Only the fields this viewer may change, each with the value it has now."""
    allowed = set(editable)
    options = tuple(
        Option(f"{FIELD_LABELS[slot]}: {_shown(ticket, slot)}", slot.value)
        for slot in EDIT_SLOTS if slot.value in allowed
    )
    number = ticket.ticket_number
    return asking(Pending(Slot.FIELD, number, notices.question(Slot.FIELD, number), options))


def field_value(number: str, slot: Slot, *, why: str | None = None) -> Reply:
    """The new value of one field; `why`: what was wrong with the value said first."""
    options: tuple[Option, ...] = ()
    if slot is Slot.PRIORITY:
        options = tuple(Option(p.value.capitalize(), p.value) for p in Priority)
    elif slot is Slot.CATEGORY:
        options = tuple(Option(c.value.capitalize(), c.value) for c in Category)
    elif slot is Slot.SEVERITY:
        options = tuple(Option(s.value.capitalize(), s.value) for s in Severity)
    return asking(Pending(slot, number, notices.question(slot, number), options), why=why)


def _shown(ticket: Ticket, slot: Slot) -> str:
    value: object = {
        Slot.TITLE: ticket.title, Slot.DESCRIPTION: ticket.description,
        Slot.PRIORITY: ticket.priority.value, Slot.CATEGORY: ticket.category.value,
        Slot.DUE_DATE: ticket.due_date.date().isoformat() if ticket.due_date else None,
        Slot.SEVERITY: ticket.severity.value if ticket.severity else None,
    }[slot]
    text = " ".join(str(value).split()) if value else "none"
    return text if len(text) <= SHOWN_VALUE else text[: SHOWN_VALUE - 1] + "…"
