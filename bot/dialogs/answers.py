"""An answer to a pending question, read into the request it completes.

Pure: the answer is read by the same understanding as any message, in the words of
the question ("assign TKT-… to" + the answer), so a choice's number, its label, a
name, an email, "me", "done" or "next Friday" all end as the same typed request the
action handlers take. What cannot be read asks the question again, saying why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.actions import notices
from bot.actions.pending import EDIT_SLOTS, Pending, Slot
from bot.understanding import Conversation, understand
from bot.understanding.courtesy import courtesy
from bot.understanding.requests import (
    AssignTicket, ChangeStatus, Clarify, CommentOnTicket, EditTicket, TicketRequest, Understanding,
)
from domain.numbering import parse_ticket_number

FIELD_WORDS = {
    "title": Slot.TITLE, "name": Slot.TITLE, "subject": Slot.TITLE, "summary": Slot.TITLE,
    "heading": Slot.TITLE, "description": Slot.DESCRIPTION, "details": Slot.DESCRIPTION,
    "body": Slot.DESCRIPTION, "text": Slot.DESCRIPTION, "priority": Slot.PRIORITY,
    "urgency": Slot.PRIORITY, "importance": Slot.PRIORITY, "category": Slot.CATEGORY,
    "kind": Slot.CATEGORY, "type": Slot.CATEGORY, "due": Slot.DUE_DATE,
    "due date": Slot.DUE_DATE, "deadline": Slot.DUE_DATE, "date": Slot.DUE_DATE,
    "due by": Slot.DUE_DATE, "due_date": Slot.DUE_DATE, "severity": Slot.SEVERITY,
    "impact": Slot.SEVERITY,
}
_FILLER = ("the ", "its ", "change ", "update ", "edit ", "set ", "i want to change ")
_QUOTES = "\"'“”‘’«»"
SKIP_WORDS = frozenset({"skip", "no", "none", "-", "n/a"})


def skips(text: str) -> bool:
    """"skip", "N/A", "none.": an answer left out, which a description may be and a title
    never is."""
    return text.strip().rstrip(".!").strip().casefold() in SKIP_WORDS


@dataclass(frozen=True, slots=True)
class AskAgain:
    """The answer did not fit: the same question (or a narrower one), and why."""

    pending: Pending
    why: str


@dataclass(frozen=True, slots=True)
class AskNext:
    """The answer chose what to ask next (which field → its new value)."""

    slot: Slot


Answer = TicketRequest | Clarify | AskAgain | AskNext


def read_answer(pending: Pending, said: str, conversation: Conversation) -> Answer:
    """`conversation.last_ticket` should be the pending ticket, so "it" means that ticket."""
    text = said.strip()
    if not text:
        return AskAgain(pending, notices.try_again("I didn't get an answer."))
    option = pending.chosen(text)
    if option is not None:
        text = option.says
    elif pending.options and text.strip(" .").isdecimal() and pending.slot is not Slot.COMMENT:
        return AskAgain(pending, notices.not_a_choice(len(pending.options)))
    whole = understand(text, conversation)
    if completes(pending, whole):
        assert isinstance(whole, (AssignTicket, ChangeStatus, CommentOnTicket, EditTicket))
        return whole
    return _in_words(pending, text, conversation)


def plain_words(text: str) -> str:
    """Lower case, apostrophes dropped, words only: "I don't know!" → "i dont know"."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold().replace("'", "").replace("’", "")))


_UNSURE = re.compile(
    r"(?:(?:hmm|um|erm|uh|well|honestly|sorry|no) )*(?:(?:i am|im|i m) )?(?:"
    r"not (?:really )?sure|unsure|no idea|no clue|not a clue|dunno|idk|i dunno|(?:i )?(?:dont|do not) know"
    r"|(?:i )?(?:dont|do not) (?:really )?know|(?:i )?(?:have|ve) no idea|whatever|any|anything|either"
    r"|any of them|none of them|none|not sure which|you (?:pick|choose|decide)|up to you"
    r"|(?:it )?(?:doesnt|does not) matter|no preference|(?:i )?(?:cant|cannot) (?:say|tell)"
    r"|(?:not|no) (?:sure|idea) (?:what|which)(?: (?:kind|type|one|it is|its|to pick))*"
    r"|(?:whatever|anything) (?:fits|works|you think)|(?:you|u) tell me|skip)"
    r"(?: (?:sorry|tbh|really|honestly|to be honest|lol|haha|mate|thanks|thx|please|pls"
    r"|whatever you think|you decide|up to you|either way))*")
"""Answers that say the person cannot choose (lower case, apostrophes dropped, words only)."""


