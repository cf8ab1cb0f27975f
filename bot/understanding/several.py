"""Several tickets named for one request: "close 4 and 5", "assign 4, 5 and 7 to Sam",
"close 4 5", "show 4 and 5"."""

from __future__ import annotations

from dataclasses import replace

from bot.understanding.message import NUMBER, REF, Message, Word, typed_text
from bot.understanding.requests import (
    AssignTicket, Both, ChangeStatus, Clarify, CommentOnTicket, EachTicket, EditTicket, HowMuchLater,
    ShowTicket,
    Understanding,
)
from domain.numbering import TicketNumber

_JOINS = frozenset({"and", "&", "+", "n", "then", "also", "plus"})
"""Words between two tickets of one run, up to `_JOINED_BY` of them: "4 and 5", "4 then 5",
"4 and also 5", "4, then 5"."""
_JOINED_BY = 2
_POINTED_BY = frozenset({"see", "cf", "compare", "ref", "re", "per", "like", "vs", "versus"})
"""Words that point to a ticket named after them ("see also 5"): not one changed too."""
_BOTH = frozenset({"both", "all"})
_TOO = (("too",), ("as", "well"), ("also",), ("aswell",))


def gather_tickets(message: Message) -> tuple[TicketNumber, ...]:
    """The tickets of the first run of typed numbers joined by commas, "and" or only a space
    ("4, 5 and 7", "4 5"), merged into the run's first word so the rules read one ticket;
    () when none.

    Only numbers typed as such ("it" is never one of them), each word looked at once."""
    words = message.words
    index = 0
    while index < len(words):
        run = _run(message, index)
        if len(run) > 1:
            tickets = tuple(dict.fromkeys(t for i in run if (t := message.ticket(i)) is not None))
            head = words[run[0]]
            after = run[-1] + 1
            if after == len(words) - 1 and words[after].text in _BOTH:  # "close 4 and 5 both"
                after += 1
            words[run[0]:after] = [Word(head.text, head.first, words[after - 1].last,
                                        head.value, typed_text(words[run[0]:after]))]
            if run[0] > 0 and words[run[0] - 1].text in _BOTH:  # "close both 4 and 5"
                del words[run[0] - 1]
            return tickets if len(tickets) > 1 else ()
        index = run[-1] + 1 if run else index + 1
    return _said_after(message)


def _said_after(message: Message) -> tuple[TicketNumber, ...]:
    """"put 104 on hold then 105 too", "assign 4 to Sam and 5 as well": a second ticket at
    the end, after the change said of the first, is the same change made to it; the words
    for it are dropped, so the rules read the change of the first alone. Only with "then",
    "also" or "too" (or "as well") saying so, and never in a comment's text; after a dash or
    a full stop too ("close 779 - 780 also", "close 779. also 780")."""
    words = message.words
    end = len(words)
    too = next((len(t) for t in _TOO if tuple(w.text for w in words[end - len(t):end]) == t), 0)
    last = end - too - 1
    if last < 2 or not _typed_ticket(message, last) or ":" in message.text:
        return ()
    named = last - 1 if words[last - 1].text in ("ticket", "tkt", "number", "no") else last
    joined = named  # "close 4 - ticket 5 too"
    while joined > 0 and words[joined - 1].text in _JOINS and named - joined < _JOINED_BY:
        joined -= 1
    said = {w.text for w in words[joined:named]}
    if not (too or said & {"then", "also"}):
        return ()
    if joined > 0 and words[joined - 1].text in _POINTED_BY:
        return ()  # "close 4 - see also 5": 5 is pointed to, not closed
    apart = _set_apart(message, joined - 1) or named < last and _ends_with_comma(message, joined - 1)
    if joined == named and not apart:
        return ()
    if named == last and not (apart or _ends_with_comma(message, joined - 1)) and (
            words[joined - 1].text in (REF, NUMBER)):
        return ()  # a run, read above
    earlier = [i for i in range(joined) if _typed_ticket(message, i)]
    first, second = message.ticket(earlier[0]) if len(earlier) == 1 else None, message.ticket(last)
    if first is None or second is None or first == second:
        return ()
    del words[joined:end]
    return (first, second)


