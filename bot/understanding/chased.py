"""A chase naming no ticket: "this is the third time I'm asking", "still no reply", "why is
nobody answering me", "Hello?? Is anyone there?". Read as said (a thing told, or a question);
said just after a ticket was shown, it asks how that ticket stands."""

from __future__ import annotations

import re

_NOBODY = r"(?:nobody|no one|noone|no-one|no body|none of you)"
_WAITED = (r"(?:(?:it'?s|it has|i'?ve|i have) )?been (?:waiting )?(?:for )?"
           r"(?:ages|forever|so long|days|weeks|hours|a week|a day|\d+ (?:days|hours|weeks))"
           r"(?: now)?")
"""How long they have waited, said as the whole message ("its been ages", "been waiting
days now"): "its been ages since i changed my password" tells of something else."""
_CHASED = re.compile(
    r"\b(?:(?:second|third|fourth|fifth|2nd|3rd|4th|5th|\d+th|nth|umpteenth|last) time (?:that )?"
    r"(?:i'?m|i am|i have|i'?ve|im) (?:been )?(?:asking|chasing|writing|asked|chased|written"
    r"|messaging)"
    rf"|(?:why (?:is|has|does|isn'?t) )?{_NOBODY} (?:has |have |is |ever |even |will )*"
    r"(?:answer|answers|answered|answering|reply|replies|replied|replying|respond|responds"
    r"|responded|responding|got back|gets back|getting back|came back|contacted me|called me"
    r"|calls me|rang me|helps me|helped me|helping me|looked at it)"
    r"\b(?! (?:the|a|an|at|in) (?!(?:ticket|request|case|issue|email|message|chat)\b))"
    r"|still (?:no|not (?:a|any)|without (?:a|an|any)) (?:answer|reply|response|news|update|word"
    r"|call|callback|feedback)"
    r"|still waiting (?:for|on) (?:a |an |any )?(?:answer|reply|response|news|update|callback|call)"
    r"|(?:days?|weeks?|hours?|months?|ages|now) (?:and|but) (?:still )?(?:no|nothing|not a word)"
    r"(?: (?:answer|reply|response|news|update))?$"
    r"|^(?:(?:hello|hi|hey)\W* )?(?:is )?(?:anyone|anybody)(?: there| home| out there)?$"
    r"|^(?:this|it|that) is taking (?:forever|ages|so long)$|^still waiting$"
    rf"|^(?:(?:hello|hi|hey) )?{_WAITED}$)")
_YOU = r"(?:someone|anyone|somebody|anybody|you|you guys|one of you|the service desk|support)"
_ASKED_WHEN = re.compile(
    rf"^(?:why (?:is|s|is it|does it) )?(?:this|it|that|my (?:ticket|request|issue|case)) "
    r"(?:is )?taking so long$|^why (?:is|s) (?:this|it|that) taking so long$|^how much longer$"
    rf"|\bwhen (?:(?:will|is|are) {_YOU}|{_YOU} (?:will|is|are))(?: going to| gonna)? (?:look at|pick up|get to|get back to"
    r"|reply to|answer|respond to|call|contact|help) (?:it|this|me|my (?:ticket|request|issue|case))$"
    r"|^why (?:hasn'?t|has not|haven'?t|have not|didn'?t|did not) (?:anyone|anybody|someone"
    r"|somebody|you) (?:replied|answered|responded|got back|gotten back|called|contacted|looked)\b")
"""A chase asked as a question ("why is this taking so long?", "how much longer??", "can you
at least tell me when someone will look at it"), of the person's own ticket, not a thing's."""
_NOT_A_CHASE = re.compile(r"^(?:how|what|if|when|should|can|could|where|do)\b")
"""What asks another thing ("what do i do if nobody answers the phone at the it bar?")."""
_OF_OTHERS = re.compile(r"\b(?:user|users|customer|requester|requestor|client|vendor|supplier"
                        r"|caller)s?\b")
"""What waits on someone else ("still no reply from the user", "why haven't you called the
user back": staff noting why it waits, or asking after another's), even asked as a chase."""


def chased(text: str) -> bool:
    """Whether the message chases an answer without naming a ticket (`_CHASED`)."""
    said = " ".join(re.sub(r"[!?.,;:]+", " ", text.lower().replace("’", "'")).split())
    if not said or _OF_OTHERS.search(said) or (
            _NOT_A_CHASE.search(said) and not _ASKED_WHEN.search(said)):
        return False
    return _CHASED.search(said) is not None or _ASKED_WHEN.search(said) is not None
