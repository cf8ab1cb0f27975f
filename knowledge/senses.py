"""Words read in the sense their sentence gives them, before quoting compares them.

Quoting matches a question's words with a sentence's (`knowledge.extractive`). Three
kinds of word share their letters with another sense, and the other sense is what
the help documents often use:

- a verb with its particle is another verb: "my laptop won't turn on" is not "turn it
  upside down", "I can't log in" is not "every use is logged", "where do I pick up my
  laptop" is not "pick FH-FollowMe from the list". The two are read as one word
  ("turnon", "login", "pickup"), on both sides, also with a pronoun between ("switch it
  off"); the verb alone still matches the verb alone;
- "work" told as not working ("the hotspot is not working", "my pass doesn't work")
  says only that something is wrong, never what: matched, it finds "working days",
  "allowed for work" and "save your work";
- "called" before the name it gives ("a queue called FH-FollowMe", "a folder called
  Scans") names, and is no "call" of the service desk.
"""

from __future__ import annotations

import re

from knowledge.terms import stem

PARTICLES: dict[str, frozenset[str]] = {
    "turn": frozenset({"on", "off"}),
    "switch": frozenset({"on", "off"}),
    "power": frozenset({"on", "off"}),
    "log": frozenset({"in", "on", "off", "out"}),
    "sign": frozenset({"in", "on", "out", "up"}),
    "pick": frozenset({"up"}),
    "show": frozenset({"up"}),
    "set": frozenset({"up"}),
    "boot": frozenset({"up"}),
    "start": frozenset({"up"}),
    "shut": frozenset({"down"}),
    "back": frozenset({"up"}),
    "hang": frozenset({"up"}),
}
"""The verbs whose particle makes another verb of them, by their stem, with those particles."""

_WITH_PARTICLE = re.compile(
    r"\b([a-z]+)\s+(?:(it|them|me|him|her|us|this|that|everything)\s+)?(on|off|into|in|out|up|down)\b",
    re.IGNORECASE)
_SAME_PARTICLE = {"into": "in"}

_NOT = (r"(?:\b(?:not|never|no\s+longer|stopped|stops|quit|doesnt|isnt|wont|cant|dont|didnt|arent"
        r"|wasnt|werent|aint|couldnt|wouldnt|hasnt|havent)|\b\w+n['’]t)")
_NOT_WORKING = re.compile(
    rf"({_NOT}\s+(?:(?:be|been|seem|seems|seemed|appear|appears|to|really|even|properly|quite"
    r"|always|anymore)\s+)*)work(?:s|ing|ed)?\b",
    re.IGNORECASE)
"""'not working', 'doesn't work', 'stopped working', 'doesn't seem to work', 'no longer works'."""

_NAMING = re.compile(r"\b([A-Za-z]+)\s+(?:called|named)\s+(?=[\"“‘'`]?[A-Z0-9])")
_WHO_CALLS = frozenset("i you he she we they who someone somebody nobody user customer".split())
"""Before "called", a word that says who phoned ("I called Sam"), not what was named."""


def read_in_sense(text: str) -> str:
    """`text` with each verb and its particle made one word, "work" told as not working left
    out, and "called" before a name left out; what is left reads as the text did."""
    text = _NOT_WORKING.sub(r"\1", text)
    text = _NAMING.sub(_without_naming, text)
    return _WITH_PARTICLE.sub(_joined, text)


def _joined(match: re.Match[str]) -> str:
    verb, between, particle = match.group(1), match.group(2), match.group(3).casefold()
    root, particle = stem(verb.casefold()), _SAME_PARTICLE.get(particle, particle)
    if particle not in PARTICLES.get(root, frozenset()):
        return match.group(0)
    joined = f"{root}{particle}"
    return f"{joined} {between}" if between else joined


def _without_naming(match: re.Match[str]) -> str:
    named = match.group(1)
    if named.casefold() in _WHO_CALLS:
        return match.group(0)
    return f"{named} "
