"""Admin and channel commands, which keep their exact syntax: text in, one `Command` or None.

Everything about tickets is understood as people phrase it (bot.understanding).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


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
class ConfigureCompany:
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
    Invite | SetRole | Deactivate | CreateTeam | AddToTeam | ConfigureCompany
    | Subscribe | Unsubscribe | Subscriptions | Webhook
)


def _pattern(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.IGNORECASE | re.DOTALL)


_PERSON = r"(?P<person>\S+@\S+|<at>.*?</at>|@\S+(?:\s\S+)?)"
INVITE = _pattern(
    r"^invite\s+(?P<email>\S+@\S+)\s+as\s+(?P<role>\w+)(?:\s+department\s+(?P<department>.+))?$"
)
ROLE = _pattern(rf"^role\s+{_PERSON}\s+(?P<role>\w+)$")
DEACTIVATE = _pattern(rf"^deactivate\s+{_PERSON}$")
TEAM_CREATE = _pattern(r"^team\s+create\s+(?P<name>.+)$")
TEAM_ADD = _pattern(rf"^team\s+add\s+{_PERSON}\s+(?:to\s+)?(?P<team>.+)$")
SETTINGS = _pattern(r"^settings(?:\s+(?P<field>name|company|prefix|colou?r)\s+(?P<value>.+))?$")


def parse(text: str) -> Command | None:
    """The admin or channel command a message is; mentions of the bot must be stripped."""
    message = " ".join(text.split()).strip()
    lowered = message.lower().rstrip("?!. ")
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
    return _admin(message)


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
            return ConfigureCompany()
        name = {"name": "company_name", "company": "company_name", "prefix": "ticket_prefix"}
        return ConfigureCompany(name.get(field.lower(), "primary_color"), match.group("value"))
    return None


def _person(raw: str) -> str:
    return raw if "@" in raw and not raw.startswith(("@", "<at>")) else "mention"
