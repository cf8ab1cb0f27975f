"""The final order of the candidates the full-text index found, computed the same on both databases.

The database finds candidates by any question word, ranked by its own formula
(`ts_rank` or `bm25()`); the best few dozen are then scored here, from the
analysed text stored with each chunk, so PostgreSQL and SQLite agree on the
order and on the confidence that decides whether to answer at all:

- BM25F: each question term's occurrences in the chunk's text, heading (×2),
  document title, related words (×½, see `knowledge.vocabulary`) and the
  neighbouring chunks (×0.3), saturated, times the term's rarity (idf);
- coverage: the share of the question's rarity the chunk holds at all — the
  answer gate's main evidence, since a passage on another topic matches only
  the common words;
- proximity: question words that stand together in the question and in the
  chunk ("known hosts", "private key") count extra;
- heading and title match: question words in the chunk's heading, and in its
  document's title ("scp with a specific key" is about scp's manual). A title
  word counts by the larger of its rarity in the chunks and its rarity among the
  titles of the candidates' documents: "tar" fills every chunk of tar's manual,
  so it is common as a chunk word, yet only one manual is called tar;
- document support: the share of the question the chunk's document covers
  among the candidates, so a manual that addresses the whole question beats one
  that shares a single word with it.

To choose the passage cited first, the title match counts against the question's
rarest word instead of its whole rarity (`Scored.choice`): a long question, a
statement with a number or a typo in it, would otherwise dilute the one word that
names the manual ("sorting numbers puts 10 before 9" names sort's manual; the rare
"10" and "9" halved what "sort" in its title weighed). The confidence the gate reads
keeps the title at its share of the whole question, so a question that only shares
a title word ("put a password on my backup archive" and tar's "archiving utility")
does not look answerable for it.

The score is about 0..1 (an ideal chunk holds every question word in its
heading and text, next to each other) and is what `LexicalRetriever.decline`
compares with its threshold. The first chunk, the one cited, is chosen with its
document in view: the chunk whose score blended with its document's strength
(`DOCUMENT_SHARE` of it) is highest, so a passage that happens to share the
question's words loses to a manual whose several passages address it. A
document's strength is a geometric sum of its candidates' scores, best first,
each worth `DOCUMENT_DECAY` of the one before and scaled so that a document of
equally good passages is as strong as one of them: every passage that addresses
the question counts, the best most. The others follow by their own score, at most
`DOCUMENT_PLACES` of one document's before every other document's next best, so a
large manual whose many passages each share a word or two with the question cannot
fill the top five and push out the short manual that answers it. Every chunk keeps
its own score as its confidence: the blend chooses, it does not make a weak passage
look answerable.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

K1 = 1.2
LENGTH_WEIGHT = 0.3  # BM25's b: chunks are already cut to similar lengths
FIELD_BOOSTS = {"text": 1.0, "heading": 2.0, "title": 1.0, "related": 0.5, "context": 0.3}
MATCH_CREDIT = {"text": 1.0, "heading": 1.0, "title": 1.0, "related": 0.6, "context": 0.4}
WEIGHTS = {
    "bm25": 0.4, "coverage": 0.2, "proximity": 0.05, "heading": 0.05, "title": 0.4, "document": 0.15
}
"""Relative weights (the score divides by their sum), chosen on the `tune` half of both
evaluation sets (bench/retrieval.py)."""
DOCUMENT_SHARE = 0.45
DOCUMENT_DECAY = 0.75
"""Chosen on the `tune` half (bench/retrieval.py); 0.7-0.8 and 0.4-0.5 give the same
answers there. The mean of the best three at 0.3, before, cited one manuals question fewer
on each half."""
DOCUMENT_PLACES = 3
"""A document's passages in the order before the other documents' next best. Measured on
all four evaluation sets: 3 raises R@5 on the manual sets (held-out manuals 0.864 ->
0.966, tools 0.812 -> 0.906, utils 0.594 -> 0.688) and leaves the page-labelled help set
as it was; 2 costs help R@5 (held-out 0.979 -> 0.938: its right page is often a
document's third passage)."""


@dataclass(frozen=True, slots=True)
class QueryTerm:
    term: str
    idf: float
    position: int  # where the question says it, for proximity


@dataclass(frozen=True, slots=True)
class Candidate:
    """A chunk as the reranker reads it: its analysed fields, and its neighbours' text."""

    key: int
    document: tuple[str, int]
    text: tuple[str, ...]
    heading: tuple[str, ...]
    title: tuple[str, ...]
    related: tuple[str, ...]
    context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Scored:
    key: int
    score: float  # the chunk's own confidence, about 0..1
    coverage: float
    order: float = 0.0  # the choice blended with its document's, which chooses the first
    choice: float = 0.0  # the score with the title matched against the rarest question word


def idf(*, document_frequency: int, chunks: int) -> float:
    """BM25's idf in Lucene's form (never negative), the same on both databases."""
    return math.log(1 + (chunks - document_frequency + 0.5) / (document_frequency + 0.5))


def rerank(terms: Sequence[QueryTerm], candidates: Sequence[Candidate]) -> list[Scored]:
    """The candidates best first (the first chosen by `order`), each with its confidence."""
    total = sum(term.idf for term in terms)
    if not candidates or total <= 0:
        return []
    average = sum(len(c.text) for c in candidates) / len(candidates) or 1.0
    fields = [_fields(candidate) for candidate in candidates]
    by_document: dict[tuple[str, int], set[str]] = defaultdict(set)
    for candidate, counts in zip(candidates, fields, strict=True):
        by_document[candidate.document].update(
            term.term for term in terms if any(counts[name][term.term] for name in counts)
        )
    weights = {term.term: term.idf for term in terms}
    in_titles = _title_weights(terms, candidates)
    rarest = max(term.idf for term in terms)
    scored = []
    for candidate, counts in zip(candidates, fields, strict=True):
        bm25, coverage = _bm25_and_coverage(terms, counts, len(candidate.text) / average)
        titled = sum(in_titles[term.term] for term in terms if counts["title"][term.term])
        parts = {
            "bm25": bm25 / total,
            "coverage": coverage / total,
            "proximity": _proximity(terms, candidate.text),
            "heading": sum(term.idf for term in terms if counts["heading"][term.term]) / total,
            "title": titled / total,
            "document": sum(weights[t] for t in by_document[candidate.document]) / total,
        }
        score = sum(WEIGHTS[name] * min(value, 1.0) for name, value in parts.items())
        choice = score + WEIGHTS["title"] * (min(titled / rarest, 1.0) - min(parts["title"], 1.0))
        scored.append(
            Scored(
                candidate.key,
                score / sum(WEIGHTS.values()),
                parts["coverage"],
                choice=choice / sum(WEIGHTS.values()),
            )
        )
    return _ordered(scored, [candidate.document for candidate in candidates])


def _title_weights(terms: Sequence[QueryTerm], candidates: Sequence[Candidate]) -> dict[str, float]:
    """Each term's weight as a title word: its idf, or its idf among the titles of the
    candidates' documents when that is higher."""
    titles = {candidate.document: frozenset(candidate.title) for candidate in candidates}
    weights = {}
    for term in terms:
        holding = sum(term.term in title for title in titles.values())
        weights[term.term] = max(term.idf, idf(document_frequency=holding, chunks=len(titles)))
    return weights


def _ordered(scored: Sequence[Scored], documents: Sequence[tuple[str, int]]) -> list[Scored]:
    """First the chunk whose score blended with its document's strength is highest, then
    the others by their own score, a document's beyond its first `DOCUMENT_PLACES` after
    every other document's."""
    by_document: dict[tuple[str, int], list[float]] = defaultdict(list)
    for item, document in zip(scored, documents, strict=True):
        by_document[document].append(item.choice)
    strength = {document: _strength(scores) for document, scores in by_document.items()}
    blended = [
        Scored(
            item.key,
            round(item.score, 4),
            round(item.coverage, 4),
            round((1 - DOCUMENT_SHARE) * item.choice + DOCUMENT_SHARE * strength[document], 4),
            round(item.choice, 4),
        )
        for item, document in zip(scored, documents, strict=True)
    ]
    first = max(blended, key=lambda item: item.order)
    of = {item.key: document for item, document in zip(blended, documents, strict=True)}
    placed = Counter([of[first.key]])
    rest, overflow = [], []
    for item in sorted((item for item in blended if item is not first), key=lambda item: -item.score):
        if placed[of[item.key]] < DOCUMENT_PLACES:
            placed[of[item.key]] += 1
            rest.append(item)
        else:
            overflow.append(item)
    return [first, *rest, *overflow]


def _strength(scores: Sequence[float]) -> float:
    """A document's candidate scores summed best first, each `DOCUMENT_DECAY` times the
    weight of the one before, the weights scaled to sum to 1 for an endless document."""
    ordered = sorted(scores, reverse=True)
    return (1 - DOCUMENT_DECAY) * sum(
        score * DOCUMENT_DECAY**rank for rank, score in enumerate(ordered)
    )


def _fields(candidate: Candidate) -> dict[str, Counter[str]]:
    return {
        "text": Counter(candidate.text),
        "heading": Counter(candidate.heading),
        "title": Counter(candidate.title),
        "related": Counter(candidate.related),
        "context": Counter(candidate.context),
    }


def _bm25_and_coverage(
    terms: Sequence[QueryTerm], counts: dict[str, Counter[str]], relative_length: float
) -> tuple[float, float]:
    norm = K1 * (1 - LENGTH_WEIGHT + LENGTH_WEIGHT * relative_length)
    bm25 = coverage = 0.0
    for term in terms:
        frequency = sum(FIELD_BOOSTS[name] * counts[name][term.term] for name in counts)
        if frequency:
            bm25 += term.idf * frequency * (K1 + 1) / (frequency + norm) / (K1 + 1)
            coverage += term.idf * max(
                MATCH_CREDIT[name] for name in counts if counts[name][term.term]
            )
    return bm25, coverage


def _proximity(terms: Sequence[QueryTerm], text: Sequence[str]) -> float:
    """How much of the question's neighbouring word pairs stand close together in the text."""
    ordered = sorted(terms, key=lambda term: term.position)
    if len(ordered) < 2:
        return 0.0
    positions: dict[str, list[int]] = defaultdict(list)
    for index, word in enumerate(text):
        positions[word].append(index)
    earned = possible = 0.0
    for first, second in zip(ordered, ordered[1:], strict=False):
        pair = first.idf + second.idf
        possible += pair
        if positions[first.term] and positions[second.term]:
            gap = min(abs(a - b) for a in positions[first.term] for b in positions[second.term])
            earned += pair * (1.0 if gap <= 1 else 0.5 if gap <= 3 else 0.2 if gap <= 8 else 0.0)
    return earned / possible if possible else 0.0
