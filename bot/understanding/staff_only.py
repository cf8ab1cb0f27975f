"""Words that mark what is said as for the service desk's eyes only.

Comments are read by whoever filed the ticket; the chat has no internal note. A comment
that says it is internal ("internal: customer loads the wrong paper", "(staff only) vendor
is late", "don't tell the customer, but …") would show a customer what was meant to be
hidden from them, so it is refused and nothing is posted. Only a marker counts: words that
merely name something internal ("replaced the internal battery", "the private wifi is
down", "tell the customer it's fixed") are a comment like any other.
"""

from __future__ import annotations

import re

_NOTE_TO_SELF = r"(?:notes?|reminders?|memo) to (?:self|myself)"
"""What someone writes for their own eyes: "note to self: chase the vendor"."""

_MARKED_AT_THE_START = re.compile(
    r"\s*(?:(?:nb|n\.b\.?|ps|p\.s\.?|fyi)\s*[:,\-–—]?\s*)?"
    r"(?:[(\[]\s*)?(?:internal|private|confidential|staff[ -]only|for staff(?: only)?"
    r"|internal[ -]only|(?:for )?internal use(?: only)?|(?:internal|private|staff|confidential)"
    rf"(?: work)? note|{_NOTE_TO_SELF}|to (?:self|myself)(?=\s*[:\-–—]))"
    r"\s*(?:[)\]:\-–—]|$)",
    re.IGNORECASE)
"""A label first: "internal: …", "(internal) …", "[staff only] …", "private note: …", also
after an aside ("NB internal: …", "ps internal - …"), "internal use only: …", "note to self: …"
(or what is left of it once "add a note" is read as the request: "to self: …").
"""

_NOTHING_MORE = r"(?=\s*(?:$|[,.;:!)\-–—]|(?:yet|until|but|though|either|at all|about)\b))"
"""What may follow "the customer shouldn't see this": the end of what is said, or when."""

_MARKED_ANYWHERE = re.compile(
    r"[(\[]\s*(?:internal|private|confidential|staff[ -]only|internal[ -]only)\s*[)\]]"
    r"|\b(?:staff|internal)[ -]only\b|\bfor (?:staff|internal use|the desk)(?: only)?[,.:;)]"
    r"|\bonly (?:staff|the desk|agents|we)(?: can| should| may| will)? (?:see|read)"
    r"|\b(?:do not|dont|don't|never) (?:tell|share (?:this )?with|show (?:this )?to|let)"
    r" (?:the |our )?(?:customer|requester|requestor|user|client|caller)"
    r"|\bnot for (?:the |our )?(?:customer|requester|requestor|user|client|caller)"
    r"|\b(?:customer|requester|requestor|user|client|caller)s? (?:should ?n[o']?t|must ?n[o']?t"
    rf"|should not|must not) (?:(?:see|read) (?:this|that|these)|know){_NOTHING_MORE}"
    rf"|\b{_NOTE_TO_SELF}\s*[:\-–—]"
    r"|\b(?:hidden from|not visible to) (?:the )?(?:customer|requester|requestor|user|client"
    r"|caller)|\bbetween (?:us|ourselves)(?:\s*[,:;.!\-–—]|$)|\b(?:team|agents?|desk|internal use)[ -]only\s*[:\-–—]",
    re.IGNORECASE)
"""A marker within the text: "(internal)", "staff only", "only staff can see this", "don't
tell the customer", "not for the user's eyes", "the customer shouldn't see this", "keep this
between us". What the requester cannot see ("user cannot see the shared drive") or should
not see once fixed ("should not see the error anymore") is the problem, not a marker."""


def says_staff_only(text: str) -> bool:
    """Whether `text` marks itself as not for the requester's eyes."""
    return bool(_MARKED_AT_THE_START.match(text) or _MARKED_ANYWHERE.search(text))
