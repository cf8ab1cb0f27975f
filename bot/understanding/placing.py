"""Who a new ticket goes to and when it is due, said around its title.

"log a ticket for the network team: switch in room 4 is down", "open a ticket and assign
it to me: vpn drops", "printer jammed, log it and put it on the network team",
"new ticket due Friday: renew the certificate": the words that place the ticket are
taken out, the rest is its title.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from bot.understanding.context import Conversation
from bot.understanding.deadline import due_said
from bot.understanding.message import DATE, NUMBER, REF, Message, Word
from bot.understanding.requests import Nobody, TeamTarget, UserTarget
from bot.understanding.targets import TEAM_WORDS, Ambiguous, Found, find_target

_GIVE = frozenset({"assign", "give", "put", "send", "route", "queue", "hand", "pass", "forward",
                   "escalate"})
_TO = frozenset({"to", "on", "with", "for", "into", "in"})
_OBJECT = frozenset({REF, "this", "that", "one", "the", "ticket"})
_POLITE = frozenset({"please", "and", "then", "also", "so"})
_ARTICLES = frozenset({"the", "a", "an", "my", "our", "their", "his", "her", "some", "all"})
_EVERYONE_IN = frozenset({"whole", "entire", "everyone", "everybody", "all"})
_SOMEONE_MAX = 6  # words: "the network and security folks"
_NOT_SOMEONE = frozenset({"me", "us", "now", "today", "tomorrow", "later", "this", "that",
                          "tref", "it", "them", "you"})


@dataclass(frozen=True, slots=True)
class Placed:
    """Words `first:last` are left for the title; `said` names who should take the ticket
    (empty: no one was named) and `due` when it is due."""

    first: int
    last: int
    said: tuple[Word, ...] = ()
    due: date | None = None
    asked: bool = False
    """`said` was set apart ("for Sam:", "assign it to Sam"), so a name that fits no one is
    asked about; otherwise ("… for everyone") it is simply part of the title."""
    alone: bool = False
    """"for X" is set apart ("for Sam: …") or all there is ("create a ticket for Lee"): a
    person it names counts too, but a name that fits no one is the title's ("new ticket for
    Outlook: crashes on start")."""


def place(message: Message, first: int, last: int, *, today: date, names: bool = True) -> Placed:
    """The placing words at the start ("for the network team:", "due Friday -", "and assign
    it to me:") and at the end (", due Friday", "and put it on the network team", "for the
    Network folks") of words `first:last`; `names` False: only when it is due. A day said
    is read as `due_said` reads it for a ticket filed already, a day gone included."""
    placed = Placed(first, last)
    while (found := _leading(message, placed, today=today, names=names)) is not None:
        placed = found
    while (found := _trailing(message, placed, today=today, names=names)) is not None:
        placed = found
    return placed


def place_after_ask(message: Message, first: int, last: int, *, today: date) -> Placed:
    """The words after an ask to file: "log it for the network team", "raise it with
    networking", "report it to facilities, due Friday" name who takes it."""
    texts = [w.text for w in message.words]
    if first < last and texts[first] in ("for", "with", "to"):
        inner = place(message, first + 1, last, today=today, names=False)
        if 0 < inner.last - inner.first <= _SOMEONE_MAX:
            return Placed(last, last, tuple(message.words[inner.first:inner.last]), inner.due,
                          asked=True)
    return place(message, first, last, today=today)


def addressee(placed: Placed, conversation: Conversation) -> Found | None:
    """Who `placed.said` names: a person or team, or why not (`Ambiguous`, `NoSuchTarget`);
    None when nobody was named, or when the words were likely the title's after all."""
    if not placed.said:
        return None
    words = [_as_typed(word) for word in placed.said]
    if {w.text for w in words[:2]} & _EVERYONE_IN:
        return None  # "… for the whole sales team": who it hits, not who takes it
    found = find_target(words, conversation)
    if isinstance(found, Nobody):
        return None
    texts = [w.text for w in words]
    if any(t in TEAM_WORDS for t in texts) or placed.asked and texts[0] not in _ARTICLES:
        return found  # set apart as someone ("for Sam:"), or a team: asked about if unknown
    if isinstance(found, TeamTarget) or not conversation.directory:
        return found  # "… for networking"; "… for Priya" is on her behalf, part of the title
    return found if placed.alone and isinstance(found, (UserTarget, Ambiguous)) else None


def _as_typed(word: Word) -> Word:
    """"the IT team": "it" was read as a ticket, but here it is what was typed."""
    if word.text == REF and word.typed.strip(".,:;!?").lower() in ("it", "this", "that"):
        return replace(word, text=word.typed.strip(".,:;!?").lower())
    return word


