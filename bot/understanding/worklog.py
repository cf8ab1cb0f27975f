"""Whether a message reports work done on the ticket in view, as a work log reads.

"left a voicemail for the requester, waiting to hear back", "called the user, no answer",
"replaced the toner, testing now", "still waiting on the vendor": said just after a ticket
was shown, it is a note about that ticket (offered as a comment on it, one press), not a
question for the help documents nor a new ticket. It takes an opening that reports what was
done to reach someone or to fix something (a past tense: "called", "emailed", "rebooted"), or
that tells of waiting for someone. A question ("called the user, what next?") is none, and
neither is a problem told ("forgot my password", "locked out again").
"""

from __future__ import annotations

import re

_DONE = (
    "called", "rang", "phoned", "emailed", "e-mailed", "mailed", "messaged", "texted", "pinged",
    "chased", "contacted", "spoke", "spoken", "talked", "left", "sent", "asked", "told",
    "replaced", "swapped", "rebooted", "restarted", "reinstalled", "reimaged", "re-imaged",
    "updated", "patched", "ordered", "escalated", "tested", "checked", "tried", "cleared",
    "reseated", "rolled", "reverted", "cleaned", "unjammed", "fixed", "installed",
    "uninstalled", "removed", "applied", "booked", "arranged", "scheduled", "visited",
    "followed", "raised", "logged", "diagnosed", "ran", "configured", "reconfigured",
)
_WHO = r"(?:i|we|i've|ive|we've|weve|i have|we have|just|already|have)"
_OPENING = re.compile(
    rf"^(?:(?:{_WHO}) )*(?:{'|'.join(re.escape(word) for word in _DONE)})\b"
    r"|^(?:(?:i am|im|i'm|we are|were|we're|still|currently|now) )*waiting (?:on|for)\b"
    r"|^(?:still )?no (?:reply|response|answer|word|news) (?:from|yet)\b"
    r"|^(?:the )?(?:user|requester|customer|caller|vendor|supplier) (?:says|said|confirmed|reports|reported|replied|called|emailed)\b",
)
_QUESTION = re.compile(r"\?|^(?:how|what|why|where|when|who|which|can|could|should|do|does|is|are)\b")


def reports_work(text: str) -> bool:
    """Whether `text` reads as a work-log note rather than a question or a problem."""
    said = " ".join(re.sub(r"[^\w'?-]+", " ", text.lower()).split())
    return bool(_OPENING.search(said)) and not _QUESTION.search(said)