def _set_apart(message: Message, index: int) -> bool:
    """Whether a dash or a full stop stands between word `index` and the next ("close 779 -
    780 also", "close 779. also 780"): the next is said after, not a run with it."""
    if index < 0 or index + 1 >= len(message.words):
        return False
    between = message.text[message.spans[message.words[index].last][1] - 1:
                           message.spans[message.words[index + 1].first][0]]
    return any(mark in between for mark in ("-", "–", "—", ".", ";"))


def _run(message: Message, index: int) -> list[int]:
    """The word indexes of the typed tickets joined from `index` on."""
    if not _typed_ticket(message, index):
        return []
    run = [index]
    while True:
        last = run[-1]
        after = last + 1
        if message.text[message.spans[message.words[last].last][1] - 1] in ":;.":
            return run  # "comment on 4: also 5 users …": what follows is the comment
        while after < len(message.words) and message.words[after].text in _JOINS and (
                after - last <= _JOINED_BY):
            after += 1
        if after == last + 1 and not _ends_with_comma(message, last) and not _next_typed(
                message, last):
            return run
        if not _typed_ticket(message, after):
            return run
        run.append(after)


def _typed_ticket(message: Message, index: int) -> bool:
    if index >= len(message.words) or message.words[index].text not in (REF, NUMBER):
        return False
    typed = message.words[index].typed
    return message.ticket(index) is not None and any(ch.isdigit() for ch in typed)


def _ends_with_comma(message: Message, index: int) -> bool:
    return message.text[message.spans[message.words[index].last][1] - 1] == ","


def _next_typed(message: Message, index: int) -> bool:
    """"close 4 5": the next token, after a space alone, is typed as a ticket too (no colon,
    dash or full stop between them: "comment on 4: 5 users …" is one ticket)."""
    words = message.words
    if index + 1 >= len(words) or words[index + 1].first != words[index].last + 1:
        return False
    typed = message.text[message.spans[words[index].last][0]:message.spans[words[index].last][1]]
    return typed[-1:].isdigit()


def for_each(
    found: Understanding, tickets: tuple[TicketNumber, ...], *, final: bool
) -> Understanding:
    """What was read about the first of several tickets, made about (or shown for) each.

    A change that still needs an answer is asked about the first ticket alone (`final`:
    the people and teams were read, so no second reading will complete it); a question, a
    "don't" or anything else that changes nothing stays as it was read."""
    if not tickets:
        return found
    match found:
        case AssignTicket(ticket=ticket, to=to) if ticket == tickets[0] and to is not None:
            return EachTicket(tickets, found)
        case ChangeStatus(ticket=ticket, status=status) if (
                ticket == tickets[0] and status is not None):
            return EachTicket(tickets, found)
        case EditTicket(ticket=ticket) if ticket == tickets[0] and found.has_changes:
            return EachTicket(tickets, found)
        case CommentOnTicket(ticket=ticket, text=str()) if ticket == tickets[0]:
            return EachTicket(tickets, found)
        case ShowTicket(ticket=ticket) if ticket == tickets[0]:
            return EachTicket(tickets, found)
        case HowMuchLater(ticket=ticket) if ticket == tickets[0]:  # "push 4 and 5 out a bit"
            return replace(found, also=tickets[1:])
        case Clarify(request=request) if final and getattr(request, "ticket", None) == tickets[0]:
            return replace(found, question=f"One ticket at a time: {found.question}")
        case Both(first=first, second=second) if _ticket_of(second) == tickets[0] and (
                _ticket_of(first) != tickets[0]):  # "close 4, then assign 6 and 7 to me",
            # "assign 4 to priya, then close 3 and 4": the run is the second's
            each = for_each(second, tickets, final=final)
            if isinstance(each, (EachTicket, Clarify)):
                return replace(found, second=each)
    return found


def _ticket_of(part: object) -> object:
    """The ticket a part of two changes is about (a question: the one it asks about)."""
    return getattr(getattr(part, "request", part), "ticket", None)
