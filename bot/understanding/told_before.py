"""Which ticket "it" is in a request after a sentence that told of a number.

"checked 12, all good. close it": 12 was told of as a ticket, so it is the one to close.
"swapped 2 toner cartridges, close it": 2 counts cartridges; "it" is the ticket in view.
"the printer in 12 works. close it", "outlook 365 works again. close it": 12 may be a room
and 365 is a product's name; the ticket is asked for rather than guessed either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from bot.understanding.context import Conversation
from domain.numbering import TicketNumber, parse_ticket_number


class Told(Enum):
    TICKET = "ticket"
    COUNT = "count"
    """A number of things, or a time: never a ticket."""
    RELATED = "related"
    """Another ticket named as what the one meant relates to: "a dup of 12", "blocked by 12"."""
    UNSURE = "unsure"
    """A place ("in 12", "room 12") or part of a name ("outlook 365"): perhaps a ticket."""


@dataclass(frozen=True, slots=True)
class Asked:
    """A message split into what was told first and the request of "it" that ends it."""

    told: str
    request: str


_BREAK = re.compile(r"[.!?;,:]+\s+|\s+(?:[-–—]+|→|->|=>)\s+|\s*\n+\s*"
                    r"|\s+(?=(?:so|pls|please|plz|kindly)\s+[a-z])", re.IGNORECASE)
_REQUEST_OF_IT = re.compile(
    r"\W*(?:(?:so|and|then|ok|okay|now|please|pls|plz|kindly|just|u can|you can|can you"
    r"|could you|can u|go ahead and|feel free to)\s+)*"
    r"(?:close|resolve|reopen|re-open|shut|assign|reassign|give|hand|send|move|put|mark|set"
    r"|make|hold|escalate|start|bump|transfer|pass)\b"
    r"(?:[^\d]*?\b(?:it|this|that|this one|that one|the ticket|this ticket)\b[^\d]*"
    r"|(?P<alone>(?:\s+(?:pls|please|plz|thanks|thx|now|too))*[\s.!]*))",
    re.IGNORECASE)
_REQUEST_MOST = 120
_TOLD_MOST = 400

_TOKEN = re.compile(r"\S+")
_EDGE = re.compile(r"^[\"'“‘(\[]+|[\"'”’)\],.;:!?]+$")
_OURS = re.compile(r"[A-Za-z]{1,10}-\d{4}-\d{1,12}")
_BARE = re.compile(r"#?\d{1,6}")
_TICKET_WORDS = frozenset({
    "ticket", "tickets", "tkt", "case", "incident", "request", "number", "no", "nr", "no.", "re",
    "regarding", "concerning", "ref",
})
_BEFORE_A_TIME = frozenset({"at", "by", "around", "before", "after", "until", "till", "since"})
_ROUGHLY = frozenset({"around", "approx", "approximately", "roughly", "nearly",
                      "almost", "over", "under", "than", "some"})
"""Words before a number of things: "around 12", "over 20"."""
_HOW_MANY_ABOUT = frozenset({"have", "has", "had", "got", "at", "is", "are", "was", "were",
                             "take", "takes", "took", "of", "for", "by", "until", "till"})
"""Words before "about" when it says how many or when ("we have about 12", "at about 12"),
unlike a ticket told of ("about 12, close it", "the user called about 164")."""
_PLACES_AND_NAMES = frozenset({
    "in", "room", "rm", "floor", "level", "lvl", "desk", "building", "bldg", "office", "bay",
    "suite", "lab", "ward", "seat", "row", "site", "block", "wing", "gate", "station", "port",
    "vlan", "ext", "extension", "line", "windows", "win", "outlook", "iphone", "ios", "android",
    "server", "excel", "word", "teams", "version", "v", "gen", "model", "kb", "error", "code",
    "printer", "laptop", "pc", "desktop", "monitor", "screen", "phone", "scanner", "copier",
    "machine", "workstation", "ws", "tablet", "switch", "router", "ap", "camera", "projector",
    "tv", "vm", "host", "node", "queue", "tray", "drive", "disk", "account", "step", "option",
})
"""Words a number follows as a place or part of a name, which may or may not be a ticket."""
_UNITS = frozenset({"am", "pm", "min", "mins", "minutes", "h", "hrs", "hours", "days", "weeks",
                    "sec", "secs", "seconds"})
_RELATIONS = frozenset({
    ("dup", "of"), ("dupe", "of"), ("duplicate", "of"), ("copy", "of"), ("same", "as"),
    ("issue", "as"), ("problem", "as"), ("one", "as"), ("merged", "into"), ("merge", "into"),
    ("merged", "with"), ("related", "to"), ("linked", "to"), ("depends", "on"),
    ("dependent", "on"), ("waiting", "on"), ("waiting", "for"), ("blocked", "by"),
    ("caused", "by"), ("child", "of"), ("parent", "of"), ("part", "of"), ("follow-up", "to"),
    ("followup", "to"), ("follow", "up"), ("repeat", "of"), ("covered", "by"), ("handled", "in"),
    ("tracked", "in"), ("fixed", "in"), ("solved", "in"), ("resolved", "in"), ("see", "also"),
    ("relates", "to"), ("same", "like"), ("like", "in"), ("as", "in"),
})
"""Two words another ticket follows when the one meant is said to relate to it: "this is a dup
of 12, close it" closes the one in view, never 12."""
_COMPARED = frozenset({"to", "with", "from", "like", "unlike", "than", "vs", "versus", "against",
                       "besides", "except"})
