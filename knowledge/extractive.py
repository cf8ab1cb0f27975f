"""Answers without a model: the sentences of the best passages that match the question best.

This is what the assistant says when no OpenAI key is configured, and when the
model fails or its reply is rejected. Sentences are scored by the question's
words they contain, rarer words counting more (the same idea as search, at
sentence level); the sentence after a match comes with it when it continues the
same paragraph, because help documents state a problem and then its fix
("… reconnects every few minutes. To fix this, tick Use TLS only."). Sentences
addressed to an AI are never quoted.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from knowledge.injection import without_instructions
from knowledge.passages import Passage
from knowledge.terms import content_terms
from knowledge.text import split_sentences

MAX_PASSAGES = 3
MAX_SNIPPETS = 3
MAX_SNIPPET_WORDS = 70
RUNNER_UP_SHARE = 0.6
"""A second snippet is quoted only when it scores at least this share of the best one."""
LONG_SENTENCE_WORDS = 40
HEADING_MAX_WORDS = 10
SECTION_SHARE = 0.75
"""Question words in the heading a sentence sits under count for it at this share."""
_LIST_NUMBER = re.compile(r"\d{1,2}[.)]")
_ENDS_SENTENCE = re.compile(r"[.!?:;,)\]\"'”’]$")


@dataclass(frozen=True, slots=True)
class _Sentence:
    rank: int
    line: int
    position: int
    text: str
    terms: frozenset[str]
    section: str | None
    """The heading line this sentence sits under, inside the passage."""
    section_terms: frozenset[str]
    opens_section: bool


@dataclass(frozen=True, slots=True)
class Quote:
    """A run of consecutive sentences from one passage."""

    passage: Passage
    text: str


def query_weights(question: str, earlier_question: str | None = None) -> dict[str, float]:
    """The question's terms; a follow-up also searches the earlier question's, at half weight."""
    weights = {term: 0.5 for term in content_terms(earlier_question or "")}
    weights.update({term: 1.0 for term in content_terms(question)})
    return weights


def extract(
    weights: Mapping[str, float],
    passages: Sequence[Passage],
    *,
    max_passages: int = MAX_PASSAGES,
    max_snippets: int = MAX_SNIPPETS,
    avoid: frozenset[str] = frozenset(),
) -> list[Quote]:
    """The best quotes for a question, best passage first; empty when no sentence matches.

    Sentences holding any of the `avoid` terms are left out: after a model reply was
    rejected, the words it had no business saying point at the text that steered it.
    """
    considered = list(passages[:max_passages])
    sentences = [
        s for rank, p in enumerate(considered) for s in _sentences(rank, p)
        if not s.terms & avoid
    ]
    if not sentences or not weights:
        return []
    scores = _scores(sentences, weights)
    ranked = sorted(
        (i for i, score in enumerate(scores) if score > 0), key=lambda i: (-scores[i], i)
    )
    chosen: list[list[int]] = []
    used: set[int] = set()
    for index in ranked:
        if len(chosen) == max_snippets:
            break
        if chosen and scores[index] < RUNNER_UP_SHARE * scores[chosen[0][0]]:
            break
        if index in used:
            continue
        run = [index, *_continuation(sentences, index, used)]
        used.update(run)
        chosen.append(run)
    chosen.sort(key=lambda run: (sentences[run[0]].rank, run[0]))
    return [_quote(considered, [sentences[i] for i in run]) for run in chosen]


def _quote(passages: Sequence[Passage], run: Sequence[_Sentence]) -> Quote:
    """The sentences, led by their section heading when they open the section ("Budget: …")."""
    text = " ".join(sentence.text for sentence in run)
    first = run[0]
    if first.opens_section and first.section:
        text = f"{first.section.rstrip(':')}: {text}"
    return Quote(passage=passages[first.rank], text=text)


def _sentences(rank: int, passage: Passage) -> list[_Sentence]:
    carried = " ".join((passage.heading or "").split())
    section: str | None = None
    section_terms = frozenset(content_terms(carried))
    opens = False
    found = []
    text = without_instructions(passage.text).text
    for line_number, raw in enumerate(text.split("\n")):
        line = " ".join(raw.split())
        if not line:
            continue
        if _is_heading(line):
            if line.casefold() != carried.casefold():
                section, section_terms, opens = line, frozenset(content_terms(line)), True
            continue
        for position, sentence in enumerate(_list_items_joined(split_sentences(line))):
            found.append(
                _Sentence(
                    rank=rank,
                    line=line_number,
                    position=position,
                    text=sentence,
                    terms=frozenset(content_terms(sentence)),
                    section=section,
                    section_terms=section_terms,
                    opens_section=opens,
                )
            )
            opens = False
    return found


def _list_items_joined(sentences: Sequence[str]) -> list[str]:
    """"1." split off as a sentence of its own belongs to the step after it."""
    joined: list[str] = []
    pending = ""
    for sentence in sentences:
        if _LIST_NUMBER.fullmatch(sentence):
            pending = f"{pending}{sentence} "
            continue
        joined.append(pending + sentence)
        pending = ""
    if pending.strip():
        joined.append(pending.strip())
    return joined


def _is_heading(line: str) -> bool:
    """A short line without closing punctuation: a title, a section or a table label."""
    return len(line.split()) <= HEADING_MAX_WORDS and not _ENDS_SENTENCE.search(line)


def _scores(sentences: Sequence[_Sentence], weights: Mapping[str, float]) -> list[float]:
    frequency = Counter(term for s in sentences for term in s.terms if term in weights)
    total = len(sentences)

    def idf(term: str) -> float:
        return math.log(1 + total / max(1, frequency[term]))

    scores = []
    for sentence in sentences:
        matched = sentence.terms & weights.keys()
        score = sum(weights[t] * idf(t) for t in matched)
        context = (sentence.section_terms & weights.keys()) - matched
        score += SECTION_SHARE * sum(weights[t] * idf(t) for t in context)
        length = len(sentence.text.split())
        if length > LONG_SENTENCE_WORDS:
            score *= LONG_SENTENCE_WORDS / length
        scores.append(score * (1 - 0.1 * sentence.rank))
    return scores


def _continuation(sentences: Sequence[_Sentence], index: int, used: set[int]) -> list[int]:
    """The next sentence of the same paragraph, when the quote stays short enough."""
    follower = index + 1
    if follower >= len(sentences) or follower in used:
        return []
    current, following = sentences[index], sentences[follower]
    same_paragraph = (following.rank, following.line) == (current.rank, current.line)
    introduces_it = current.text.endswith(":") and following.rank == current.rank
    if not (same_paragraph or introduces_it):
        return []
    words = len(current.text.split()) + len(following.text.split())
    return [follower] if words <= MAX_SNIPPET_WORDS else []
