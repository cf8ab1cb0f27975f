"""What a chat message asks for: text in, one `Command` value out (no I/O)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.tickets import TicketStatus

_NUMBER = r"[A-Za-z][A-Za-z0-9]{0,9}-\d{4}-\d+"
_REF = rf"(?P<ref>{_NUMBER}|#?\d+)"
_STATUS_WORDS = {
    "open": TicketStatus.OPEN,
    "reopen": TicketStatus.OPEN,
    "in_progress": TicketStatus.IN_PROGRESS,
    "in-progress": TicketStatus.IN_PROGRESS,
    "in progress": TicketStatus.IN_PROGRESS,
    "start": TicketStatus.IN_PROGRESS,
    "started": TicketStatus.IN_PROGRESS,
    "on_hold": TicketStatus.ON_HOLD,
    "on-hold": TicketStatus.ON_HOLD,
    "on hold": TicketStatus.ON_HOLD,
    "hold": TicketStatus.ON_HOLD,
    "resolved": TicketStatus.RESOLVED,
    "resolve": TicketStatus.RESOLVED,
    "closed": TicketStatus.CLOSED,
    "close": TicketStatus.CLOSED,
}


@dataclass(frozen=True, slots=True)
class Help:
    pass


@dataclass(frozen=True, slots=True)
class Cancel:
    pass


@dataclass(frozen=True, slots=True)
class NewTicket:
    title: str | None = None
    form: bool = False


@dataclass(frozen=True, slots=True)
class MyTickets:
    created: bool = False


@dataclass(frozen=True, slots=True)
class ListTickets:
    status: TicketStatus | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class ShowTicket:
    ref: str


@dataclass(frozen=True, slots=True)
class Assign:
    ref: str
    target: str  # "me", "team <name>", or "mention" (the @mention entity names the user)


@dataclass(frozen=True, slots=True)
class ChangeStatus:
    ref: str
    status: TicketStatus


@dataclass(frozen=True, slots=True)
class Comment:
    ref: str
    text: str


@dataclass(frozen=True, slots=True)
class Edit:
    ref: str


@dataclass(frozen=True, slots=True)
class Question:
    text: str


@dataclass(frozen=True, slots=True)
class Unknown:
    text: str
    hint: str | None = None


@dataclass(frozen=True, slots=True)
class Invite:
    email: str
    role: str
    department: str | None = None


@dataclass(frozen=True, slots=True)
class SetRole:
    person: str  # an email, or "mention"
    role: str


@dataclass(frozen=True, slots=True)
class Deactivate:
    person: str


@dataclass(frozen=True, slots=True)
class CreateTeam:
    name: str


@dataclass(frozen=True, slots=True)
class AddToTeam:
    person: str
    team: str


@dataclass(frozen=True, slots=True)
class CompanySettings:
    field: str | None = None
    value: str | None = None


@dataclass(frozen=True, slots=True)
class Subscribe:
    types: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Unsubscribe:
    pass


@dataclass(frozen=True, slots=True)
class Subscriptions:
    pass


@dataclass(frozen=True, slots=True)
class Webhook:
    url: str | None  # None turns it off
    types: tuple[str, ...] = ()


Command = (
    Help | Cancel | NewTicket | MyTickets | ListTickets | ShowTicket | Assign | ChangeStatus
    | Comment | Edit | Question | Unknown
    | Invite | SetRole | Deactivate | CreateTeam | AddToTeam | CompanySettings
    | Subscribe | Unsubscribe | Subscriptions | Webhook
)

def _pattern(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.IGNORECASE | re.DOTALL)


NEW = _pattern(r"^(?:new|create|open|file)\s+(?:a\s+)?ticket\b(?:\s*[:\-]?\s*(?P<title>.+))?$")
NEW_FORM = _pattern(r"^(?:new|create)\s+ticket\s+form$")
MINE = _pattern(r"^my\s+tickets?(?:\s+(?P<created>created|filed|opened|by\s+me))?$")
CREATED = _pattern(r"^tickets?\s+(?:i\s+(?:created|filed|opened)|created\s+by\s+me)$")
LIST = _pattern(r"^(?:tickets|list(?:\s+tickets)?|find(?:\s+tickets?)?|search(?:\s+tickets?)?)(?:\s+(?P<rest>.+))?$")
SHOW = _pattern(rf"^(?:(?:ticket|show|view)\s+)?{_REF}$")
ASSIGN = _pattern(rf"^assign\s+{_REF}\s+to\s+(?P<target>.+)$")
STATUS = _pattern(rf"^(?:status|set\s+status|move)\s+{_REF}\s+(?:to\s+)?(?P<status>.+)$")
SHORT_STATUS = _pattern(rf"^(?P<verb>start|resolve|close|reopen|hold)\s+{_REF}$")
COMMENT = _pattern(rf"^comment\s+(?:on\s+)?{_REF}\s*[:\-]?\s+(?P<text>.+)$")
EDIT = _pattern(rf"^edit\s+{_REF}$")
_PERSON = r"(?P<person>\S+@\S+|<at>.*?</at>|@\S+(?:\s\S+)?)"
INVITE = _pattern(
    r"^invite\s+(?P<email>\S+@\S+)\s+as\s+(?P<role>\w+)(?:\s+department\s+(?P<department>.+))?$"
)
ROLE = _pattern(rf"^role\s+{_PERSON}\s+(?P<role>\w+)$")
DEACTIVATE = _pattern(rf"^deactivate\s+{_PERSON}$")
TEAM_CREATE = _pattern(r"^team\s+create\s+(?P<name>.+)$")
TEAM_ADD = _pattern(rf"^team\s+add\s+{_PERSON}\s+(?:to\s+)?(?P<team>.+)$")
SETTINGS = _pattern(r"^settings(?:\s+(?P<field>name|company|prefix|colou?r)\s+(?P<value>.+))?$")
QUESTION_WORDS = _pattern(
    r"^(?:how|what|why|where|when|who|which|can|could|do|does|is|are|should|my|i\s|i'm|im\s|help\s+me)"
)


def parse(text: str) -> Command:
    """The command a message asks for; mentions of the bot must already be stripped."""
    message = " ".join(text.split()).strip()
    lowered = message.lower().rstrip("?!. ")
    if lowered in ("help", "?", "commands", "what can you do"):
        return Help()
    if lowered in ("cancel", "stop", "quit", "never mind", "nevermind"):
        return Cancel()
    if lowered.startswith("subscribe"):
        words = lowered.replace(",", " ").split()
        if words[0] == "subscribe":
            return Subscribe(tuple(words[1:]))
    if lowered.startswith("webhook"):
        words = message.replace(",", " ").split()
        if len(words) >= 2 and words[0].lower() == "webhook":
            if words[1].lower() in ("off", "none", "remove"):
                return Webhook(None)
            return Webhook(words[1], tuple(w.lower() for w in words[2:]))
    if lowered == "unsubscribe":
        return Unsubscribe()
    if lowered in ("subscriptions", "subscription"):
        return Subscriptions()
    if lowered in ("open tickets", "open"):
        return ListTickets(status=TicketStatus.OPEN)
    if NEW_FORM.match(message):
        return NewTicket(form=True)
    if match := NEW.match(message):
        title = (match.group("title") or "").strip() or None
        return NewTicket(title=title)
    if match := MINE.match(lowered):
        return MyTickets(created=bool(match.group("created")))
    if CREATED.match(lowered):
        return MyTickets(created=True)
    if match := SHOW.match(message):
        return ShowTicket(_ref(match.group("ref")))
    if match := ASSIGN.match(message):
        return Assign(_ref(match.group("ref")), match.group("target").strip())
    if match := SHORT_STATUS.match(message):
        return ChangeStatus(_ref(match.group("ref")), _STATUS_WORDS[match.group("verb").lower()])
    if match := STATUS.match(message):
        status = _STATUS_WORDS.get(match.group("status").strip().lower())
        if status is None:
            return Unknown(message, hint="Statuses are: open, in_progress, on_hold, resolved, closed.")
        return ChangeStatus(_ref(match.group("ref")), status)
    if match := COMMENT.match(text.strip()):  # the original text: comments keep their lines
        return Comment(_ref(match.group("ref")), match.group("text").strip())
    if match := EDIT.match(message):
        return Edit(_ref(match.group("ref")))
    if match := LIST.match(message):
        return _list(match.group("rest"))
    if admin := _admin(message):
        return admin
    if message.endswith("?") or QUESTION_WORDS.match(message):
        return Question(message)
    return Unknown(message)


def _admin(message: str) -> Command | None:
    """Admin commands; a person is an email, or @mentioned (the mention entity names them)."""
    if match := INVITE.match(message):
        department = (match.group("department") or "").strip() or None
        return Invite(match.group("email"), match.group("role").lower(), department)
    if match := ROLE.match(message):
        return SetRole(_person(match.group("person")), match.group("role").lower())
    if match := DEACTIVATE.match(message):
        return Deactivate(_person(match.group("person")))
    if match := TEAM_CREATE.match(message):
        return CreateTeam(match.group("name").strip())
    if match := TEAM_ADD.match(message):
        return AddToTeam(_person(match.group("person")), match.group("team").strip())
    if match := SETTINGS.match(message):
        field = match.group("field")
        if field is None:
            return CompanySettings()
        name = {"name": "company_name", "company": "company_name", "prefix": "ticket_prefix"}
        return CompanySettings(name.get(field.lower(), "primary_color"), match.group("value"))
    return None


def _person(raw: str) -> str:
    return raw if "@" in raw and not raw.startswith(("@", "<at>")) else "mention"


def _ref(raw: str) -> str:
    """A ticket number, upper-cased; a bare `42` stays bare for the bot to complete."""
    return raw.lstrip("#").upper()


def _list(rest: str | None) -> ListTickets:
    words = (rest or "").strip()
    for phrase in sorted(_STATUS_WORDS, key=len, reverse=True):
        if words.lower() == phrase or words.lower().startswith(phrase + " "):
            text = words[len(phrase):].strip() or None
            return ListTickets(status=_STATUS_WORDS[phrase], text=text)
    return ListTickets(text=words or None)
