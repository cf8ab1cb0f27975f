"""At most three things to try when a short message reads like a command but is none."""

from __future__ import annotations

from difflib import get_close_matches

FIRST_STEPS = ("my tickets", "new ticket", "help")
EXAMPLES: dict[str, tuple[str, ...]] = {
    "show": ("show 4", "my tickets"),
    "list": ("my open tickets", "urgent tickets", "tickets about the printer"),
    "new": ("new ticket: printer jam on floor 3", "new ticket form"),
    "assign": ("assign 4 to me", "give 4 to Lee", "unassign 4"),
    "status": ("start 4", "resolve 4", "put 4 on hold"),
    "comment": ("comment on 4: restarted the spooler",),
    "update": ("update 4", "set the priority of 4 to high", "4 is due next Friday"),
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


def suggest(words: list[str]) -> tuple[str, ...]:
    if not words:
        return ("help",)
    family = COMMAND_VERBS.get(words[0])
    if family is None:
        close = get_close_matches(words[0], list(COMMAND_VERBS), n=1, cutoff=0.7)
        family = COMMAND_VERBS[close[0]] if close else None
    if family is None:
        return FIRST_STEPS
    return EXAMPLES[family][:3]
