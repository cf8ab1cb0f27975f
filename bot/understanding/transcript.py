"""A chat pasted into a message: other people's lines, read as quoted, never as a request.

"[10:02] Sam: close 12⏎[10:03] Priya: agreed" closed 12, though the writer only pasted what
Sam and Priya said. Lines with a time ("[10:02] Sam: …", "10:02 AM Sam Rivera: …"), lines
said by someone when two or more are ("Sam: close 12⏎Priya: agreed"), and the lines under a
header Teams copies ("Sam Rivera  10:02 AM⏎close 12") are written as quoted ("> …"), as an
email's quote is, so what the writer adds after a blank line is read as their reply to it.
"""

from __future__ import annotations

import re

_CLOCK = r"(?i:\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?)"
_DAY = (r"(?i:(?:\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"
        r"|yesterday|today)[,\s]+)?")
_NAME = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
"""A display name as chat clients show it: one to four capitalised words."""
_STAMPED = re.compile(
    rf"[ \t]*(?P<open>[\[(])?{_DAY}{_CLOCK}[\])]?[ \t]*(?:[-–|·][ \t]*)?"
    r"(?:(?P<name>[^\W\d][\w.'’ -]{0,40}?)[ \t]*:[ \t]+)?(?P<said>.*)", re.IGNORECASE)
"""A line with the time it was sent: "[10:02] Sam: close 12", "10:02 AM Sam Rivera: ok"."""
_HEADER = re.compile(
    rf"[ \t]*(?:(?P<name>{_NAME})[ \t]*[,|·–-]?[ \t]+{_DAY}{_CLOCK}"
    rf"|[\[(]?{_DAY}{_CLOCK}[\])]?[ \t]*[-–|·]?[ \t]*(?P<named>{_NAME}))[ \t]*:?[ \t]*")
"""A line of only a name and a time, which Teams copies above each message it copies:
"Sam Rivera  10:02 AM", "Sam Rivera, 10:02", "[10:02 AM] Sam Rivera"."""
_SAID_BY = re.compile(r"[ \t]*(?P<name>[^\W\d][\w.'’-]*(?:[ \t]+[^\W\d][\w.'’-]*)?)[ \t]*:[ \t]+"
                      r"(?P<said>\S.*)")
"""A line said by someone ("Sam: close 12", "priya: agreed"): a chat's only when two are."""
_SAID_AT = re.compile(
    rf"[ \t]*(?P<name>{_NAME})[ \t]*(?:[\[(][ \t]*{_DAY}{_CLOCK}[ \t]*[\])]|[,-][ \t]*{_DAY}{_CLOCK})"
    r"[ \t]*:[ \t]+(?P<said>\S.*)")
"""A line said by someone at a time: "Sam Rivera (10:02): close 12", "Sam, 10:02: ok"."""
_LABELS = frozenset({
    "title", "subject", "priority", "description", "desc", "category", "status", "due",
    "update", "updates", "fyi", "note", "notes", "re", "fw", "fwd", "ps", "nb", "edit",
    "summary", "issue", "problem", "request", "ticket", "reason", "comment", "action", "todo",
    "q", "a", "question", "answer", "error", "steps", "expected", "actual", "user", "location",
    "room", "device", "hi", "hello", "dear", "from", "to", "cc", "bcc", "date", "sent",
    "importance", "tel", "phone", "email", "mobile", "heads up", "reminder", "important",
    "urgent", "done", "eta", "next", "tldr", "tl;dr", "result", "results", "impact", "team",
    "assignee", "owner", "requester", "name", "details", "info", "context", "background",
    "workaround", "fix", "cause", "root cause", "resolution", "solution", "status update",
    "thanks", "thx", "cheers", "regards", "hey", "morning", "all", "ok", "okay", "also", "btw",
})
"""Words before a colon that label what follows ("Priority: high", "Update: 12 is fixed"),
never who said it."""


def quoted_as_pasted(text: str) -> str:
    """The text with a pasted chat's lines quoted ("> close 12"); as it was when there is none.
    A line with a time or under a header quotes the lines after it up to a blank line."""
    lines = text.split("\n")
    if len(lines) > 1 and not any(_HEADER.fullmatch(line) or _stamped(line) for line in lines) and (
            sum(1 for line in lines if _said_by(line)) < 2):
        return text
    if len(lines) == 1 and not _stamped(text):
        return text
    out: list[str] = []
    in_chat = False
    for line in lines:
        if not line.strip():
            in_chat = False
            out.append(line)
        elif _HEADER.fullmatch(line):
            in_chat = True
            out.append(f"> {line.strip()}")
        elif stamped := _stamped(line):
            in_chat = True
            out.append(f"> {stamped}")
        elif said := _said_by(line):
            in_chat = True
            out.append(f"> {said}")
        else:
            out.append(f"> {line.strip()}" if in_chat else line)
    return "\n".join(out)


def _stamped(line: str) -> str | None:
    """What a line sent at a time says, with who said it ("Sam: close 12"), or None."""
    if said_at := _SAID_AT.fullmatch(line):
        return f"{said_at['name']}: {said_at['said']}"
    found = _STAMPED.fullmatch(line)
    if found is None or not (found["name"] or found["open"] and found["said"].strip()):
        return None  # "10:30 works for me": a time said, not a line of a chat
    if found["name"] and _labelled(found["name"]):
        return None
    return f"{found['name'].strip()}: {found['said']}" if found["name"] else found["said"]


def _said_by(line: str) -> str | None:
    found = _SAID_BY.fullmatch(line)
    if found is None or _labelled(found["name"]):
        return None
    return f"{found['name']}: {found['said']}"


def _labelled(name: str) -> bool:
    """"Priority", "Status update", "hi team": a label or a greeting before a colon."""
    words = name.lower().split()
    return " ".join(words) in _LABELS or bool(words) and words[0] in _LABELS
