"""Reading the model's reply: what may be shown, and what must be thrown away.

The model is told to answer from the passages and cite them; this module checks
that it did, because a model can be wrong, steered, or simply not follow rules:

- a reply that says the passages hold no answer is reported as such;
- `[n]` naming a passage that was not given is dropped; a reply citing no
  passage at all is not grounded and is rejected;
- a reply that repeats the rules (it holds the prompt's random reference),
  gives orders to an AI, names an email address or link that none of the
  passages contains, shares too few words with the passages it cites, or
  mentions nothing the question asks about is rejected.

A rejected reply is never shown; the assistant quotes the documents instead.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from knowledge.citations import CitedText, cite, markers_in, strip_markers
from knowledge.injection import addresses_the_assistant
from knowledge.prompt import NO_ANSWER, Prompt
from knowledge.terms import content_terms
from knowledge.text import split_sentences

MAX_ANSWER_CHARS = 3000
MIN_SHARED_TERMS = 2
MIN_SHARED_SHARE = 0.25
"""A grounded answer reuses the passages' words; this low bar only catches unrelated replies."""

_ADDRESS = re.compile(
    r"(?:https?://|www\.)[^\s<>()\[\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)
_SAYS_NOT_FOUND = re.compile(
    r"\b(?:passages?|documents?|sources?)\b[^.]{0,40}\b(?:do(?:es)? not|don't|doesn't)\s+"
    r"(?:contain|include|say|mention|cover|answer)|\bno information\b|\bcannot find\b|"
    r"\bcouldn't find\b|\bnot (?:mentioned|covered) in\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Grounded:
    answer: CitedText


@dataclass(frozen=True, slots=True)
class NoAnswer:
    """The model says the passages do not answer the question."""


@dataclass(frozen=True, slots=True)
class Ungrounded:
    reason: str


Verdict = Grounded | NoAnswer | Ungrounded


def read_reply(reply: str, prompt: Prompt, *, question: str) -> Verdict:
    """What may be shown of `reply`; `question` holds the words asked (with the earlier
    question, for a follow-up)."""
    text = html.unescape(reply).strip()
    if prompt.canary in text:
        return Ungrounded("the reply repeats the assistant's rules")
    if NO_ANSWER in text:
        return NoAnswer()
    text = text[:MAX_ANSWER_CHARS]
    cited = cite(text, prompt.passages)
    if not cited.citations:
        if _SAYS_NOT_FOUND.search(text):
            return NoAnswer()
        return Ungrounded("the reply cites none of the passages")
    plain = strip_markers(cited.text)
    if any(addresses_the_assistant(sentence) for sentence in split_sentences(plain)):
        return Ungrounded("the reply passes on instructions addressed to an assistant")
    sources = " ".join(
        prompt.passages[n - 1].text for n in markers_in(text) if 1 <= n <= len(prompt.passages)
    )
    given = " ".join(p.text for p in prompt.passages).casefold()
    unknown = [a for a in _ADDRESS.findall(plain) if a.rstrip(".,;:").casefold() not in given]
    if unknown:
        return Ungrounded(f"the reply names addresses no passage contains: {unknown[:3]}")
    if not _shares_enough(plain, f"{sources} {question}"):
        return Ungrounded("the reply shares too few words with the passages it cites")
    asked = set(content_terms(question))
    if asked and not asked & set(content_terms(plain)):
        return Ungrounded("the reply does not mention anything the question asks about")
    return Grounded(cited)


def _shares_enough(answer: str, basis: str) -> bool:
    terms = set(content_terms(answer))
    if not terms:
        return False
    shared = terms & set(content_terms(basis))
    return len(shared) >= min(MIN_SHARED_TERMS, len(terms)) and (
        len(shared) / len(terms) >= MIN_SHARED_SHARE
    )


def steering_terms(reply: str, *, question: str) -> frozenset[str]:
    """The words of a rejected reply that point at the text that steered the model.

    A reply about something else entirely ("HACKED") was most likely dictated by
    a passage; quoting the documents instead must not quote that passage's
    sentence. A reply that is on the question but was rejected for another
    reason (no citation, say) points at nothing.
    """
    said = frozenset(content_terms(strip_markers(html.unescape(reply))))
    asked = frozenset(content_terms(question))
    return frozenset() if said & asked else said - asked
