"""Lexical retrieval: OR-semantics full-text search ranked by how rare the matched words are.

A question in users' words rarely has every one of its words in the answering
passage ("vpn keeps dropping on hotel wifi": the guide says "reconnect every few
minutes"), so a chunk needs only some of the words, and ranking decides: each
matched word counts by its inverse document frequency, saturated by how often it
occurs (see the two `ChunkSearch` implementations in `db/repositories/chunk_search.py`).

Scores are normalised per question by the score of an ideal chunk that holds
every question word once in its body. A normalised score is therefore the share
of the question's information the chunk covers, about 0..1 on both databases,
and a question about something no document mentions ("parking permit") scores low
because its rarest words, which weigh most, match nothing. That makes one
threshold — `decline_below` — meaningful for refusing to answer.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from knowledge.passages import Passage, SourceKind
from knowledge.question import question_words

DEFAULT_DECLINE_BELOW = 0.38
"""Calibrated on tests/fixtures/help/questions.json with bench/retrieval.py: the highest
threshold that keeps recall@5 of the answerable questions, counting declined ones as
missed, at 0.9 on both databases; it declines 57% (SQLite) to 64% (PostgreSQL) of the
unanswerable ones. Lexical evidence cannot do much better: "how do I order business
cards" matches a passage about corporate cards word for word."""
DEFAULT_POOL = 20
ANALYSIS_CACHE_SIZE = 20_000


@dataclass(frozen=True, slots=True)
class WeightedTerm:
    """A search term as the backend matches it, weighted by its rarity (IDF)."""

    term: str
    weight: float
    chunks: int = 0  # how many chunks hold it (its document frequency)


@dataclass(frozen=True, slots=True)
class RankedChunk:
    chunk_id: int
    score: float  # the backend's own scale; see `ChunkSearch.ceiling`


@dataclass(frozen=True, slots=True)
class StoredChunk:
    chunk_id: int
    source: SourceKind
    document_id: int
    title: str
    page: int | None
    heading: str | None
    text: str

    def passage(self, score: float) -> Passage:
        return Passage(
            chunk_id=self.chunk_id,
            source=self.source,
            document_id=self.document_id,
            title=self.title,
            page=self.page,
            text=self.text,
            score=score,
            heading=self.heading,
        )


class ChunkSearch(Protocol):
    """The full-text index of help chunks (PostgreSQL tsvector or SQLite FTS5)."""

    async def generation(self) -> str:
        """Changes whenever chunks are added or removed: cached statistics expire with it."""
        ...

    async def analyse(self, words: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """The index terms each word becomes (stemmed lexemes, or the word itself)."""
        ...

    async def statistics(self, terms: Sequence[str]) -> tuple[int, dict[str, int]]:
        """The number of chunks, and in how many of them each term occurs."""
        ...

    def weight(self, *, document_frequency: int, chunks: int) -> float:
        """A term's IDF, by the formula this backend's ranking uses."""
        ...

    def ceiling(self, terms: Sequence[WeightedTerm]) -> float:
        """The raw score of a chunk holding each term once in its body."""
        ...

    async def rank(self, terms: Sequence[WeightedTerm], *, limit: int) -> list[RankedChunk]:
        """Chunks holding any of the terms, best first."""
        ...

    async def fetch(self, chunk_ids: Sequence[int]) -> list[StoredChunk]: ...


class LexicalRetriever:
    """`knowledge.passages.Retriever` over a `ChunkSearch`; `decline` is its answer gate.

    Document frequencies are cached until the index changes, so a question costs
    one small query for the index generation, and one for the ranking.
    """

    def __init__(self, search: ChunkSearch, *, decline_below: float = DEFAULT_DECLINE_BELOW) -> None:
        self.decline_below = decline_below
        self._search = search
        self._analysis: OrderedDict[str, tuple[str, ...]] = OrderedDict()
        self._generation: str | None = None
        self._frequencies: dict[str, int] = {}
        self._chunks = 0

    async def search(self, question: str, *, limit: int = 5) -> list[Passage]:
        """The best passages, scored 0..1-ish (share of the question covered), best first."""
        terms = await self.terms(question)
        if not terms or limit <= 0:
            return []
        ranked = await self._search.rank(terms, limit=limit)
        ceiling = self._search.ceiling(terms)
        chunks = {chunk.chunk_id: chunk for chunk in await self._search.fetch(
            [hit.chunk_id for hit in ranked]
        )}
        return [
            chunks[hit.chunk_id].passage(round(hit.score / ceiling, 4))
            for hit in ranked
            if hit.chunk_id in chunks
        ]

    def decline(self, passages: Sequence[Passage]) -> bool:
        """True when the best passage covers too little of the question to answer from."""
        return not passages or passages[0].score < self.decline_below

    async def terms(self, question: str) -> list[WeightedTerm]:
        """The question's search terms with their current weights."""
        words = question_words(question)
        if not words:
            return []
        analysis = await self._analyse(words)
        terms = list(dict.fromkeys(term for word in words for term in analysis[word]))
        if not terms:
            return []
        await self._refresh(terms)
        return [
            WeightedTerm(
                term,
                self._search.weight(
                    document_frequency=self._frequencies[term], chunks=self._chunks
                ),
                chunks=self._frequencies[term],
            )
            for term in terms
        ]

    async def _analyse(self, words: list[str]) -> dict[str, tuple[str, ...]]:
        missing = [word for word in words if word not in self._analysis]
        if missing:
            for word, terms in (await self._search.analyse(missing)).items():
                self._analysis[word] = terms
            while len(self._analysis) > ANALYSIS_CACHE_SIZE:
                self._analysis.popitem(last=False)
        found = {word: self._analysis.get(word, ()) for word in words}
        for word in words:
            if word in self._analysis:
                self._analysis.move_to_end(word)
        return found

    async def _refresh(self, terms: list[str]) -> None:
        generation = await self._search.generation()
        if generation != self._generation or len(self._frequencies) > ANALYSIS_CACHE_SIZE:
            self._generation = generation
            self._frequencies = {}
        missing = [term for term in terms if term not in self._frequencies]
        if missing:
            self._chunks, frequencies = await self._search.statistics(missing)
            self._frequencies.update(frequencies)
