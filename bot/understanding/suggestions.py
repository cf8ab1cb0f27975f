"""At most three things to try when a short message reads like a command but is none.

A suggestion is offered as a button, and a button sends its words as the next message:
pressing "resolve 4" resolves ticket 4. So a suggestion names only a ticket the person
named or is looking at (`TICKET` stands for it until then), and an example that carries
made-up words (Lee, a title, a date) is never a button: it is shown as text, "for
example `give 4 to Lee`".
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches

TICKET = "{ticket}"
"""Where a suggestion's ticket goes."""
EXAMPLE_TICKET = "4"
"""The number an example is shown with when no ticket is named or in view."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    says: str
    """The words, with `TICKET` where the ticket's number goes."""
    pressable: bool = True
    """False: it carries made-up words, so it is an example to read, never a button."""

    def about(self, ticket: str) -> str:
        return self.says.replace(TICKET, ticket)

    @property
    def needs_ticket(self) -> bool:
        return TICKET in self.says


def _example(says: str) -> Suggestion:
    return Suggestion(says, pressable=False)


FIRST_STEPS = ("my tickets", "new ticket", "help")
_FIRST_STEPS = tuple(map(Suggestion, FIRST_STEPS))
EXAMPLES: dict[str, tuple[Suggestion, ...]] = {
    "show": (Suggestion("show {ticket}"), Suggestion("my tickets")),
    "list": (Suggestion("my open tickets"), Suggestion("urgent tickets"),
             _example("tickets about the printer")),
    "new": (_example("new ticket: printer jam on floor 3"), Suggestion("new ticket form")),
    "assign": (Suggestion("assign {ticket} to me"), _example("give {ticket} to Lee"),
               Suggestion("unassign {ticket}")),
    "status": (Suggestion("start {ticket}"), Suggestion("resolve {ticket}"),
               Suggestion("put {ticket} on hold")),
    "comment": (_example("comment on {ticket}: restarted the spooler"),),
    "update": (Suggestion("update {ticket}"), _example("set the priority of {ticket} to high"),
               _example("{ticket} is due next Friday")),
}
COMMAND_VERBS: dict[str, str] = {
    "show": "show", "view": "show", "open": "show", "ticket": "show", "display": "show",
    "list": "list", "tickets": "list", "find": "list", "search": "list",
    "new": "new", "create": "new", "file": "new", "report": "new", "raise": "new",
    "assign": "assign", "reassign": "assign", "give": "assign", "take": "assign",
    "unassign": "assign", "hand": "assign",
    "close": "status", "resolve": "status", "start": "status", "reopen": "status",
    "status": "status", "hold": "status", "mark": "status", "move": "status",
    "comment": "comment", "note": "comment", "reply": "comment",
    "update": "update", "edit": "update", "change": "update", "set": "update",
    "rename": "update", "priority": "update",
}


_SAID_FIRST: dict[str, Suggestion] = {
    "close": Suggestion("close {ticket}"), "resolve": Suggestion("resolve {ticket}"),
    "reopen": Suggestion("reopen {ticket}"), "start": Suggestion("start {ticket}"),
    "hold": Suggestion("put {ticket} on hold"), "unassign": Suggestion("unassign {ticket}"),
}
"""The command a verb said names, offered first in its family: "close 12 brb" was offered
start, resolve and hold, never the close it asked for."""


def suggest(words: list[str]) -> tuple[Suggestion, ...]:
    if not words:
        return (Suggestion("help"),)
    verb = words[0]
    if verb not in COMMAND_VERBS:
        close = get_close_matches(verb, list(COMMAND_VERBS), n=1, cutoff=0.7)
        verb = close[0] if close else verb
    family = COMMAND_VERBS.get(verb)
    if family is None:
        return _FIRST_STEPS
    said = _SAID_FIRST.get(verb)
    if said is None:
        return EXAMPLES[family][:3]
    return (said, *(other for other in EXAMPLES[family] if other != said))[:3]


@dataclass(frozen=True, slots=True)
class Offered:
    buttons: tuple[str, ...]
    """What one press sends: only the ticket named or in view, no made-up words."""
    examples: tuple[str, ...]
    """What to read: shown as text."""


def offered(suggestions: tuple[Suggestion, ...], ticket: str | None) -> Offered:
    """The suggestions, for a person who named or is looking at `ticket` (None: neither)."""
    buttons: list[str] = []
    examples: list[str] = []
    for suggestion in suggestions:
        if suggestion.pressable and (ticket is not None or not suggestion.needs_ticket):
            buttons.append(suggestion.about(ticket or ""))
        else:
            examples.append(suggestion.about(ticket or EXAMPLE_TICKET))
    return Offered(tuple(buttons) or FIRST_STEPS, tuple(examples))
