"""What kind of fact a question asks for, and whether a sentence states one.

"How long till my account unlocks?" wants a duration: of two sentences that share
the question's words, "The lockout clears itself" and "your account is locked for
15 minutes", the second answers it. Likewise "when …" wants a day, date or time and
"how much …" an amount. Only the question's own wording decides; a question that
asks for none of these is scored on its words alone.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Fact(StrEnum):
    DURATION = "duration"
    MOMENT = "moment"
    AMOUNT = "amount"
    STEPS = "steps"
    """How to do something: a step of a procedure, or what to click, tap or type."""


_NUMBER = (r"(?:\d+(?:[.,]\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
           r"|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred)")
_TIME_UNIT = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|(?:working |business |calendar )?days?"
              r"|weeks?|fortnights?|months?|years?)")
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = (r"(?:january|february|march|april|(?-i:May)(?!\s+(?:I|we|you|be|not|also|only)\b)|june"
          r"|july|august|september|october|november|december)")
""""may" is a month only as "May": "then you may throw them away" states no moment."""

_ASKS = {
    Fact.DURATION: re.compile(
        rf"\bhow (?:long|soon|quickly|old)\b|\bhow many {_TIME_UNIT}\b|\bby when\b|\buntil when\b"
        r"|\bstick around\b|\bexpire\b|\bexpiry\b", re.IGNORECASE),
    Fact.MOMENT: re.compile(
        r"(?:^|[.?!,]\s*)when\b|\bwhat time\b|\b(?:which|what) (?:day|date|month|time)\b"
        r"|\bwhen (?:will|do|does|did|is|are|can|should|would)\b", re.IGNORECASE),
    Fact.AMOUNT: re.compile(
        r"\bhow (?:much|many|fast|big|large|often)\b|\b(?:cost|costs|price|fee|fees|budget"
        r"|allowance|limit|cap|maximum|max|minimum|min|quota)\b", re.IGNORECASE),
    Fact.STEPS: re.compile(
        r"\bhow (?:do|can|could|should|would|shall) (?:i|we|you|u|one)\b|\bhow to\b|\bhow i\b"
        r"|\b(?:what are the|which) steps\b|\bwalk me through\b|\bhow (?:does|do) (?:one|you)\b",
        re.IGNORECASE),
}

_STATES = {
    Fact.DURATION: re.compile(
        rf"\b{_NUMBER}(?:\s*(?:-|–|to|or)\s*{_NUMBER})?[\s-]*{_TIME_UNIT}\b", re.IGNORECASE),
    Fact.MOMENT: re.compile(
        rf"\b{_WEEKDAY}s?\b|\b{_MONTH}\b|\b\d{{1,2}}(?:st|nd|rd|th)\b"
        r"|\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b|\b(?:noon|midnight)\b"
        r"|\b(?:end|start|beginning) of (?:the|each|every) (?:day|week|month|year)\b"
        r"|\b(?:each|every) (?:day|week|month|year|morning|evening)\b", re.IGNORECASE),
    Fact.AMOUNT: re.compile(
        r"[£$€]\s?\d|\b\d+(?:[.,]\d+)?\s*(?:%|percent|gb|mb|kb|tb|mbps|gbps|kbps|pages?"
        r"|sheets?|devices?|characters?|digits?|users?|people|copies|times)\b"
        r"|\b(?:up to|at most|at least|no more than|maximum of|limited to) \S*\d",
        re.IGNORECASE),
    Fact.STEPS: re.compile(
        r"^(?:step\s+)?\d{1,2}[.):]\s"  # a numbered step
        r"|:$"  # the lead-in of a list of steps ("To install it on a Mac:")
        r"|\w\s+>\s+\w"  # a menu path: "More actions > Record and transcribe"
        r"|(?:^|[,;:]\s*|\b(?:then|and|or)\s+)"  # an instruction, not "you cannot type …"
        r"(?:click|tap|press|choose|select|open|type|go to|enter|tick)\s+(?!to\b)\S",
        re.IGNORECASE),
}


def asked_for(question: str) -> frozenset[Fact]:
    """The kinds of fact the question asks for; empty when it asks for none of these."""
    return frozenset(fact for fact, asks in _ASKS.items() if asks.search(question))


def states(sentence: str, facts: frozenset[Fact]) -> bool:
    """Whether the sentence states a fact of one of these kinds."""
    return any(_STATES[fact].search(sentence) for fact in facts)
