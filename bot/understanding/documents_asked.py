"""Asking which help documents there are: "what help documents do you have?", "which
manuals can you search?", "list the guides", "what can you answer questions about?".

Only the whole message counts: "what does the vpn guide say about mfa" asks what a
document says (for the assistant), "list the guides for the printer" names a topic, and
"show documents attached to 12" is about a ticket's attachments.
"""

from __future__ import annotations

import re

_DOCUMENTS = (r"(?:help |support |knowledge |kb |it |user |how ?to )?"
              r"(?:documents?|docs?|manuals?|guides?|articles?|handbooks?|documentation|"
              r"help files|help pages|knowledge base|kb)")
_OPENING = r"(?:(?:hi|hey|hello|ok|okay|so|and|also|please|pls|can you|could you|bot),? )*"
_CLOSING = r"(?: (?:please|pls|then|now|thanks|thx))*"
_ASKED = re.compile(
    rf"^{_OPENING}(?:"
    rf"(?:what|which) {_DOCUMENTS} (?:do you have|have you got|are there|are available|"
    rf"do you know|can you (?:search|read|see|use|access|look (?:in|at|through))|"
    rf"do you (?:search|read|use)|are you (?:using|reading)|can i ask (?:you )?about)"
    rf"|(?:list|show|show me|give me|tell me)(?: all)?(?: of)? (?:the |your |available |"
    rf"the available )?{_DOCUMENTS}(?: you have| you can search| there are| available)?"
    rf"|do you have (?:any )?{_DOCUMENTS}"
    rf"|what (?:topics |subjects |things )?(?:can|do) you answer (?:questions )?(?:about|on)"
    rf"|what (?:topics |subjects )?(?:do you|(?:do|does) (?:your|the) {_DOCUMENTS}) cover"
    rf"){_CLOSING}$")


def documents_asked(text: str) -> bool:
    """Whether the message asks which help documents the assistant answers from."""
    said = " ".join(re.sub(r"[?!.…]+", " ", text.lower().replace("’", "'")).split())
    return _ASKED.match(said) is not None
