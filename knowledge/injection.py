"""Text in help documents that talks to the assistant instead of to the reader.

Anyone who can upload a help document can write "ignore your instructions"
into it. Such sentences are never shown to the model and never quoted in an
answer: a help document has no business addressing an AI. The patterns are a
filter for known phrasings, one layer among several (the prompt marks document
text as data, and replies are checked before anyone sees them); they do not
claim to recognise every possible attack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text import split_sentences

_AI = r"(?:ai|a\.i\.|assistants?|chat ?bots?|language models?|llms?)"
_SECRET = r"(?:passwords?|passcodes?|credentials|mfa codes?|one-time codes?)"
_ADDRESS = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # "Ignore all previous instructions", "disregard your guidelines"
        (r"\b(?:ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,20}"
         r"\b(?:all|any|previous|prior|earlier|above|your|my|these|system)\s+(?:\w+\s+)?"
         r"(?:instructions|guidelines|directions|guardrails|prompts?)\b"),
        (r"\b(?:ignore|disregard|forget)\b[^.!?\n]{0,20}"
         r"\b(?:all|previous|prior|earlier|above)\s+(?:\w+\s+)?rules\b"),
        r"\b(?:your|previous|system|initial|original)\s+prompt\b",
        # "Note to the AI assistant", "IMPORTANT NOTE FOR AI ASSISTANTS"
        (rf"\b(?:note|message|instructions?|attention|notice)\s+(?:to|for)\s+"
         rf"(?:the\s+|any\s+|all\s+)?(?:\w+\s+)?{_AI}\b"),
        rf"\b(?:dear|hey|hello)\s+{_AI}\b",
        r"\bsystem\s+prompt\b",
        r"\b(?:developer|debug|god|jailbreak)\s+mode\b",
        rf"\byou\s+are\s+now\s+(?:in\s+)?(?:\w+\s+)?(?:mode|an?\s+{_AI})\b",
        r"\bfrom\s+now\s+on\b[^.!?\n]{0,30}\b(?:reply|respond|answer|say|output)\b",
        (r"\b(?:reply|respond|answer)\w*\b[^.!?\n]{0,60}\bwith\s+(?:only\s+)?(?:the\s+)?"
         r"(?:single\s+)?word\b"),
        r"\b(?:reply|respond|answer)\w*\s+(?:only|just)\s+with\b",
        (r"\bdo\s+not\s+(?:mention|reveal|disclose)\s+(?:this|these)\s+"
         r"(?:note|notes|instructions?|messages?)\b"),
        r"\breveal\s+(?:your|the)\s+(?:instructions|prompt|rules)\b",
        # credentials sent to an address: "email their password to x@y"
        (rf"\b(?:send|email|e-mail|forward|share|give)\b[^.!?\n]{{0,40}}\b{_SECRET}\b"
         rf"[^.!?\n]{{0,30}}\bto\s+{_ADDRESS}"),
        rf"\b{_SECRET}\b[^.!?\n]{{0,30}}\b(?:sent|emailed|forwarded|given)\s+to\s+{_ADDRESS}",
    )
)


@dataclass(frozen=True, slots=True)
class Screened:
    text: str
    removed: tuple[str, ...]


def addresses_the_assistant(sentence: str) -> bool:
    """True for a sentence that gives orders to an AI rather than information to a person."""
    return any(pattern.search(sentence) for pattern in _PATTERNS)


def without_instructions(text: str) -> Screened:
    """`text` without the sentences that address the assistant; lines keep their breaks."""
    removed: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        kept = []
        for sentence in split_sentences(line):
            if addresses_the_assistant(sentence):
                removed.append(sentence)
            else:
                kept.append(sentence)
        if kept or not line.strip():
            lines.append(" ".join(kept))
    return Screened(text="\n".join(lines), removed=tuple(removed))
