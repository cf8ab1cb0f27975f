"""Reading the model's reply: what may be shown, and what must be thrown away.

The model is told to answer from the passages and cite them; this module checks
that it did, because a model can be wrong, steered, or simply not follow rules:

- a reply that says the passages hold no answer is reported as such;
- `[n]` naming a passage that was not given is dropped; a reply citing no
  passage at all is not grounded and is rejected;
- a reply that repeats the rules (it holds the prompt's random reference),
  gives orders to an AI, names an email address or link that none of the
  passages contains, shares too few words with the passages it cites, or
  mentions nothing the question asks about is rejected;
- of a reply that stands, every sentence must be supported by a cited passage:
  at least half of its words are in the passages it cites (or, without a marker
  of its own, those its paragraph or the reply cites). Words it repeats from the
  question count neither way: restating "why does my phone drop off the wifi"
  supports no claim added to it. Every figure and option it states ("15
  minutes", "-r", "0800 123 456") must be in those passages or the question: a
  changed number is the error that costs most. The others are dropped; when no
  sentence survives, the reply counts as "not in the passages", so the person
  hears it was not found and is offered a ticket.

A rejected reply is never shown; the assistant quotes the documents instead.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.citations import CitedText, cite, markers_in, strip_markers
from knowledge.injection import addresses_the_assistant
from knowledge.passages import Passage
from knowledge.prompt import NO_ANSWER, Prompt
from knowledge.terms import content_terms
from knowledge.text import split_sentences

MAX_ANSWER_CHARS = 3000
MIN_SHARED_TERMS = 2
MIN_SHARED_SHARE = 0.25
"""A grounded answer reuses the passages' words; this low bar only catches unrelated replies."""
SUPPORT_SHARE = 0.5
"""A sentence is supported when at least this share of its words come from its passages."""
_LEADING_MARKERS = re.compile(r"^((?:\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\]\s*)+)")

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
    supported = supported_sentences(text, prompt.passages, question=question)
    if supported is None:
        return NoAnswer()
    return Grounded(cite(supported, prompt.passages))


def supported_sentences(text: str, passages: Sequence[Passage], *, question: str) -> str | None:
    """`text` without the sentences its passages do not support; None when no sentence
    that says anything is left. Line breaks (steps, lists) are kept."""
    given = range(1, len(passages) + 1)
    cited_anywhere = [n for n in markers_in(text) if n in given]
    asked = set(content_terms(question))
    kept_lines: list[str] = []
    claims = 0
    for line in text.split("\n"):
        line_cited = [n for n in markers_in(line) if n in given]
        kept: list[str] = []
        dropped = said = False
        for sentence in _with_markers_attached(split_sentences(line)):
            terms = set(content_terms(strip_markers(sentence)))
            if not terms:
                kept.append(sentence)
                continue
            own = [n for n in markers_in(sentence) if n in given]
            basis = " ".join(passages[n - 1].text for n in (own or line_cited or cited_anywhere))
            if _supported(strip_markers(sentence), terms, basis, question, asked):
                kept.append(sentence)
                claims += 1
                said = True
            else:
                dropped = True
        if (kept and (said or not dropped)) or not line.strip():
            kept_lines.append(" ".join(kept))  # not a step's number whose step was dropped
    if not claims:
        return None
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept_lines)).strip()


def _supported(
    sentence: str, terms: set[str], basis: str, question: str, asked: set[str]
) -> bool:
    """Whether the passages (`basis`) support the sentence: at least `SUPPORT_SHARE` of
    its words that the question does not give are in them, and every figure and option
    it states is in them or in the question."""
    known = set(content_terms(basis))
    claimed = terms - (asked - known)
    if not claimed or len(claimed & known) < SUPPORT_SHARE * len(claimed):
        return False
    given = _exact_tokens(basis) | _exact_tokens(question)
    return _exact_tokens(sentence) <= given


_EXACT = re.compile(r"(?<![\w-])-{1,2}[A-Za-z0-9][\w-]*|[\w.:/+-]*\d[\w.:/+-]*")


_NUMBER_WORDS = {
    word: str(value) for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen"
        " fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "ninety": "90",
     "hundred": "100"}
_NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(_NUMBER_WORDS)})\b")
_STEP_NUMBER = re.compile(r"^\s*(?:step\s+)?\d{1,2}(?:[.):](?:\s|$)|\s+[-–]\s)")


def _exact_tokens(text: str) -> set[str]:
    """The figures ("15", "09:30", "2.4GHz") and options ("-r", "--keep") of a text,
    which must match as they are. A number may be spelt ("eight hours" is "8 hours"),
    digits split by spaces or thousands separators are one ("0800 123 456", "1,000"),
    and a list's own step number ("2. Open …", "Step 2: Open …") states nothing."""
    plain = _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(0)],
                             _STEP_NUMBER.sub(" ", text.casefold()))
    joined = re.sub(r"(?<=\d)[ ,](?=\d)", "", plain)
    return {token.strip(".:/+-") or token for token in _EXACT.findall(joined)}


def _with_markers_attached(sentences: Sequence[str]) -> list[str]:
    """"… again. [1] Next …" splits before "[1]": the marker belongs to the sentence before."""
    attached: list[str] = []
    for sentence in sentences:
        leading = _LEADING_MARKERS.match(sentence)
        if leading and attached:
            attached[-1] = f"{attached[-1]} {leading.group(1).strip()}"
            sentence = sentence[leading.end():].strip()
        if sentence:
            attached.append(sentence)
    return attached


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
