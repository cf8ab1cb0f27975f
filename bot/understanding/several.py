"""Several tickets named for one request: "close 4 and 5", "assign 4, 5 and 7 to Sam",
"close 4 5", "show 4 and 5"."""

from __future__ import annotations

from dataclasses import replace

from bot.understanding.message import NUMBER, REF, Message, Word, typed_text
from bot.understanding.requests import (
    AssignTicket, ChangeStatus, Clarify, CommentOnTicket, EachTicket, EditTicket, ShowTicket,
    Understanding,
)
from domain.numbering import TicketNumber

_JOINS = frozenset({"and", "&", "+", "n"})


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
            words[run[0]:run[-1] + 1] = [Word(head.text, head.first, words[run[-1]].last,
                                              head.value, typed_text(words[run[0]:run[-1] + 1]))]
            return tickets if len(tickets) > 1 else ()
        index = run[-1] + 1 if run else index + 1
    return ()


def _run(message: Message, index: int) -> list[int]:
    """The word indexes of the typed tickets joined from `index` on."""
    if not _typed_ticket(message, index):
        return []
    run = [index]
    while True:
        last = run[-1]
        after = last + 1
        if after < len(message.words) and message.words[after].text in _JOINS:
            after += 1
        elif not _ends_with_comma(message, last) and not _next_typed(message, last):
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
        case Clarify(request=request) if final and getattr(request, "ticket", None) == tickets[0]:
            return replace(found, question=f"One ticket at a time: {found.question}")
    return found
