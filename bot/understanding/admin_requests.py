"""Admin and manager requests as people type them: "invite sam@ex.com as an agent",
"who's on networking?", "put Sam in networking", "make alex a manager".

People and teams are kept as said (an email, `mention`, or a name): the caller resolves
them against who exists and asks when a name fits no one or several. Words that could be
about a ticket ("put 4 on the network team", "make it urgent") are never read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Invite:
    email: str
    role: str | None
    """None: not said ("invite sam@ex.com"), so it is asked for, never assumed."""
    department: str | None = None


@dataclass(frozen=True, slots=True)
class SetRole:
    person: str  # an email, "mention", or a name as typed
    role: str
    confirmed: bool = True
    """False: said in everyday words, so the change is proposed first (a yes/no question)."""


@dataclass(frozen=True, slots=True)
class Deactivate:
    person: str
    confirmed: bool = True


@dataclass(frozen=True, slots=True)
class Reactivate:
    person: str
    confirmed: bool = True


@dataclass(frozen=True, slots=True)
class KeepAsIs:
    """The "No" under a proposed role change, deactivation or reactivation."""

    person: str


@dataclass(frozen=True, slots=True)
class CreateTeam:
    name: str


@dataclass(frozen=True, slots=True)
class AddToTeam:
    person: str
    team: str
    named: bool = True
    """False: said without "team" ("put Sam in networking"): see `TeamMembers.named`."""


@dataclass(frozen=True, slots=True)
class RemoveFromTeam:
    person: str
    team: str
    named: bool = True
    """False: said without "team" ("take Sam off networking", "take me off the watchers
    list"): as for `AddToTeam`."""


@dataclass(frozen=True, slots=True)
class TeamMembers:
    team: str
    named: bool = True
    """False: said without "team" ("who's on networking?"), so it is a team's members only
    if a team has that name; otherwise ("who's on call?") the message is read as any other."""


@dataclass(frozen=True, slots=True)
class ListTeams:
    """"list teams", "what teams are there?": the teams the asker may see."""


@dataclass(frozen=True, slots=True)
class ListPeople:
    """"list users", "who are the admins?": the people in TicketFlow (admins only), all of
    them or those of one `role` (its stored value)."""

    role: str | None = None


AdminRequest = (Invite | SetRole | Deactivate | Reactivate | KeepAsIs | CreateTeam | AddToTeam
                | RemoveFromTeam | TeamMembers | ListTeams | ListPeople)

# The roles by the names people use; the stored value of an agent is `user`.
ROLE_WORDS = {
    "admin": "admin", "admins": "admin", "administrator": "admin", "administrators": "admin",
    "manager": "manager", "managers": "manager", "mgr": "manager", "lead": "manager",
    "user": "user", "users": "user", "agent": "user", "agents": "user", "staff": "user",
    "technician": "user", "technicians": "user", "tech": "user", "techs": "user",
    "support": "user", "engineer": "user", "engineers": "user",
    "customer": "customer", "customers": "customer", "client": "customer",
    "clients": "customer", "requester": "customer", "requesters": "customer",
}
_VERBS = ("invite", "deactivate", "disable", "promote", "demote", "members", "change")
_NOT_SLIPS = frozenset({"reactivate", "devote", "charge"})
"""Real words one letter away from a verb above, never mended into it."""
_POLITE_START = re.compile(
    r"^(?:(?:hi|hey|hello|ok|okay)[,!]?\s+)?(?:please\s+|pls\s+|plz\s+|kindly\s+"
    r"|(?:can|could|would|will)\s+you\s+(?:please\s+)?|i\s+(?:want|need)\s+to\s+"
    r"|i'?d\s+like\s+to\s+)", re.IGNORECASE)
_POLITE_END = re.compile(
    r"[\s,]+(?:please|pls|plz|thanks|thank\s+you|thx|for\s+me|now)$", re.IGNORECASE)
_NOT_A_PERSON = frozenset({
    "it", "this", "that", "these", "those", "them", "one", "ones", "a", "an", "ticket",
    "tickets", "issue", "issues", "comment", "note", "request", "case", "all", "everything",
    "and", "&", "priority", "status",
})


def _pattern(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.IGNORECASE | re.DOTALL)


_PERSON = r"(?P<person><at>.*?</at>|\S+@\S+\.\w+|@?[^\s@<]+(?:\s+[^\s@<]+){0,2}?)"
_ROLE = r"(?:an?\s+)?(?:(?:support|service|desk)\s+)?(?P<role>[\w-]+)(?:\s+role)?"
_KNOWN_ROLE = (r"(?:an?\s+|the\s+)?(?:(?:support|service|desk)\s+)?(?P<role>"
               + "|".join(sorted(ROLE_WORDS, key=len, reverse=True)) + r")(?:\s+role)?")
_TEAM = r"(?:the\s+)?(?P<team>[^\s].*?)"
_INVITE = _pattern(
    rf"^(?:invite|add)\s+(?P<email>\S+@\S+)\s+(?:as|to\s+be)\s+{_ROLE}"
    r"(?:\s+(?:in\s+)?(?:the\s+)?department\s+(?P<department>.+))?$")
_INVITE_BARE = _pattern(r"^invite\s+(?P<email>[^\s@]+@\S+)$")
_MEMBERS = (
    _pattern(rf"^(?:who\s+is|who\s+are|whos|who's|who’s|who\s+works|who\s+belongs)\s+"
             rf"(?:in|on|to|part\s+of)\s+{_TEAM}(?P<named>\s+(?:team|group))?$"),
    _pattern(rf"^(?:(?:show|list|get|see)\s+(?:me\s+)?|who\s+are\s+)?(?:all\s+)?(?:the\s+)?"
             rf"(?:team\s+)?members\s+(?:of|in)\s+{_TEAM}(?P<named>\s+(?:team|group))?$"),
    _pattern(r"^(?:(?:show|list|get|see)\s+(?:me\s+)?)?(?:the\s+)?(?P<team>\S.*?)\s+"
             r"(?P<named>team|group)(?:'s)?\s+members$"),
)
_LIST_TEAMS = (
    _pattern(r"^(?:(?:show|list|get|see|view)\s+(?:me\s+)?)(?:all\s+)?(?:the\s+|our\s+|my\s+)?"
             r"teams(?:\s+(?:please|pls|we\s+have|there\s+are))?$"),
    _pattern(r"^(?:what|which)\s+teams\s+(?:are\s+there|do\s+we\s+have|exist|have\s+we\s+got"
             r"|am\s+i\s+(?:in|on|part\s+of))$"),
    _pattern(r"^(?:all\s+)?teams\s+list$"),
)
_EVERYONE = frozenset({"users", "people", "accounts", "everyone", "everybody", "persons"})
_WHO = (r"(?P<who>users|people|accounts|everyone|everybody|persons|admins|administrators"
        r"|managers|agents|techs|technicians|engineers|customers|clients)")
_LIST_PEOPLE = (
    _pattern(r"^(?:(?:show|list|get|see|view)\s+(?:me\s+)?)(?:all\s+)?(?:the\s+|our\s+)?"
             rf"{_WHO}(?:\s+(?:in\s+ticketflow|please|pls|we\s+have))?$"),
    _pattern(rf"^who\s+(?:are|is)\s+(?:the\s+|our\s+|all\s+the\s+)?{_WHO}$"),
    _pattern(r"^(?P<who>users|people)\s+list$"),
    _pattern(r"^(?P<who>who)\s+(?:has|have)\s+(?:an?\s+)?(?:access|accounts?)"
             r"(?:\s+to\s+(?:ticketflow|this|the\s+bot))?$"),
)
_ADD = _pattern(rf"^(?:add|put|move)\s+{_PERSON}\s+(?:to|in|into|on|onto)\s+{_TEAM}"
                r"(?P<named>\s+(?:team|group))?$")
_REMOVE = _pattern(rf"^(?:remove|take|drop|kick)\s+{_PERSON}\s+(?:out\s+)?(?:from|of|off)\s+"
                   rf"{_TEAM}(?P<named>\s+(?:team|group))?$")
_MAKE = (
    _pattern(rf"^make\s+{_PERSON}\s+{_KNOWN_ROLE}$"),
    _pattern(rf"^(?:set|change|switch|turn|move)\s+{_PERSON}\s+(?:to|as|into)\s+{_KNOWN_ROLE}$"),
    _pattern(rf"^give\s+{_PERSON}\s+{_KNOWN_ROLE}(?:\s+rights|\s+access)?$"),
    _pattern(rf"^{_PERSON}\s+should\s+be\s+{_KNOWN_ROLE}(?:\s+now)?$"),
)
_ROLE_OF = _pattern(rf"^(?:change|set|switch|update|make)\s+(?:the\s+)?role\s+(?:of|for)\s+"
                    rf"{_PERSON}\s+(?:to|as)\s+{_ROLE}$")
_ROLE_OWNED = _pattern(rf"^(?:change|set|switch|update|make)\s+{_PERSON}(?:'s|’s|s')\s+role\s+"
                       rf"(?:to|as)\s+{_ROLE}$")
_PROMOTE = _pattern(rf"^(?:promote|demote)\s+{_PERSON}\s+(?:to|as)\s+{_ROLE}$")
_DEACTIVATE = _pattern(rf"^(?:deactivate|disable|suspend)\s+(?:the\s+)?"
                       rf"(?:(?:account|access|login)\s+(?:of|for)\s+)?{_PERSON}"
                       r"(?:(?:'s|’s)?\s+(?:account|access|login))?$")
_REACTIVATE = _pattern(rf"^(?:reactivate|re-activate|activate|unsuspend)\s+(?:the\s+)?"
                       rf"(?:(?:account|access|login)\s+(?:of|for)\s+)?{_PERSON}"
                       r"(?:(?:'s|’s)?\s+(?:account|access|login))?(?:\s+again)?$")
_CREATE_TEAM = _pattern(
    r"^(?:(?:create|make|add|set\s+up|start|open)\s+(?:a\s+|an\s+)?(?:new\s+)?|new\s+)team"
    r"(?:\s+(?:called|named|for)|:)?\s+(?P<name>.+)$")
_KEEP = _pattern(r"^keep\s+(?P<person>\S+@\S+)\s+(?:as\s+\w+|active|deactivated)$")


def role_value(said: str) -> str:
    """The stored role a word names ("agents" → user); an unknown word is kept, lowered,
    for the domain to refuse with the list of roles."""
    words = said.lower().split()
    for word in words:
        if word in ROLE_WORDS:
            return ROLE_WORDS[word]
    return words[0] if words else said


def person_said(raw: str) -> str:
    """An email as typed; a picked @mention as `mention`; a typed name without its "@"."""
    if raw.lower().startswith("<at>"):
        return "mention"
    if "@" in raw[1:]:
        return raw
    return re.sub(r"(?:'s|’s)$", "", raw.lstrip("@")).strip()


def read_admin_request(text: str) -> AdminRequest | None:
    """The admin or manager request a message is, in everyday words, or None."""
    message = _plain(text)
    if match := _KEEP.match(message):
        return KeepAsIs(match["person"])
    if match := _INVITE.match(message):
        department = (match["department"] or "").strip() or None
        return Invite(match["email"], role_value(match["role"]), department)
    if match := _INVITE_BARE.match(message):
        return Invite(match["email"], None)
    if match := _CREATE_TEAM.match(message):
        return CreateTeam(match["name"].strip("\"'“”‘’ "))
    if any(listing.match(message) for listing in _LIST_TEAMS):
        return ListTeams()
    for listing in _LIST_PEOPLE:
        if match := listing.match(message):
            who = match["who"].lower()
            return ListPeople(None if who in _EVERYONE or who == "who" else ROLE_WORDS[who])
    for members in _MEMBERS:
        if (match := members.match(message)) and _a_team(match["team"], named=bool(match["named"])):
            return TeamMembers(match["team"].strip(), named=bool(match["named"]))
    if (match := _ADD.match(message)) and _a_person(match["person"]) and _a_team(
            match["team"], named=True):
        return AddToTeam(person_said(match["person"]), match["team"].strip(),
                         named=bool(match["named"]))
    if (match := _REMOVE.match(message)) and _a_person(match["person"]) and _a_team(
            match["team"], named=True):
        return RemoveFromTeam(person_said(match["person"]), match["team"].strip(),
                              named=bool(match["named"]))
    for changes in (_ROLE_OF, _ROLE_OWNED, _PROMOTE):
        if (match := changes.match(message)) and _a_person(match["person"]):
            return SetRole(person_said(match["person"]), role_value(match["role"]), confirmed=False)
    for makes in _MAKE:
        if (match := makes.match(message)) and _a_person(match["person"]):
            return SetRole(person_said(match["person"]), role_value(match["role"]),
                           confirmed=False)
    if (match := _DEACTIVATE.match(message)) and _a_person(match["person"]):
        return Deactivate(person_said(match["person"]), confirmed=False)
    if (match := _REACTIVATE.match(message)) and _a_person(match["person"]):
        return Reactivate(person_said(match["person"]), confirmed=False)
    return None


def _plain(text: str) -> str:
    """One line, without the courtesies around a request, its first word's slip mended."""
    message = " ".join(text.split()).rstrip("?!. ")
    message = _POLITE_START.sub("", message)
    message = _POLITE_END.sub("", message).rstrip("?!., ")
    first, _, rest = message.partition(" ")
    mended = None if first.lower() in _NOT_SLIPS else next(
        (verb for verb in _VERBS if _one_slip(first.lower(), verb)), None)
    return f"{mended} {rest}" if mended and rest else message


def _one_slip(typed: str, word: str) -> bool:
    """One letter left out, added, wrong, or two swapped ("invte", "deactviate")."""
    if typed in (word + "d", word + "s", word + "r"):  # "disabled", "invites": other words
        return False
    if typed == word or len(typed) < 5 or abs(len(typed) - len(word)) > 1:
        return typed == word
    if len(typed) == len(word):
        differ = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        return len(differ) == 1 or (
            len(differ) == 2 and differ[1] == differ[0] + 1
            and typed[differ[0]] == word[differ[1]] and typed[differ[1]] == word[differ[0]])
    shorter, longer = sorted((typed, word), key=len)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def _a_person(raw: str) -> bool:
    """Not a ticket ("4", "it", "the printer one") and not a sentence."""
    words = raw.lower().strip("@").split()
    if raw.lower().startswith("<at>") or "@" in raw[1:]:
        return True
    return bool(words) and not any(ch.isdigit() for ch in raw) and not (
        set(words) & _NOT_A_PERSON) and words[0] not in ("the", "my", "our", "your")


def _a_team(raw: str, *, named: bool) -> bool:
    """A team's name: said with "team", or in a few words ("who's on networking?", "who is
    in IT Support?": only when a team has that name is it one), never a ticket number nor
    "it" alone."""
    words = raw.split()
    first = words[0].lower() if words else ""
    return bool(words) and not any(ch.isdigit() for ch in raw) and (
        named or len(words) <= _TEAM_WORDS) and (
        first not in _NOT_A_PERSON or first == "it" and len(words) > 1)


_TEAM_WORDS = 3
