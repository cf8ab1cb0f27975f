"""A ticket of the list last shown, named as people do: "the switch one", "the wifi ticket",
"the second one", "the last one", "both". The message is read with its number in place."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from domain.tickets import MOST_URGENT_FIRST, Priority, Ticket, TicketStatus


@dataclass(frozen=True, slots=True)
class Listed:
    number: str
    title: str


@dataclass(frozen=True, slots=True)
class Picked:
    """The message with the ticket it named written as its number."""

    text: str


@dataclass(frozen=True, slots=True)
class Unsure:
    """Several listed titles fit: the message once with each, to choose from."""

    said: str
    choices: tuple[tuple[Listed, str], ...]
    described: bool = False
    """Named by how it stands ("the medium one"), not by a word of the title."""


@dataclass(frozen=True, slots=True)
class NotListed:
    """A place the list shown does not have ("the second one" of a list of one): said so,
    with the tickets it has, rather than read as a message of its own."""

    said: str
    listed: tuple[Listed, ...]


@dataclass(frozen=True, slots=True)
class Described:
    """A listed ticket named by how it stands rather than by its title or place ("the urgent
    one", "the oldest one", "the one on hold", "the unassigned ticket"): which one it is, the
    caller finds from the tickets themselves (`fitting_description`)."""

    said: str
    before: str
    after: str
    priority: Priority | None = None
    status: TicketStatus | None = None
    unassigned: bool = False
    newest: bool | None = None
    """True: the latest filed of those that fit; False: the oldest; None: any that fits."""
    most_urgent: bool = False
    """"the most urgent one", "the top priority one": of the highest priority listed."""

    def said_of(self, number: str) -> str:
        """The message with the ticket it named written as its number."""
        return f"{self.before}{number}{self.after}"


_PRIORITY_SAID = {"urgent": Priority.URGENT, "critical": Priority.URGENT,
                  "highest": Priority.HIGH, "high": Priority.HIGH, "medium": Priority.MEDIUM, "normal": Priority.MEDIUM,
                  "low": Priority.LOW}
_STATUS_SAID = {"open": TicketStatus.OPEN, "on hold": TicketStatus.ON_HOLD,
                "in progress": TicketStatus.IN_PROGRESS, "resolved": TicketStatus.RESOLVED,
                "closed": TicketStatus.CLOSED, "paused": TicketStatus.ON_HOLD,
                "started": TicketStatus.IN_PROGRESS}
_AGE_SAID = {"oldest": False, "earliest": False, "newest": True, "latest": True,
             "most recent": True, "recent": True}
_DESCRIBED = re.compile(
    rf"\bthe\s+(?P<words>(?:[\w-]+\s+){{0,3}}?[\w-]+)\s+{'(?:one|ticket|issue|request)'}\b"
    r"(?P<tail>\s+(?:on hold|in progress))?"
    r"|\bthe\s+(?:one|ticket)\s+(?:that(?:'s|s| is)\s+|which is\s+|)(?P<state>on hold|in progress"
    r"|nobody has|no one has|unassigned)\b", re.IGNORECASE)
_PRIORITY_WORD = frozenset({"priority", "prio", "pri"})
_PUT_IN = re.compile(r"\b(?:put|move|set|mark|place|switch|change|turn|shift|flip)\s+$",
                     re.IGNORECASE)
"""Just before "the … one on hold": the status after it is what to make it, not which one."""


def _described(text: str) -> Described | None:
    """"close the urgent one", "I'll take the oldest one", "show the one on hold": a
    listed ticket named only by its priority, status, having nobody on it, or age."""
    for found in _DESCRIBED.finditer(text):
        tail, end = found["tail"], found.end()
        if tail and _PUT_IN.search(text, max(0, found.start() - 24), found.start()):
            tail, end = None, found.start("tail")  # "put the urgent one on hold": the change
        said = " ".join(filter(None, (found["words"], found["state"], tail)))
        words = re.sub(r"\btop (?=prio)", "highest ", _fold(said))
        priority = status = newest = None
        unassigned = False
        for phrase in sorted({*_PRIORITY_SAID, *_STATUS_SAID, *_AGE_SAID, "unassigned",
                              "nobody has", "no one has"}, key=len, reverse=True):
            if re.search(rf"\b{phrase}\b", words):
                words = re.sub(rf"\b{phrase}\b", " ", words)
                if phrase in _PRIORITY_SAID and priority is None:
                    priority = _PRIORITY_SAID[phrase]
                elif phrase in _STATUS_SAID and status is None:
                    status = _STATUS_SAID[phrase]
                elif phrase in _AGE_SAID and newest is None:
                    newest = _AGE_SAID[phrase]
                elif phrase in ("unassigned", "nobody has", "no one has"):
                    unassigned = True
                else:
                    return None  # "the urgent high one": two of a kind, not guessed
        rest = words.split()
        most = priority is Priority.URGENT and "most" in rest or priority is Priority.HIGH and (
            _fold(said).startswith(("highest", "top "))) or "important" in rest
        if any(w not in _PRIORITY_WORD and w not in ("most", "important") for w in rest):
            continue  # a word of a title too ("the urgent printer one"): by its title
        if (priority, status, newest, unassigned, most) == (None, None, None, False, False):
            continue
        return Described(text[found.start():end], text[:found.start()], text[end:],
                         None if most else priority, status, unassigned, newest, most)
    return None


def fitting_description(described: Described, tickets: list[Ticket]) -> list[Ticket]:
    """The listed tickets a description fits, in the list's order: all of a priority or
    status, with nobody on them; the one filed first or last of those; the most urgent."""
    fitting = [ticket for ticket in tickets if (
        described.priority is None or ticket.priority is described.priority) and (
        described.status is None or ticket.status is described.status) and (
        not described.unassigned or ticket.assignee is None)]
    if described.most_urgent and fitting:
        top = min(MOST_URGENT_FIRST.index(ticket.priority) for ticket in fitting)
        fitting = [t for t in fitting if MOST_URGENT_FIRST.index(t.priority) == top]
    if described.newest is not None and fitting:
        pick_one = max if described.newest else min
        fitting = [pick_one(fitting, key=lambda ticket: (ticket.created_at, ticket.id))]
    return fitting


_ORDINALS = {"first": 0, "1st": 0, "top": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2,
             "fourth": 3, "4th": 3, "fifth": 4, "5th": 4, "last": -1, "bottom": -1}
_NOUNS = r"(?:one|ones|ticket|tickets|issue|issues|thing|problem|request)"
_NAMED = re.compile(rf"\bthe\s+((?:[\w'-]+\s+){{0,2}}?[\w'-]+)\s+{_NOUNS}\b", re.IGNORECASE)
_PLACE_ALONE = re.compile(
    rf"\bthe\s+({'|'.join(sorted(set(_ORDINALS) - {'top', 'bottom'}))})\b"
    r"(?=\s*(?:[.!?,]|$|(?:please|pls|plz|too|as well|also"
    r"|then|one too)\b))", re.IGNORECASE)
"""A place said alone after a list: "what about the second?", "and the first too"."""
_ANY_PLACE = re.compile(rf"\b(?:{'|'.join(_ORDINALS)})\b", re.IGNORECASE)
_BEING = re.compile(r"\b(?:was|is|am|are|were|be|been|s|its|it's)\s+$", re.IGNORECASE)
"""Before a place, what makes it said of something else: "I was the first"."""
_BOTH = re.compile(r"\b(?:both(?:\s+of\s+them)?|them\s+both)\b"
                   r"(?=\s*(?:[.!,]|$|please|pls|plz|now|too|for me|to me|on hold|as))",
                   re.IGNORECASE)  # "close both", not "both printers are down"
_TOLD_ABOUT = re.compile(
    r"\s*(?:is|isn't|was|wasn't|are|aren't|were|has|hasn't|have|keeps|still|seems|looks"
    r"|broke|died|stopped|started|came|went|'s)\b", re.IGNORECASE)
"""What follows a message's subject when it tells about something rather than asks."""
_THE_TICKET = re.compile(r"\b(?:one|ones|ticket|tickets)$", re.IGNORECASE)
"""A subject that names the listed item itself ("the Wi-Fi ticket is fixed")."""
_MINE_NAMED = re.compile(r"\bmy\s+((?:[\w'-]+\s+){0,2}?[\w'-]+)\s+(?:ticket|issue|request|one)\b"
                         r"(?!\s*(?:number|no|#))", re.IGNORECASE)
_CHANGED_BEFORE = re.compile(
    r"\b(?:close|resolve|cancel|withdraw|assign|reassign|unassign|give|move|hand|make"
    r"|set|put|mark|escalate)\b[^.?!]*$", re.IGNORECASE)
"""A change asked just before "my … ticket", in the same sentence."""
_STATES = frozenset({
    "open", "opened", "closed", "resolved", "fixed", "done", "finished", "new", "old", "latest",
    "last", "first", "oldest", "newest", "recent", "current", "other", "urgent", "high", "low",
    "medium", "pending", "own", "only", "previous", "existing", "support", "it", "this", "that",
})
"""Words of "my … ticket" that say which of one's tickets, not what it is about."""
_SMALL = frozenset({"a", "an", "the", "in", "on", "of", "for", "is", "to", "my", "our", "and",
                    "it", "its", "new", "other", "same", "this", "that", "urgent", "open"})


_COUNTS = {"two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4, "five": 5, "5": 5}
_PLACES = "|".join(re.escape(word) for word in _ORDINALS)
_AFTER = ("please|pls|plz|now|too|for|to|on|off|as|are|were|is|was|have|has|can|could|"
          "should|need|needs|from|with|in|into|back|then|and|-|–|—")
"""What may follow tickets named by their places: "close the first two, please", "the first
two are fixed"; not "the first two weeks were fine", whose places are not tickets."""
_SEVERAL = re.compile(
    rf"(?:\bthe\s+(?P<end>first|top|last|bottom)\s+(?P<count>{'|'.join(_COUNTS)})"
    rf"(?:\s+{_NOUNS})?\b"  # "close the first two", "the top 3 tickets"
    rf"|\bthe\s+(?P<one>{_PLACES})(?:\s+(?:one|ticket|issue))?"
    rf"(?P<more>(?:\s*,\s*(?:the\s+)?(?:{_PLACES}))*)"
    rf"\s*(?:,\s*)?(?:and|&|\+)\s+(?:the\s+)?(?P<last>{_PLACES})(?:\s+{_NOUNS})?\b"
    rf"|\b(?:all\s+of\s+them|them\s+all|all\s+(?P<all>{'|'.join(_COUNTS)})"
    rf"(?:\s+of\s+them)?))(?=\s*(?:[.!?,;:]|$|\W*$|(?:{_AFTER})\b))",
    re.IGNORECASE)  # "the first and the third", "the 1st, 2nd and last ones", "all of them"


def _places(found: re.Match[str], listed: tuple[Listed, ...]) -> list[Listed] | None:
    """The listed tickets "the first two", "the first and the third" or "all of them"
    name, in the list's order; None when a place is not on the list (nothing is guessed)."""
    size = len(listed)
    if found["end"]:
        count = _COUNTS[found["count"].lower()]
        if count > size:
            return None
        return list(listed[:count] if found["end"].lower() in ("first", "top")
                    else listed[-count:])
    if found["one"]:
        said = [found["one"], *re.findall(_PLACES, found["more"] or "", re.IGNORECASE),
                found["last"]]
        indexes = [_ORDINALS[place.lower()] % size if -size <= _ORDINALS[place.lower()] < size
                   else None for place in said]
        if None in indexes or len(set(indexes)) < len(indexes):
            return None
        return [listed[index] for index in sorted(i for i in indexes if i is not None)]
    if found["all"] and _COUNTS[found["all"].lower()] != size:
        return None  # "all three" of a list of four: which three is not guessed
    return list(listed)


_MOST_NAMED = 8
"""Tickets named by what they are about in one message ("the vpn one and the printer one"),
each read; more than a list card shows is no request."""


def pick(text: str, listed: tuple[Listed, ...], *, ask: bool = False, more: int = _MOST_NAMED
         ) -> Picked | Unsure | NotListed | Described | None:
    """None: the message names no listed ticket (nothing is guessed). `ask`: even one that
    fits is asked about (tickets the person was not shown: "the laptop one" with no list)."""
    if not listed:
        return None
    if len(listed) == 2 and (both := _BOTH.search(text)):
        numbers = f"{listed[0].number} and {listed[1].number}"
        return Picked(f"{text[:both.start()]}{numbers}{text[both.end():]}")
    if (several := _SEVERAL.search(text)) and (places := _places(several, listed)):
        numbers = ", ".join(ticket.number for ticket in places[:-1]) + \
            f" and {places[-1].number}" if len(places) > 1 else places[0].number
        return Picked(f"{text[:several.start()]}{numbers}{text[several.end():]}")
    if not ask and (described := _described(text)) is not None:
        return described
    for found in _naming(text):
        said = found.group(1)
        fitting = [ticket for ticket in _fitting(said, listed) if ticket.number not in text] or (
            _fitting(said, listed))  # "the switch one and the room one": not the switch again
        if not fitting and not ask and _beyond(said, listed):
            return NotListed(found.group(0), listed)
        if len(fitting) == 1 and not ask:
            picked = f"{text[:found.start()]}{fitting[0].number}{text[found.end():]}"
            after = pick(picked, listed, more=more - 1) if more else None
            # "assign the vpn one and the printer one to sam": each is the ticket it names
            return after if isinstance(after, (Picked, Unsure)) else Picked(picked)
        if fitting:
            return Unsure(said, tuple(
                (ticket, f"{text[:found.start()]}{ticket.number}{text[found.end():]}")
                for ticket in fitting))
    return None


def _naming(text: str) -> Iterator[re.Match[str]]:
    """Each "the switch one" of the message; "the printer issue is back" tells of the
    problem, not a ticket. "my monitor ticket" names one too after a change asked of it
    ("close my monitor ticket, it works now", "make my laptop ticket urgent"); "my printer
    tickets", "show my laptop ticket" and "my resolved ticket" are lists, read as said."""
    for found in _NAMED.finditer(text):
        if not (_TOLD_ABOUT.match(text, found.end()) and not text[:found.start()].strip()
                and not _THE_TICKET.search(found.group(0))):
            yield found
    place = _PLACE_ALONE.search(text)
    if place and not _BEING.search(text[:place.start()]) and len(_ANY_PLACE.findall(text)) == 1:
        yield place  # not "close the second and the second", whose places are read above
    for found in _MINE_NAMED.finditer(text):
        if _CHANGED_BEFORE.search(text[:found.start()]) and not any(
                word in _STATES for word in _fold(found.group(1)).split()):
            yield found


def named(text: str) -> str | None:
    """The words of "the laptop one" that could be a ticket's title ("laptop"), when the
    message names a ticket that way (not "the printer issue is back", not "the second one")."""
    for found in _naming(text):
        words = [w for w in _fold(found.group(1)).split()
                 if w not in _SMALL and w not in _ORDINALS]
        if words:
            return " ".join(words)
    return None


def _fitting(said: str, listed: tuple[Listed, ...]) -> list[Listed]:
    words = _fold(said).split()
    if len(words) == 1 and words[0] in _ORDINALS:
        index = _ORDINALS[words[0]]
        return [listed[index]] if -len(listed) <= index < len(listed) else []
    named = [w for w in words if w not in _SMALL and w not in _ORDINALS]
    if not named:
        return []
    return [t for t in listed if all(_in_title(w, t.title) for w in named)]


def _beyond(said: str, listed: tuple[Listed, ...]) -> bool:
    """Whether `said` is a place alone past the end of the list ("second" of one ticket)."""
    words = _fold(said).split()
    return len(words) == 1 and _ORDINALS.get(words[0], 0) >= len(listed)


def _fold(text: str) -> str:
    return " ".join(re.findall(r"[\w-]+", text.lower()))


def _in_title(word: str, title: str) -> bool:
    """"switch" in "Switch in room 4 is down", "wi-fi" in "Wifi dead", "printers" in "Printer"."""
    plain = word.replace("-", "")
    stems = {plain, plain.removesuffix("s"), plain.removesuffix("es")}
    return any(len(stem) >= 3 and w.replace("-", "").startswith(stem)
               for stem in stems for w in _fold(title).split())


class PageTurn(Enum):
    NEXT = "next"
    PREVIOUS = "previous"


_PAGE_TURN = re.compile(
    r"(?:(?:ok|okay|and|then|now)\s+)?(?:(?:show|give|send)(?:\s+me)?\s+)?(?:the\s+)?"
    r"(?P<turn>next|more|next\s+page|next\s+ones?|more\s+(?:tickets|of\s+them|results)|"
    r"(?:the\s+)?rest(?:\s+of\s+them)?|previous|prev|previous\s+page|back|go\s+back|"
    r"page\s+back|(?:the\s+)?previous\s+ones?)"
    r"(?:\s+(?:page|one|please|pls|plz|thanks|thx))*", re.IGNORECASE)


def page_turn(text: str) -> PageTurn | None:
    """Whether a message only asks for the next or the previous page of a list: "next",
    "more pls", "show me more", "the rest", "previous page", "go back"; not "next week",
    "more details on 4" or "back up my laptop"."""
    said = " ".join(re.sub(r"[.!?,👉👈⏭️⏮️]+", " ", text).split())
    found = _PAGE_TURN.fullmatch(said)
    if found is None:
        return None
    turn = found.group("turn").casefold()
    backwards = "prev" in turn or "back" in turn
    return PageTurn.PREVIOUS if backwards else PageTurn.NEXT