"""Words another ticket follows when compared with the one meant ("similar to 12", "nothing
to do with 12", "unlike 12"): perhaps the one meant, perhaps not, so it is asked."""
_THE_ONE_IN_VIEW_COMPARED = re.compile(
    r"\b(?:as|like|to|than|with|from|unlike|vs)\s+(?:this|that)(?:\s+(?:one|ticket))?\b",
    re.IGNORECASE)
"""The one in view told of as another ticket's like ("saw 12, same as this"): two tickets."""
_TOLD_IN = frozenset({"issue", "issues", "problem", "problems", "again", "mentioned", "described",
                      "reported", "said", "noted", "raised", "logged", "comment", "comments",
                      "as", "explained", "written", "update", "back", "happening", "occurring",
                      "still", "error", "errors", "bug"})
"""Words before "in" when a ticket is what it is in ("the issue in 12", "as said in 12")."""
_COUNTED = frozenset({"people", "staff", "men", "women", "children", "new", "more", "other",
                      "of", "x", "times"})
"""Words a number of things opens a sentence with ("12 people called", "2 new laptops")."""
_LOOKED = frozenset({"look", "looked", "looking", "glance", "glanced"})
"""Before "at" a ticket is looked at ("looked at 12"), not a time."""
_AFTER_A_TICKET = frozenset({
    "is", "was", "are", "were", "has", "had", "have", "and", "or", "but", "now", "again",
    "today", "yesterday", "this", "last", "earlier", "already", "too", "as", "because", "so",
    "for", "with", "to", "in", "on", "at", "by", "since", "after", "before", "then", "also",
    "just", "still", "the", "a", "it", "not", "will", "should", "can", "could", "be", "being",
    "been", "looks", "seems", "works", "worked", "work", "isnt", "isn't", "wasnt", "can't",
    "done", "fine", "ok", "okay", "good", "working", "broken", "down", "up", "lgtm", "all",
    "needs", "need", "got", "went", "wip", "pending", "sorted", "complete", "gone", "back",
    "off", "from", "over", "into", "onto", "about", "under", "via", "anymore", "any", "more",
    "yet", "either", "though", "tho", "please", "pls", "plz", "thanks", "tomorrow", "tonight",
    "asap", "instead", "anyway", "right", "properly", "fully", "finally", "keeps", "broke",
    "crashes", "fails", "says", "shows", "goes", "gets", "stays", "remains", "does", "lets",
})
"""Words a ticket's number is followed by when told of ("4 is fine", "12 works now")."""
_ASKED_OF = frozenset({
    "close", "resolve", "reopen", "re-open", "shut", "assign", "reassign", "hand", "send",
    "move", "put", "mark", "set", "make", "hold", "escalate", "start", "bump", "transfer",
})
"""Request verbs a ticket's number follows when the request is asked of it ("close 12 no
wait, resolve it"), unlike the verbs of work done ("swapped 2 cartridges")."""


def request_of_it(text: str) -> Asked | None:
    """The request of "it" a message ends with and what was told before it ("the printer in
    12 works. close it"), or None when it does not end so or names no number before it."""
    ends = list(_BREAK.finditer(text.strip()))
    if not ends:
        return None
    last = ends[-1]
    told, request = text.strip()[:last.start()], text.strip()[last.end():]
    if len(request) > _REQUEST_MOST or len(told) > _TOLD_MOST or not any(
            ch.isdigit() for ch in told) or not (asked := _REQUEST_OF_IT.fullmatch(request)):
        return None
    return Asked(told, request if asked["alone"] is None else f"{request.rstrip(' .!')} it")


