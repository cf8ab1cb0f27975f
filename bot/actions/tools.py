"""The model's tools, generated from the command table and the typed requests.

Each ticket action a role may take is one function tool: its name comes from the
request type (`AssignTicket` → `assign_ticket`), its description from the table's
rows, and its parameters from the request's fields and their types. A call is read
back into the same typed request the deterministic understanding produces, under
the same rules: a name that fits two people is asked about, never picked.
"""

from __future__ import annotations

import json
import re
import types
from dataclasses import MISSING, dataclass, fields, replace
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from bot.actions.table import COMMANDS
from bot.understanding.context import Conversation
from bot.understanding.message import DATE, read_message
from bot.understanding.orders import MOST_LISTED
from bot.understanding.requests import (
    AssignTicket, Clarify, CreateTicket, ListTickets, Nobody, ShowTicket, TeamTarget,
    TicketRequest, UserTarget,
)
from bot.understanding.targets import Ambiguous, NoSuchTarget, find_target
from domain.numbering import TicketNumber, parse_ticket_number
from domain.people import Role

LOOKUP = "find_tickets"
"""The one tool whose answer goes back to the model (ticket numbers and titles) instead of
to the person: how it learns which ticket "the printer ticket" is."""
MAX_VALUE_CHARS = 2_000
READ_ONLY: frozenset[type[TicketRequest]] = frozenset({ShowTicket, ListTickets})

_THIS = frozenset({"it", "this", "that", "this ticket", "that ticket", "this one", "that one",
                   "the ticket", "same ticket"})
_SHORT_REF = re.compile(r"^(?:ticket\s*|#|no\.?\s*|number\s*)?0*(\d{1,9})$", re.IGNORECASE)
_FIELD_HINTS = {
    "ticket": "the ticket: its number as written (TKT-2026-0004), a bare number for this year's "
              "ticket (4), or \"it\" for the ticket this chat last showed or changed",
    "to": "who takes it: \"me\", \"nobody\" (unassign), a person's name or email, or "
          "\"team NAME\"",
    "status": "the new status",
    "scope": "whose tickets: all the person may see, mine (assigned to them), created "
             "(filed by them), own (filed by or assigned to them: \"my outlook ticket\") or "
             "touched (filed, held, commented on or changed by them)",
    "updated_since": "only tickets updated on or after this day, YYYY-MM-DD; with scope "
                     "touched, worked on since then (\"what did I work on this week\": "
                     "Monday of this week)",
    "not_updated_since": "only tickets last updated before this day, YYYY-MM-DD: left alone "
                         "since (\"not updated in a week\": the day a week ago; \"no update "
                         "since Monday\": that Monday)",
    "created_from": "only tickets filed on or after this day, YYYY-MM-DD (\"since Monday\": "
                    "that Monday; \"last week\": its Monday, with created_before)",
    "created_before": "only tickets filed before this day, YYYY-MM-DD (\"last week\": this "
                      "week's Monday)",
    "finished_from": "only tickets resolved or closed on or after this day, YYYY-MM-DD (\"what "
                     "did we close this week\": Monday of this week)",
    "finished_before": "only tickets resolved or closed before this day, YYYY-MM-DD (\"closed "
                       "last week\": this week's Monday, with finished_from)",
    "title": "the ticket's title, as the person said it",
    "description": "the ticket's description",
    "text": "the words: what to search for, or the comment to add, as the person said it",
    "due": "the due date, YYYY-MM-DD",
    "no_due": "true to take the due date off",
    "priority": "the priority",
    "category": "the category",
    "severity": "the severity: how badly it hurts (minor, normal, major, critical)",
    "form": "true to show the one-card form instead of asking step by step",
    "assignee": "whose tickets: a person's name or email, \"team NAME\", or \"nobody\" for "
                "unassigned ones",
    "filed_by": "only tickets this person filed: their name or email (\"tickets Sam raised\")",
    "due_window": "only tickets overdue, due today, tomorrow, this week, next week or this "
                  "month (from today to its last day), or none: those with no due date",
    "due_on": "only tickets due on this one day, YYYY-MM-DD (\"what's due friday\")",
    "history": "true when the person asks what happened to it: its history, who changed it",
    "order": "the order asked for: updated (most recently updated first, the usual one), stale "
             "(least recently updated first), newest or oldest (by when filed), priority "
             "(most urgent first), due (due soonest first) or severity (most severe first); leave it out when none was said",
    "most": "only this many of the list, in its order (\"top 5 most urgent\": 5)",
    "every_status": "true when resolved and closed tickets are wanted too (\"all tickets\", "
                    "\"open or closed\", \"including closed ones\"); lists otherwise leave "
                    "them out unless a status is given",
}


