"""Admin and channel commands: text in, one `Command` or None.

The exact syntax (`role EMAIL ROLE`) is read here; admin requests in everyday words by
bot.understanding.admin_requests, and everything about tickets by bot.understanding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.understanding.admin_requests import (
    AddToTeam as AddToTeam,
    CreateTeam as CreateTeam,
    Deactivate as Deactivate,
    Invite as Invite,
    KeepAsIs as KeepAsIs,
    ListPeople as ListPeople,
    ListTeams as ListTeams,
    Reactivate as Reactivate,
    RemoveFromTeam as RemoveFromTeam,
    SetRole as SetRole,
    TeamMembers as TeamMembers,
    read_admin_request,
    role_value,
)


@dataclass(frozen=True, slots=True)
class ConfigureCompany:
    field: str | None = None
    value: str | None = None


@dataclass(frozen=True, slots=True)
class Subscribe:
    types: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Unsubscribe:
    types: tuple[str, ...] = ()
    """Event types named (`unsubscribe from comments`): the channel is not quieted for them."""


@dataclass(frozen=True, slots=True)
class Subscriptions:
    pass


@dataclass(frozen=True, slots=True)
class SubscribeDigest:
    """`subscribe digest 09:00 Europe/Paris`; what is missing or wrong is refused by the domain."""

    at: str | None = None
    zone: str | None = None


@dataclass(frozen=True, slots=True)
class UnsubscribeDigest:
    pass


@dataclass(frozen=True, slots=True)
class Webhook:
    url: str | None  # None turns it off
    types: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WebhookShown:
    """`webhook` alone: the person's webhook, if any, and how to set or remove one."""


Command = (
    Invite | SetRole | Deactivate | Reactivate | KeepAsIs | CreateTeam | AddToTeam
    | RemoveFromTeam | TeamMembers | ListTeams | ListPeople
    | ConfigureCompany
    | Subscribe | Unsubscribe | Subscriptions | Webhook | WebhookShown | SubscribeDigest
    | UnsubscribeDigest
)


def _pattern(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.IGNORECASE | re.DOTALL)


_PERSON = r"(?P<person>\S+@\S+|<at>.*?</at>)"  # a typed "@Sam" is a name, read below
INVITE = _pattern(
    r"^invite\s+(?P<email>\S+@\S+)\s+as\s+(?P<role>\w+)(?:\s+department\s+(?P<department>.+))?$"
)
ROLE = _pattern(rf"^role\s+{_PERSON}\s+(?P<role>\w+)$")
DEACTIVATE = _pattern(rf"^deactivate\s+{_PERSON}$")
REACTIVATE = _pattern(rf"^reactivate\s+{_PERSON}$")
TEAM_CREATE = _pattern(r"^team\s+create\s+(?P<name>.+)$")
TEAM_ADD = _pattern(rf"^team\s+add\s+{_PERSON}\s+(?:to\s+)?(?P<team>.+)$")
DIGEST = _pattern(
    r"^(?P<verb>subscribe|unsubscribe)(?:\s+(?:to|from))?(?:\s+(?:the|a|our))?"
    r"(?:\s+daily)?\s+digest\b(?P<rest>.*)$"
)
_DIGEST_FILLER = frozenset({"at", "in", "every", "each", "day", "daily", "time", "zone", "tz", "please"})
_HALF_DAY = re.compile(r"^[ap]\.?m\.?$", re.IGNORECASE)
# Everyday words around a subscription's event types: `subscribe this channel to new tickets
# and comments` names `created` and `commented`; words not here reach the domain, which
# refuses them with the list of types.
_CHANNEL_FILLER = frozenset({
    "to", "this", "that", "the", "channel", "here", "us", "me", "our", "for", "on", "of",
    "about", "and", "or", "please", "ticket", "tickets", "event", "events", "notifications",
    "posts", "from", "now", "only", "just", "with", "in", "when", "any", "change", "changes",
    "changed",
})
_EVENT_WORDS = {
    "everything": "all", "every": "all", "all": "all",
    "new": "created", "created": "created", "creations": "created", "filed": "created",
    "updated": "updated", "updates": "updated", "update": "updated", "edits": "updated",
    "edited": "updated",
    "assigned": "assigned", "assignments": "assigned", "assignment": "assigned",
    "assign": "assigned", "reassigned": "assigned",
    "commented": "commented", "comments": "commented", "comment": "commented",
    "replies": "commented",
    "status": "status_changed", "statuses": "status_changed",
}
_SUBSCRIPTIONS = _pattern(
    r"^(?:(?:show|list|see)\s+(?:me\s+)?(?:the\s+|this\s+channel'?s\s+|our\s+)?"
    r"|(?:what|which)\s+(?:are\s+)?(?:the\s+)?)?subscriptions?"
    r"(?:\s+(?:here|of\s+this\s+channel|in\s+this\s+channel))?$"
    r"|^what\s+is\s+(?:this\s+channel|here)\s+subscribed\s+to$"
)
SETTINGS = _pattern(r"^settings(?:\s+(?P<field>name|company|prefix|colou?r)\s+(?P<value>.+))?$")