def tickets_told(told: str, conversation: Conversation) -> dict[TicketNumber, Told]:
    """Each number in `told`, with what it was told as: a ticket, a count or a time, or
    perhaps a ticket (a place, a product's name)."""
    tokens = [_EDGE.sub("", token) for token in _TOKEN.findall(told)]
    ended = [bool(re.search(r"[,.;:!?]$", token)) for token in _TOKEN.findall(told)]
    found: dict[TicketNumber, Told] = {}
    for index, token in enumerate(tokens):
        if _OURS.fullmatch(token) and (number := parse_ticket_number(token)) is not None:
            found[number] = Told.TICKET
        elif _BARE.fullmatch(token):
            number = conversation.number(int(token.lstrip("#")))
            kind = _told_as(tokens, ended, index)
            found[number] = kind if found.get(number, kind) is kind else Told.UNSURE
    if _THE_ONE_IN_VIEW_COMPARED.search(told):
        return {number: Told.UNSURE if kind is Told.TICKET else kind
                for number, kind in found.items()}
    return found


def _told_as(tokens: list[str], ended: list[bool], index: int) -> Told:
    before = tokens[index - 1].lower() if index and not ended[index - 1] else ""
    after = tokens[index + 1].lower() if index + 1 < len(tokens) and not ended[index] else ""
    if index > 1 and (tokens[index - 2].lower(), before) in _RELATIONS or (
            index > 2 and before in _TICKET_WORDS and (
                tokens[index - 3].lower(), tokens[index - 2].lower()) in _RELATIONS):
        return Told.RELATED  # "dup of 12", "same issue as 12", "blocked by ticket 12"
    if before in _COMPARED:
        return Told.UNSURE  # "similar to 12", "nothing to do with 12", "unlike 12"
    if tokens[index].startswith("#") or before in _TICKET_WORDS:
        return Told.TICKET  # "#12", "ticket 12", "regarding 12"
    if after in _UNITS or before in _ROUGHLY or before == "about" and (
            index > 1 and tokens[index - 2].lower() in _HOW_MANY_ABOUT):
        return Told.COUNT  # "10 am", "5 mins", "we have about 12"
    if before in _BEFORE_A_TIME and not (index > 1 and tokens[index - 2].lower() in _LOOKED):
        return Told.COUNT  # "called at 10", "after 2 reboots"
    if before == "in" and index > 1 and tokens[index - 2].lower() in _TOLD_IN:
        return Told.TICKET  # "same issue again in 12", "as described in 12"
    if before in _PLACES_AND_NAMES:
        return Told.UNSURE  # "the printer in 12", "room 12", "outlook 365"
    if not before and (after in _COUNTED or len(after) > 3 and after.endswith("s") and (
            after not in _AFTER_A_TICKET)):
        return Told.COUNT  # "2 users confirmed", "12 people called"
    if after in _COUNTED and _things_counted(tokens, ended, index):
        return Told.COUNT  # "order 2 more toners", "escalate 2 more cases": not 2
    if not before or after in _AFTER_A_TICKET or not after.isalpha() or after.endswith("ed"):
        return Told.TICKET  # "12 broke again", "why 45 was closed", "checked 12,"
    if before in _ASKED_OF and not _things_counted(tokens, ended, index):
        return Told.TICKET  # "close 12 no wait, resolve it"; not "give 2 users access"
    return Told.COUNT  # "swapped 2 toner cartridges", "waited 3 days"


def _things_counted(tokens: list[str], ended: list[bool], index: int) -> bool:
    """Whether the number at `index` counts the things named in the two words after it
    ("give 2 users access", "assign 2 extra licences"): a plural, a word or two on."""
    for at in (index + 1, index + 2):
        if at >= len(tokens) or ended[at - 1]:
            return False
        word = tokens[at].lower()
        if len(word) > 3 and word.endswith("s") and word not in _AFTER_A_TICKET:
            return True
    return False


def the_one_meant(
    told: dict[TicketNumber, Told], in_view: TicketNumber | None
) -> TicketNumber | None:
    """The ticket "it" is after what was told: the one ticket told of; the one in view when
    only counts, or tickets it relates to, were told; None (asked) when a number may be a
    ticket, or two were told."""
    tickets = [number for number, kind in told.items() if kind is Told.TICKET]
    if tickets:
        return tickets[0] if len(tickets) == 1 else None
    if any(kind is Told.UNSURE for kind in told.values()):
        return None
    return in_view if in_view not in told else None  # "7 is a dup of 7": which is not guessed