def _leading(message: Message, placed: Placed, *, today: date, names: bool) -> Placed | None:
    texts = [w.text for w in message.words]
    i, last = placed.first, placed.last
    if i >= last:
        return None
    if texts[i] == "due" and (due := _due_at(message, i, last, today)) is not None:
        when, after = due
        return replace(placed, first=_past_separator(message, after - 1, last), due=when)
    if not names:
        return None
    if texts[i] in ("for", "with") and not placed.said and i + 1 < last:  # "… with network:"
        end = _clause_end(message, i + 1, last)
        said = {_as_typed(w).text for w in message.words[i + 1:end + 1]} if end else set()
        if end is not None and not said <= _NOT_SOMEONE | _POLITE | {"pls"}:  # "for me pls:"
            return replace(placed, first=_past_separator(message, end, last),
                           said=tuple(message.words[i + 1:end + 1]), alone=True)
    start = i + (texts[i] in _POLITE)
    start += start < last and texts[start] == "please"
    if start < last and texts[start] in _GIVE and not placed.said:
        who = _given_to(texts, start, last)
        end = _clause_end(message, who, last) if who is not None else None
        if who is not None and end is not None:
            return replace(placed, first=_past_separator(message, end, last),
                           said=tuple(message.words[who:end + 1]), asked=True)
    return None


def _trailing(message: Message, placed: Placed, *, today: date, names: bool) -> Placed | None:
    texts = [w.text for w in message.words]
    first, last = placed.first, placed.last
    for k in range(max(first, last - 4), last):  # "…, due by Friday"
        if texts[k] == "due" and (due := _due_at(message, k, last, today)) and due[1] == last:
            return replace(placed, last=k, due=due[0])
    if placed.said or not names:
        return None
    for k in range(max(first, last - _SOMEONE_MAX - 4), last - 1):
        said_from = None
        if texts[k] in _GIVE and (_ends_clause(message, k - 1) or texts[k - 1] in _POLITE):
            said_from = _given_to(texts, k, last)
            asked = True
        elif texts[k] == "for" and texts[k + 1] not in _NOT_SOMEONE and last - k - 1 <= 4:
            said_from, asked = k + 1, False
        if said_from is None or said_from >= last or last - said_from > _SOMEONE_MAX:
            continue
        if any(_as_typed(message.words[j]).text in (REF, DATE, NUMBER)
               for j in range(said_from, last)):
            continue
        end = k
        while end > first and texts[end - 1] in _POLITE and not _ends_clause(message, end - 1):
            end -= 1
        return replace(placed, last=end, said=tuple(message.words[said_from:last]), asked=asked,
                       alone=end == first)
    return None


def _given_to(texts: list[str], verb: int, last: int) -> int | None:
    """After "assign" / "put" …: "it to", "this one on", "to": where the name starts."""
    j = verb + 1
    while j < last and texts[j] in _OBJECT and j - verb <= 2:
        j += 1
    j += j < last and texts[j] == "over"
    if j < last and texts[j] in _TO and j + 1 < last:
        return j + 1
    return None


def _clause_end(message: Message, begin: int, last: int) -> int | None:
    """The last word of a short phrase ending at ":", ",", " - " or before "due"."""
    texts = [w.text for w in message.words]
    for j in range(begin, min(begin + _SOMEONE_MAX, last - 1)):
        if _as_typed(message.words[j]).text in (REF, DATE, NUMBER):
            return None
        if _ends_clause(message, j) or texts[j + 1] == "due":
            return j
    return None


def _ends_clause(message: Message, index: int) -> bool:
    """Word `index` is followed by ":", ",", ";" or a dash (typed onto it, or on its own
    after a mention: "for <at>Sam</at>: …")."""
    if index < 0:
        return False
    words = message.words
    end = message.spans[words[index].last][1]
    following = words[index + 1] if index + 1 < len(words) else None
    between = message.text[end:message.spans[following.first][0] if following else None]
    return (message.typed_to(words[index]).endswith((":", ",", ";"))
            or any(c in between for c in ":,;")
            or following is not None and following.text in ("-", "–", "—"))


def _past_separator(message: Message, end: int, last: int) -> int:
    after = end + 1
    return after + 1 if after < last and message.words[after].text in ("-", "–", "—") else after


def _due_at(message: Message, index: int, last: int, today: date) -> tuple[date, int] | None:
    """"due Friday", "due by Friday", "due on the 12th", "due yesterday", "due last Friday":
    the date and the word after it."""
    texts = [w.text for w in message.words]
    j = index + 1
    while j < last and texts[j] in ("by", "on", "date", "the") and j - index <= 2:
        j += 1
    end = j + 2 if j + 1 < last and texts[j] in ("last", "past") and texts[j + 1] == DATE else (
        j + 1 if j < last and texts[j] in (DATE, "yesterday") else None)
    if end is None or (when := due_said(message.words[j:end], today)) is None:
        return None
    return when, end

