"""How to reach the person, told ("please call me on 0161 555 0101", "my number is 555 0101",
"you can reach me on ext 4521"): said for whoever works their ticket, not a help question."""

from __future__ import annotations

import re

_CONTACT = re.compile(
    r"\b(?:(?:call|ring|phone|text|reach|contact|whatsapp|teams call)(?: me| us)(?: back)?"
    r"(?: (?:on|at|via|any ?time|after|before|from|between|today|tomorrow)\b.*)?"
    r"|(?:my|our) (?:phone |mobile |cell |desk |direct |contact )?(?:number|no|extension|ext|phone"
    r"|mobile|cell)(?: is|\s*[=:])"
    r"|(?:i'?m|i am|we'?re|we are) (?:reachable|available) (?:on|at)\b)")
_NOT_TOLD = re.compile(r"^(?:how|what|can i|could i|where|who|why|should)\b")
"""Asked how, not told: "how do I call the service desk?"."""


def contact_told(text: str) -> bool:
    """Whether the message tells how to reach the person (`_CONTACT`), not asks how."""
    said = " ".join(re.sub(r"[!?.,;]+", " ", text.lower().replace("’", "'")).split())
    return not _NOT_TOLD.match(said) and _CONTACT.search(said) is not None