def parse(text: str) -> Command | None:
    """The admin or channel command a message is; mentions of the bot must be stripped."""
    message = " ".join(text.split()).strip()
    if re.match(r"^please\s+(?:un)?subscribe\b", message, re.IGNORECASE):
        message = message.split(" ", 1)[1]
    lowered = message.lower().rstrip("?!. ")
    if match := DIGEST.match(message.rstrip("?!. ")):
        return _digest(match.group("verb").lower(), match.group("rest"))
    words = lowered.replace(",", " ").split()
    if words and words[0] == "subscribe":
        return Subscribe(event_words(words[1:]))
    if words and words[0] == "unsubscribe":
        return Unsubscribe(tuple(t for t in event_words(words[1:]) if t != "all"))
    if lowered in ("webhook", "webhooks", "my webhook"):
        return WebhookShown()
    if lowered.startswith("webhook"):
        words = message.replace(",", " ").split()
        if len(words) >= 2 and words[0].lower() == "webhook":
            if words[1].lower() in ("off", "none", "remove"):
                return Webhook(None)
            return Webhook(words[1], event_words([w.lower() for w in words[2:]]))
    if _SUBSCRIPTIONS.match(lowered):
        return Subscriptions()
    return _admin(message)


def event_words(words: list[str]) -> tuple[str, ...]:
    """The event types everyday words name (`new tickets and status changes` → created,
    status_changed), in order and once each; an unknown word is kept for the domain to refuse."""
    named: list[str] = []
    for word in words:
        word = word.strip("?!.;:")
        if not word or word in _CHANNEL_FILLER:
            continue
        kind = _EVENT_WORDS.get(word, word)
        if kind not in named:
            named.append(kind)
    return tuple(named)


def _digest(verb: str, rest: str) -> SubscribeDigest | UnsubscribeDigest:
    """The time and zone of `subscribe digest at 9 am in Europe/Paris`, in whatever order."""
    if verb == "unsubscribe":
        return UnsubscribeDigest()
    words = [w for w in rest.replace(",", " ").split() if w.lower() not in _DIGEST_FILLER]
    at: str | None = None
    others: list[str] = []
    for word in words:
        if at is not None and _HALF_DAY.match(word) and at[-1].isdigit():
            at = f"{at} {word}"
        elif at is None and word[:1].isdigit():
            at = word
        else:
            others.append(word)
    return SubscribeDigest(at=at, zone=" ".join(others) or None)


def _admin(message: str) -> Command | None:
    """Admin commands; a person is an email, or @mentioned (the mention entity names them)."""
    if match := INVITE.match(message):
        department = (match.group("department") or "").strip() or None
        return Invite(match.group("email"), role_value(match.group("role")), department)
    if match := ROLE.match(message):
        return SetRole(_person(match.group("person")), role_value(match.group("role")))
    if match := DEACTIVATE.match(message):
        return Deactivate(_person(match.group("person")))
    if match := REACTIVATE.match(message):
        return Reactivate(_person(match.group("person")))
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
    return read_admin_request(message)


def _person(raw: str) -> str:
    return raw if "@" in raw and not raw.startswith(("@", "<at>")) else "mention"