class BadToolCall(Exception):
    """A tool call that is not one of ours, or whose arguments do not fit its parameters."""


@dataclass(frozen=True, slots=True)
class Tool:
    name: str
    request: type[TicketRequest]
    description: str
    parameters: dict[str, Any]

    @property
    def schema(self) -> dict[str, object]:
        """The function as Chat Completions takes it."""
        return {"name": self.name, "description": self.description,
                "parameters": self.parameters}


def tool_name(request: type[TicketRequest]) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", request.__name__).lower()


@cache
def tools_for(role: Role) -> tuple[Tool, ...]:
    """The actions `role` may take, one tool each, plus the ticket lookup."""
    rows: dict[type[TicketRequest], list[tuple[str, str]]] = {}
    for command in COMMANDS:
        if command.request is not None and role in command.roles:
            rows.setdefault(command.request, []).append((command.does, command.says))
    tools = [
        Tool(tool_name(request), request, _description(said), _parameters(request))
        for request, said in rows.items()
    ]
    if ListTickets in rows:
        tools.append(Tool(
            LOOKUP, ListTickets,
            "Look up tickets this person may see, to learn their numbers before acting on one "
            "(the answer comes back to you, not to the person; at most 5 tickets).",
            _parameters(ListTickets),
        ))
    return tuple(tools)


def changes_data(request: TicketRequest) -> bool:
    """Would acting on it change a ticket, rather than show something or ask a question?"""
    return type(request) not in READ_ONLY


def _description(said: list[tuple[str, str]]) -> str:
    does = "; ".join(dict.fromkeys(does for does, _ in said))
    examples = " · ".join(says for _, says in said)
    return f"{does[:1].upper()}{does[1:]}. People say: {examples}."


_NOT_FOR_THE_MODEL = frozenset({"also", "reason", "take", "queue", "unplaced", "asked",
                                "staff_only", "taken_off", "later_by", "on_behalf_of",
                                "also_statuses", "also_priorities", "then"})
"""Fields the model is not offered: a list it asks for names one person, as the tool says;
a reason, taking what is started ("on it"), a return to the queue, a due date pushed out by
days (a day the model names is a due date), who a ticket is taken off, whom a new ticket
is asked for (noted in its description by the chat's own filing), more new tickets asked
with it (a tool call files one) or a note asked for staff only (refused) is read from what
was said, not proposed; what a list cannot filter by, the statuses or priorities said after
the first ("high or urgent"), and the fact of a ticket a question asks after, are the
rules' to say."""


def _parameters(request: type[TicketRequest]) -> dict[str, Any]:
    hints = get_type_hints(request)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in fields(request):
        if field.name in _NOT_FOR_THE_MODEL:
            continue
        schema = {**_schema(hints[field.name]), "description": _FIELD_HINTS[field.name]}
        properties[field.name] = schema
        if field.default is MISSING:
            required.append(field.name)
    return {"type": "object", "properties": properties, "required": required,
            "additionalProperties": False}


def _schema(kind: Any) -> dict[str, Any]:
    inner = _without_none(kind)
    if isinstance(inner, type) and issubclass(inner, StrEnum):
        return {"type": "string", "enum": [member.value for member in inner]}
    if inner is bool:
        return {"type": "boolean"}
    if inner is int:
        return {"type": "integer", "minimum": 1, "maximum": MOST_LISTED}
    if inner is date:
        return {"type": "string", "format": "date"}
    return {"type": "string"}  # ticket numbers, people, free text


def _without_none(kind: Any) -> Any:
    if get_origin(kind) in (Union, types.UnionType):
        options = [arg for arg in get_args(kind) if arg is not type(None)]
        if len(options) == 1:
            return options[0]
        if all(arg in (UserTarget, TeamTarget, Nobody) for arg in options):
            return UserTarget  # a target: said as a name
    return kind


