"""A second change of the same tickets said after the first: "assign 4 and 5 to priya, then
close them", "give 12 to sam and make it urgent both", "give all of alex's tickets to priya,
then close them".

The first change was read and the rest dropped ("close them" names no ticket, so it was
left out, or posted as the reason of a status change). Both are made, in turn, of the
tickets the first names; a list's change is offered with the second said in the same
offer. When the second cannot be read whole, nothing is made: a change half made is worse
than one asked again."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.understanding.context import Conversation
from bot.understanding.requests import (
    AssignTicket, Both, ChangeStatus, Choice, Clarify, EachListed, EachTicket, EditTicket,
    Understanding, Unknown,
)
from bot.understanding.words import corrected
from domain.tickets import Priority

Reader = Callable[[str, Conversation], Understanding]

_MOST = 300
"""Characters read: a second change of "them" is said in a short message."""
_THEN_THEM = re.compile(
    r"(?:\s*[,;]\s*|\s+)(?:(?:and|then|&|also|after that|afterwards|and then)[\s,]+)+"
    r"(?:(?:please|pls|plz|also|just)\s+)*"
    r"(?P<then>(?P<verb>[a-z][a-z-]*)\b(?P<rest>[^,;.!?]*?\b(?P<them>them|those|these|both"
    r"|all of them|each of them|em|'em)\b[^,;.!?]*?))[\s.!]*$", re.IGNORECASE)
_VERBS = frozenset({
    "close", "resolve", "reopen", "assign", "reassign", "give", "move", "set", "make", "put",
    "mark", "hold", "escalate", "send", "hand", "pass", "bump", "lower", "raise", "start",
    "unassign", "change", "update", "prioritise", "prioritize", "park", "pause",
})
_THEM = re.compile(r"\b(?:all of them|each of them|them|those|these|both|'em|em)\b", re.IGNORECASE)


def then_them(
    found: Understanding, text: str, conversation: Conversation, read: Reader
) -> Understanding:
    """`found` with the second change of "them" said after it made too; `found` as it was
    when no such change follows, or when `found` already holds two changes."""
    said = _THEN_THEM.search(text[-_MOST:]) if len(text) <= _MOST else None
    if said is None or corrected(said["verb"].lower()) not in _VERBS or isinstance(found, Both):
        return found
    first = found.change if isinstance(found, EachTicket) else found
    if not isinstance(found, (EachTicket, EachListed, AssignTicket, ChangeStatus, EditTicket)) or (
            isinstance(first, ChangeStatus | AssignTicket | EditTicket) and first.ticket is None):
        return found
    tickets = found.tickets if isinstance(found, EachTicket) else (
        (first.ticket,) if isinstance(first, ChangeStatus | AssignTicket | EditTicket)
        and first.ticket is not None else ())
    again = read(text[:len(text) - len(said[0])], conversation)  # "close 4, then give them
    found = again if type(again) is type(found) else found  # to sam": never "then give …"
    # posted as why, nor searched for in a list
    one = replace(conversation, last_ticket=tickets[0] if tickets else conversation.number(1))
    second = read(_THEM.sub("it", said["then"]), one)
    request = second.request if isinstance(second, Clarify) else second
    if isinstance(request, AssignTicket) and isinstance(second, Clarify) and (
            not conversation.directory):  # who "sam" is: read again with the people
        return second if isinstance(found, EachListed) else Both(found, second)
    if not isinstance(request, (AssignTicket, ChangeStatus, EditTicket)) or (
            tickets and request.ticket != tickets[0]) or (
            isinstance(second, Clarify) and not isinstance(request, AssignTicket)):
        return Unknown(text.strip())  # a second change not read whole: neither is made
    if isinstance(found, EachListed):
        if isinstance(request, ChangeStatus | AssignTicket) and not isinstance(second, Clarify):
            return replace(found, then=replace(request, ticket=None))
        return Unknown(text.strip())
    if len(tickets) > 1:
        if isinstance(second, Clarify):
            return Unknown(text.strip())  # who "sam" is, asked of several: said again
        return Both(found, EachTicket(tickets, request))
    return Both(found, second if isinstance(second, Clarify) else request)


_JOINED = re.compile(r"\s*[,;]\s*|\s+(?:and|then|&)\s+|\s+[-–—]+\s+")
_LEADS = re.compile(r"^(?:(?:and|then|also|please|pls|plz|just)[\s,]+)*", re.IGNORECASE)
_TAIL_VERBS = frozenset({"set", "make", "mark", "put", "change", "push", "move", "bump",
                         "raise", "lower", "start", "close", "resolve", "reopen", "assign",
                         "give", "escalate", "due"})
_TAIL_MOST = 80
_BARE_PRIORITY = re.compile(
    r"(?:(?:its|it's|it is|as|and)\s+)?(?P<priority>urgent|high|medium|low)"
    r"(?:\s+(?:priority|prio|pri))?\s*!*", re.IGNORECASE)
_FIRST_VERBS = _TAIL_VERBS - {"due"} | {"take", "reassign", "hand", "send", "pass", "hold",
                                       "update"}
"""How a change asked opens ("take 12 and …"); a state told first is left to its own rule."""


def then_it(
    found: Understanding, text: str, conversation: Conversation, read: Reader
) -> Understanding:
    """A second change of the one ticket, said after the first with its own verb ("take 12
    and set due friday", "assign 12 to sam, set it to high", "put 12 on hold, due friday"):
    one of the two was read and the other dropped. Both are made, in turn; `found` as it was
    when the last clause is no change of another kind of that ticket."""
    if len(text) > _MOST or isinstance(found, Both) or not isinstance(
            found, (AssignTicket, ChangeStatus, EditTicket)) or found.ticket is None:
        return found
    opening = _LEADS.sub("", text.strip()).split(maxsplit=1)
    if not opening or corrected(opening[0].lower()) not in _FIRST_VERBS:
        return found  # "40 is blocked, give it to sam": a state told, then the request
    for joined in _JOINED.finditer(text):
        tail = _LEADS.sub("", text[joined.end():].strip().rstrip(".! "))
        verb = tail.split(maxsplit=1)[0].lower() if tail else ""
        if corrected(verb) not in _TAIL_VERBS and not _BARE_PRIORITY.fullmatch(tail) or len(
                tail) > _TAIL_MOST or any(
                mark in tail for mark in ",;?"):
            continue
        first = read(text[:joined.start()], conversation)
        if not isinstance(first, (AssignTicket, ChangeStatus, EditTicket)) or first.ticket is None:
            continue
        if (bare := _BARE_PRIORITY.fullmatch(tail)) and isinstance(first, EditTicket) and (
                _values_listed(first)):
            return replace(first, priority=Priority(bare["priority"].lower()))  # "change 4 to
            # a bug, high": one edit, as "change 4 to a bug and high" is
        if (bare := _BARE_PRIORITY.fullmatch(tail)) and (
                not isinstance(first, EditTicket)):
            priority = Priority(bare["priority"].lower())  # "assign 12 to sam, urgent": the
            return Both(first, Clarify(EditTicket(first.ticket), f"Should {first.ticket} be "
                                       f"{priority.value} priority?", (Choice("Yes", priority),)))
            # hand-over made, the priority (or "urgently") asked, never dropped
        verb_said, _, rest = tail.partition(" ")
        for asked in (f"set it {tail}",) if verb == "due" else (tail, f"{verb_said} it {rest}"):
            second = read(asked.strip(), replace(conversation, last_ticket=first.ticket))
            if isinstance(second, (AssignTicket, ChangeStatus, EditTicket)) and (
                    second.ticket == first.ticket and type(second) is not type(first)) and (
                    _whole(second)):
                return Both(first, second)
            if isinstance(second, Clarify) and isinstance(second.request, AssignTicket) and (
                    second.request.ticket == first.ticket) and not isinstance(first, AssignTicket):
                return Both(first, second)  # "make 12 urgent, assign to sam": who, asked
    return found


def _values_listed(first: EditTicket) -> bool:
    """An edit of fields other than the priority, whose values a priority may be listed
    after; a title or description may hold the words after it, and is left as read."""
    return first.priority is None and first.title is None and first.description is None


def _whole(change: AssignTicket | ChangeStatus | EditTicket) -> bool:
    match change:
        case AssignTicket(to=to):
            return to is not None
        case ChangeStatus(status=status):
            return status is not None
        case EditTicket():
            return change.has_changes
    return False