def cannot_choose(text: str) -> bool:
    """Whether an answer says the person cannot choose ("not sure", "idk", "up to you")."""
    return _UNSURE.fullmatch(plain_words(text)) is not None


_UNSURE_MOST = 80  # characters: "hmm not sure, whatever you think"


def unsure(text: str) -> bool:
    """Whether a message only says the person does not know what to pick ("hmm not sure,
    whatever you think"), in the words the new-ticket dialog reads as no choice: the bot
    never picks for them, so nothing is changed."""
    return len(text) <= _UNSURE_MOST and cannot_choose(text)


def another_change(pending: Pending, request: object) -> bool:
    """A change of another kind than the one asked for, of a ticket said ("change the
    priority of 2" under "Who should take 2?"): a request of its own, not the answer."""
    expected = {Slot.ASSIGNEE: AssignTicket, Slot.STATUS: ChangeStatus,
                Slot.COMMENT: CommentOnTicket}.get(pending.slot, EditTicket)
    return isinstance(request, (AssignTicket, ChangeStatus, CommentOnTicket, EditTicket)) and (
        not isinstance(request, expected)) and request.ticket is not None


def completes(pending: Pending, understood: Understanding) -> bool:
    """A whole request for the pending ticket and action ("give it to Lee", "set it to done")."""
    ticket = getattr(understood, "ticket", None)
    if ticket is None or str(ticket) != pending.ticket:
        return False
    match understood:
        case AssignTicket(to=to):
            return pending.slot is Slot.ASSIGNEE and to is not None
        case ChangeStatus(status=status):
            return pending.slot is Slot.STATUS and status is not None
        case CommentOnTicket(text=text):
            return pending.slot is Slot.COMMENT and text is not None
        case EditTicket():
            return (pending.slot is Slot.FIELD or pending.slot in EDIT_SLOTS) and \
                understood.has_changes
        case _:
            return False


def _in_words(pending: Pending, text: str, conversation: Conversation) -> Answer:
    number = pending.ticket
    ticket = parse_ticket_number(number)
    match pending.slot:
        case Slot.COMMENT:
            return CommentOnTicket(ticket, text)
        case Slot.TITLE | Slot.DESCRIPTION if courtesy(text) is not None or skips(text):
            return AskAgain(pending, notices.no_value_in_courtesy(_short(text), pending.slot.value))
        case Slot.TITLE:
            return EditTicket(ticket, title=text.strip(_QUOTES).strip() or text)
        case Slot.DESCRIPTION:
            return EditTicket(ticket, description=text)
        case Slot.FIELD:
            return _field(pending, text, conversation)
        case Slot.ASSIGNEE:
            found = understand(f"assign {number} to {text}", conversation)
            if isinstance(found, AssignTicket) and found.to is not None:
                return found
            if isinstance(found, Clarify) and found.choices:
                return found
            return AskAgain(pending, notices.unknown_person(_short(text)))
        case Slot.STATUS:
            found = understand(f"set {number} to {text}", conversation)
            if isinstance(found, ChangeStatus) and found.status is not None:
                return found
            return AskAgain(pending, notices.unknown_status(_short(text)))
        case Slot.PRIORITY | Slot.CATEGORY | Slot.DUE_DATE | Slot.SEVERITY:
            name = "due date" if pending.slot is Slot.DUE_DATE else pending.slot.value
            found = understand(f"set the {name} of {number} to {text}", conversation)
            if isinstance(found, EditTicket) and found.has_changes:
                return found
            if isinstance(found, Clarify) and isinstance(found.request, EditTicket) and (
                    found.request.due is not None):  # "yesterday": past, so asked again
                return AskAgain(pending, notices.past_due(found.request.due, _short(text)))
            return AskAgain(pending, notices.unknown_value(_short(text), pending.slot.value))


def _field(pending: Pending, text: str, conversation: Conversation) -> Answer:
    """A field by name ("priority", "the due date"), or a field and its value at once."""
    simple = " ".join(text.lower().strip(" .!?:").split())
    trimmed = ""
    while trimmed != simple:
        trimmed = simple
        for filler in _FILLER:
            simple = simple.removeprefix(filler)
    offered = {option.says for option in pending.options}
    for words in sorted(FIELD_WORDS, key=len, reverse=True):
        slot = FIELD_WORDS[words]
        if slot.value not in offered:
            continue
        if simple == words:
            return AskNext(slot)
        if simple.startswith(words + " "):
            value = simple[len(words):].strip().removeprefix("to ").removeprefix("is ").strip()
            original = text.strip()[len(text.strip()) - len(value):] if value else ""
            inner = replace(pending, slot=slot, options=())
            return _in_words(inner, original or value, conversation) if value else AskNext(slot)
    return AskAgain(pending, notices.unknown_field(_short(text)))


def _short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
