"""A ticket looked for by what it was about, as it is remembered ("i remember a ticket about a
recording, cant find it"): the search "find the ticket about …" asks for, said another way.

Told this way, the words read otherwise as a problem for the help assistant (which offered
them as a new ticket), or "cant find it" as the ticket in view refused."""

from __future__ import annotations

import re

_SOUGHT = re.compile(
    r"(?:(?:hi|hey|hmm+|um+|so|ok|okay|also)\W+)*"
    r"(?:i\s+(?:remember|recall)|there\s+was|(?:was|wasn'?t)\s+there"
    r"|(?:i'?m\s+|i\s+am\s+)?(?:looking|searching)\s+for|(?:i\s+)?(?:cant|can'?t|cannot|couldn'?t)"
    r"\s+(?:seem\s+to\s+)?find|(?:i'?m\s+|im\s+|i\s+am\s+)?trying\s+to\s+(?:find|locate)"
    r"|where(?:'?s|\s+is)|which\s+(?:ticket\s+)?(?:was|is)(?:\s+it)?)\s+"
    r"(?:a|an|the|that|one|some)\s+(?:(?:old|older|earlier|previous)\s+)?"
    r"(?:(?:ticket|request)\s+(?:about|regarding|re|on|for|mentioning)"
    r"|one\s+(?:about|regarding|mentioning))\s+"
    r"(?:(?:the|a|an|our|my|that|some)\s+)?(?P<topic>[^\W\d][\w'-]*(?:\s+[\w'-]+){0,3}?)"
    r"(?:\s+(?:somewhere|anywhere|already|again|anymore|please|pls))?"
    r"\s*(?:[,.;:!?].*)?",
    re.IGNORECASE | re.DOTALL)
"""How a remembered ticket is looked for, then up to four words of what it was about, then
nothing or only what follows a stop ("…, cant find it"): a longer run is something else
told ("there was a ticket about the vpn and now its broken again"). "is there a ticket for the
vpn?" may ask how to ask for it: a question, as before."""


def ticket_sought(text: str) -> str | None:
    """The search for the ticket remembered ("find the ticket about recording"), or None."""
    found = _SOUGHT.fullmatch(text.strip())
    if found is None or any(ch.isdigit() for ch in found["topic"]):
        return None  # "is there a ticket for 12?": that ticket, shown
    return f"find the ticket about {found['topic']}"
