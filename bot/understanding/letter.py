"""A message written like a letter or pasted from one: the part that asks, without the
greeting, the signature, the quoted message it answers or the list bullet it was copied with.

"Hi,\n\nCould you close TKT-2026-0012?\n\nKind regards,\nMaria Lopez\nFinance" asks the
same as "Could you close TKT-2026-0012?"; a name under "Best regards" is no assignee and a
department under it no team.
"""

from __future__ import annotations

import re

_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|hiya|morning|good (?:morning|afternoon|evening|day)|greetings)"
    r"(?P<addressed>(?:[ \t]+[\w.'&-]+){0,3})[ \t]*[,!:]\s*",
    re.IGNORECASE,
)
_EVERYONE = frozenset({
    "all", "everyone", "everybody", "team", "there", "folks", "guys", "it", "support", "helpdesk",
    "help", "desk", "service", "servicedesk", "bot", "ticketflow", "@ticketflow", "again", "the",
    "y'all", "people", "colleagues", "admin", "admins", "you",
})
"""Who a greeting that is dropped may address: "Hi team," but not "Hi Sam," ("Hi Sam,
please take 12" asks Sam, not the bot, to take it)."""
_SIGN_OFF = re.compile(
    r"^\s*(?:(?:kind|best|warm|many|warmest)?\s*(?:regards|wishes|thanks)|thanks?(?: you)?"
    r"|thx|cheers|br|kr|yours(?: sincerely| truly| faithfully)?|sincerely|sent from my \w+.*"
    r"|--+|__+|get outlook for \w+.*)\s*[,.!]?\s*$",
    re.IGNORECASE,
)
_SIGNED_ON_ONE_LINE = re.compile(
    r"(?<=[.!?])\s+(?:(?:kind|best|warm|warmest)\s+)?(?:regards|wishes)"
    r"(?:\s*,?\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})?\s*[.!]?\s*$", re.IGNORECASE)
"""A sign-off after the last sentence of a message typed on one line: "… is not working.
Kind regards", "… when it will be fixed? Regards, Maria"."""
_DISCLAIMER = re.compile(
    r"^\s*(?:(?:confidentiality|privacy|legal|email|e-mail)\s+)?(?:notice|disclaimer)\s*:"
    r"|^\s*this (?:e-?mail|message|communication)(?: and any (?:attachments?|files?))?"
    r"(?: transmitted with it)? (?:is|are|may|might|contains?)\b"
    r"|^\s*(?:the )?information (?:contained )?in this (?:e-?mail|message)\b"
    r"|^\s*if you (?:are not the intended|have received this)\b",
    re.IGNORECASE,
)
"""A confidentiality notice pasted under an email ("This e-mail and any attachments are
confidential. If you are not the intended recipient, please delete it …"): no part of what
is asked, whose "not" and "delete" would read as a refusal."""
_CONFIDENTIAL = re.compile(r"\b(?:confidential|privileged|intended recipient)", re.IGNORECASE)
_SIGNATURE_LINES = 4  # a name, a title, a department, a phone number
_QUOTED = re.compile(r"^\s*>")
_QUOTE_HEADER = re.compile(r"\s*(?:on [^\n]{1,80}?,?\s)?[\w .,'@<>()-]{1,80}?\s(?:wrote|said|says"
                           r"|writes|replied|asked)\s*:\s*", re.IGNORECASE)
_LEAD_IN = re.compile(
    r"\s*(?:[^\n?\d]{0,60}:|(?:fyi|for info|for context|context|see below|below|see this|look"
    r"|heads up|as discussed|forwarding|for visibility|just so you know)[\s.!]*)\s*",
    re.IGNORECASE)
"""A line that only introduces what is quoted under it ("fyi:", "see below", "what sam said:")."""
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+(?=\S)")


def what_is_asked(text: str) -> str:
    """The text without a letter's greeting and signature, leading quoted lines, or a bullet."""
    lines = _without_quote_header(text.strip().split("\n"))
    while len(lines) > 1 and _QUOTED.match(lines[0]):
        lines.pop(0)  # "> can you close 12?\nyes, close 12": the quote is what is answered
    lines = _without_signature(_without_disclaimer(lines))
    lines[-1] = _SIGNED_ON_ONE_LINE.sub("", lines[-1])
    body = "\n".join(lines).strip()
    greeted = _GREETING.match(body)
    if greeted and body[greeted.end():].strip() and all(
            word.lower() in _EVERYONE for word in greeted.group("addressed").split()):
        body = body[greeted.end():].strip()  # "Hi team, could you …": not a name to assign
    return _BULLET.sub("", body, count=1) if "\n" not in body else body


def only_quoted(text: str) -> bool:
    """Every line quoted, under who wrote it or not ("> close 12", "sam wrote:⏎> close 12"):
    nothing the writer asks of their own."""
    lines = [line for line in _without_quote_header(text.strip().split("\n")) if line.strip()]
    while len(lines) > 1 and not _QUOTED.match(lines[0]) and _LEAD_IN.fullmatch(lines[0]):
        lines.pop(0)  # "fyi:⏎[10:02] Sam: close 12": a quote introduced, still nobody's request
    return bool(lines) and all(_QUOTED.match(line) for line in lines)


def quoted(text: str) -> str:
    """The quoted lines a message starts with: what its reply answers ("> is 426 fixed?")."""
    lines = _without_quote_header(text.strip().split("\n"))
    answered = []
    while len(lines) > 1 and _QUOTED.match(lines[0]):
        answered.append(_QUOTED.sub("", lines.pop(0)))
    return "\n".join(answered)


def _without_quote_header(lines: list[str]) -> list[str]:
    """Lines without the header a quote is pasted under ("sam wrote:", "On Mon, Sam Rivera
    wrote:"): "sam wrote:⏎> close 12⏎what do you think?" asks about the quote, as without it."""
    if len(lines) >= 2 and _QUOTE_HEADER.fullmatch(lines[0]) and _QUOTED.match(lines[1]):
        return lines[1:]
    return lines


def _without_disclaimer(lines: list[str]) -> list[str]:
    """Lines up to a confidentiality notice after what was written: in a paragraph of its own,
    right under the signature ("Kind regards,\nTom Baker\nThis message may contain …"), or
    saying what it is ("… confidential …", "… intended recipient …")."""
    written = signed = False
    for index, line in enumerate(lines):
        if written and _DISCLAIMER.match(line) and (
                not lines[index - 1].strip() or signed or _CONFIDENTIAL.search(line)):
            return lines[:index]
        written = written or bool(line.strip())
        signed = signed or written and bool(_SIGN_OFF.match(line))
    return lines


def _without_signature(lines: list[str]) -> list[str]:
    """Lines up to a sign-off ("Kind regards,") that only a short signature follows."""
    written = [index for index, line in enumerate(lines) if line.strip()]
    # a sign-off has at most `_SIGNATURE_LINES` written lines after it: only the last few
    # lines are looked at, however long the message
    earliest = written[-_SIGNATURE_LINES - 1] if len(written) > _SIGNATURE_LINES else 1
    for index in range(max(1, earliest), len(lines)):
        if not _SIGN_OFF.match(lines[index]):  # first: blank lines between are many
            continue
        after = [line for line in lines[index + 1:] if line.strip()]
        if len(after) <= _SIGNATURE_LINES and all(len(line.split()) <= 5 for line in after):
            kept = lines[:index]
            if any(line.strip() for line in kept):
                return kept
    return lines