def read_call(
    name: str, arguments: str, *, role: Role, conversation: Conversation
) -> TicketRequest | Clarify:
    """The typed request a tool call stands for; BadToolCall when it does not fit.

    An action this role may not take (a customer's model calling assign_ticket) comes
    back as that request with nothing but its ticket, so the action answers with its
    refusal instead of the message being dropped."""
    tool = next((t for t in tools_for(role) if t.name == name), None)
    if tool is None:
        return _withheld(name, arguments, conversation)
    try:
        given = json.loads(arguments or "{}")
    except (ValueError, RecursionError) as error:
        raise BadToolCall(f"the arguments of {name} are not JSON") from error
    if not isinstance(given, dict):
        raise BadToolCall(f"the arguments of {name} are not an object")
    known = tool.parameters["properties"]
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise BadToolCall(f"{name} has no parameter {unknown[0][:40]!r}")
    missing = [field for field in tool.parameters["required"] if given.get(field) in (None, "")]
    if missing and missing != ["ticket"]:
        raise BadToolCall(f"{name} needs {missing[0]}")
    hints = get_type_hints(tool.request)
    values: dict[str, Any] = {}
    clarify: Clarify | None = None
    for field, value in given.items():
        if value is None or value == "":
            continue
        kind = _without_none(hints[field])
        if field in ("to", "assignee", "filed_by"):
            target = _target(value, conversation)
            if isinstance(target, Clarify):
                clarify = target
                continue
            if field == "filed_by" and not isinstance(target, UserTarget):
                raise BadToolCall("filed_by must name one person")
            values[field] = target
        else:
            values[field] = _value(field, kind, value, conversation)
    if "ticket" in known and "ticket" not in values:
        values["ticket"] = conversation.last_ticket if "ticket" in given else None
    request = tool.request(**values)
    if clarify is not None and isinstance(request, AssignTicket):
        return replace(clarify, request=replace(request, to=None),
                       question=clarify.question.replace("{ticket}", _label(request.ticket)))
    if clarify is not None and isinstance(request, CreateTicket):  # asked, never dropped
        return replace(clarify, request=request,
                       question=clarify.question.replace("{ticket}", "the new ticket"))
    if clarify is not None and isinstance(request, ListTickets):
        return replace(clarify, request=request,
                       question=clarify.question.replace(" Who should take {ticket}?", ""))
    return request


def _withheld(name: str, arguments: str, conversation: Conversation) -> TicketRequest:
    tool = next((t for role in Role for t in tools_for(role) if t.name == name and t.name != LOOKUP),
                None)
    if tool is None or "ticket" not in tool.parameters["properties"]:
        raise BadToolCall(f"there is no tool {name[:40]!r} for this person")
    try:
        given = json.loads(arguments or "{}")
        said = given.get("ticket") if isinstance(given, dict) else None
        ticket = _ticket(said, conversation) if isinstance(said, str) else None
    except (ValueError, RecursionError, BadToolCall):
        ticket = None
    return tool.request(ticket=ticket)  # type: ignore[call-arg]


def _value(field: str, kind: Any, value: object, conversation: Conversation) -> Any:
    if kind is bool:
        if not isinstance(value, bool):
            raise BadToolCall(f"{field} must be true or false")
        return value
    if kind is int:
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MOST_LISTED:
            raise BadToolCall(f"{field} must be a whole number from 1 to {MOST_LISTED}")
        return value
    if not isinstance(value, str):
        raise BadToolCall(f"{field} must be text")
    text = value.strip()[:MAX_VALUE_CHARS]
    if kind is TicketNumber:
        return _ticket(text, conversation)
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        wanted = re.sub(r"[\s-]+", "_", text.lower())
        for member in kind:
            if member.value == wanted:
                return member
        raise BadToolCall(f"{field} {text[:40]!r} is not one of {[m.value for m in kind]}")
    if kind is date:
        return _date(text, conversation)
    if not text:
        raise BadToolCall(f"{field} is empty")
    return text


def _ticket(text: str, conversation: Conversation) -> TicketNumber | None:
    if text.lower() in _THIS:
        return conversation.last_ticket
    number = parse_ticket_number(text)
    if number is not None:
        return number
    short = _SHORT_REF.match(text)
    if short is not None:
        return conversation.number(int(short[1]))
    raise BadToolCall(f"{text[:40]!r} is not a ticket number")


def _date(text: str, conversation: Conversation) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    words = read_message(text, conversation).words
    if len(words) == 1 and words[0].text == DATE and isinstance(words[0].value, date):
        return words[0].value
    raise BadToolCall(f"{text[:40]!r} is not a date")


def _target(text: object, conversation: Conversation) -> UserTarget | TeamTarget | Nobody | Clarify:
    if not isinstance(text, str):
        raise BadToolCall("to must be text")
    said = text.strip()[:200]
    found = find_target(read_message(said, conversation).words, conversation)
    if isinstance(found, Ambiguous):
        return Clarify(AssignTicket(None), f"Which {found.said.title()} do you mean?",
                       found.choices)
    if isinstance(found, NoSuchTarget):
        return Clarify(AssignTicket(None),
                       f"I couldn't find “{said}”. Who should take {{ticket}}?")
    return found


def _label(ticket: TicketNumber | None) -> str:
    return str(ticket) if ticket is not None else "it"
