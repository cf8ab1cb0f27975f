"""Lexical retrieval: any question word finds candidates, the reranker orders them.

A question in users' words rarely has every one of its words in the answering
passage ("vpn keeps dropping on hotel wifi": the guide says "reconnect every few
minutes"), so a chunk needs only some of the words. Questions and chunks are
analysed by one analyzer (`knowledge.analysis`), so both databases hold and look
up the same terms. The database ranks candidates by the rarity of what matched
(see the two `ChunkSearch` implementations in `db/repositories/chunk_search.py`);
the best `pool` of them, with their neighbouring chunks, are scored by
`knowledge.reranking`, in Python, identically on both databases.

A question word no document holds may be a typo ("compresion"): it is replaced by
the most frequent indexed term one edit away, at a lower weight, unless it is an
English word: "permit" is no typo of "permil", and correcting English words to other
ones ("spilt" to "spill") made unanswerable questions look answerable more often than
it found answers (gate AUC on tools .782 -> .768, manuals .974 -> .967). The reranker's
score is about 0..1, and a question about something no document mentions
("parking permit") scores low because its rarest words, which weigh most, match
nothing. That makes one threshold — `decline_below` — meaningful for refusing to
answer.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from knowledge.analysis import analyse, distinct, fold_accents
from knowledge.lexicon import base_form, english_frequency, is_english_word
from knowledge.passages import Passage, SourceKind
from knowledge.question import question_words
from knowledge.text import words as text_words
from knowledge.reranking import Candidate, QueryTerm, idf, rerank

DEFAULT_DECLINE_BELOW = 0.224
"""Calibrated on the `tune` half of both evaluation sets with bench/retrieval.py."""
DEFAULT_POOL = 40
"""How many of the database's candidates the reranker reads."""
CACHE_SIZE = 20_000
TYPO_MIN_LETTERS = 5
TYPO_WEIGHT = 0.8
EVERYDAY_FREQUENCY = 50_000
EVERYDAY_WEIGHT = 0.5
"""A question word no document holds that is everyday English ("ring", "coffee", "broken":
50,000 or more occurrences in `knowledge.lexicon`'s sources) weighs half: it is how people
put a question ("who do i ring if the vpn is broken"), rarely what it is about, while a
rarer one ("overtime", "maternity", "permit") names a topic the documents do not cover.
Chosen on `tune`: the gate's AUC on the four sets (help .892 -> .942, manuals .965 -> .974,
tools .781 -> .782, utils .775 -> .793) and the same figures at 20,000 or 100,000."""
EVERYDAY_NEEDS_FOUND = 2
"""Only beside at least this many question words the documents hold: in "my laptop won't
turn on", asked of the Wi-Fi and email guides, "turn" is the problem itself, and "laptop"
alone must not carry an answer. No answer on the four evaluation sets changes with it."""
JOINED_WEIGHT = 0.5
"""A joined pair ("private key" searched as privatekey, see `_joined_pairs`) repeats the
evidence of its two words, which count on their own: it weighs half (chosen on `tune`)."""
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
BOILERPLATE = frozenset(
    """
    help possible able way supposed try trying tried seem seems somehow anyway basically
    actually maybe perhaps probably sorry urgent asap quick quickly question wondering
    wonder guys everyone one another
    """.split()  # noqa: SIM905 - a word list reads best as words
)
"""How people wrap a request ("any help?", "is it possible to", "I tried", "sorry, quick
question"), dropped from questions only: documents keep these words ("Getting help"), but
a question matching them says nothing about its topic."""


@dataclass(frozen=True, slots=True)
class WeightedTerm:
    """A search term as the backend matches it, weighted by its rarity (IDF)."""

    term: str
    weight: float
    chunks: int = 0  # how many chunks hold it (its document frequency)
    factor: float = 1.0  # below 1 for a term standing in for a misspelt word
    position: int = 0  # the order of its word in the question


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
    ordinal: int = 0
    search_title: str = ""
    search_heading: str = ""
    search_text: str = ""
    search_related: str = ""

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

    async def statistics(self, terms: Sequence[str]) -> tuple[int, dict[str, int]]:
        """The number of chunks, and in how many of them each term occurs."""
        ...

    async def present(self, terms: Sequence[str]) -> set[str]:
        """Which of many terms any chunk holds (the index answers for all of them at once)."""
        ...

    def weight(self, *, document_frequency: int, chunks: int) -> float:
        """A term's IDF, by the formula this backend's ranking uses."""
        ...

    async def rank(self, terms: Sequence[WeightedTerm], *, limit: int) -> list[RankedChunk]:
        """Chunks holding any of the terms, best first by the backend's own ranking."""
        ...

    async def fetch(self, chunk_ids: Sequence[int]) -> list[StoredChunk]: ...

    async def neighbours(self, chunks: Sequence[StoredChunk]) -> list[StoredChunk]:
        """The chunks just before and after each of `chunks` in its document."""
        ...


class LexicalRetriever:
    """`knowledge.passages.Retriever` over a `ChunkSearch`; `decline` is its answer gate.

    Document frequencies are cached until the index changes, so a question costs
    a small query for the index generation, one for the candidates, and one each
    for their text and their neighbours.
    """

    def __init__(
        self,
        search: ChunkSearch,
        *,
        decline_below: float = DEFAULT_DECLINE_BELOW,
        pool: int = DEFAULT_POOL,
    ) -> None:
        self.decline_below = decline_below
        self._search = search
        self._pool = pool
        self._generation: str | None = None
        self._frequencies: dict[str, int] = {}
        self._corrections: dict[str, tuple[str, ...]] = {}
        self._chunks = 0

    async def search(self, question: str, *, limit: int = 5) -> list[Passage]:
        """The best passages, scored about 0..1 (the reranker's confidence), best first."""
        terms = await self.terms(question)
        if not terms or limit <= 0:
            return []
        found = [term for term in terms if term.chunks]
        if not found:
            return []
        ranked = await self._search.rank(found, limit=max(limit, self._pool))
        stored = await self._search.fetch([hit.chunk_id for hit in ranked])
        if not stored:
            return []
        around = await self._search.neighbours(stored)
        context: dict[tuple[str, int, int], StoredChunk] = {
            (chunk.source.value, chunk.document_id, chunk.ordinal): chunk
            for chunk in (*stored, *around)
        }
        candidates = [
            Candidate(
                key=chunk.chunk_id,
                document=(chunk.source.value, chunk.document_id),
                text=tuple(chunk.search_text.split()),
                heading=tuple(chunk.search_heading.split()),
                title=tuple(chunk.search_title.split()),
                related=tuple(chunk.search_related.split()),
                context=tuple(
                    word
                    for offset in (-1, 1)
                    if (near := context.get(
                        (chunk.source.value, chunk.document_id, chunk.ordinal + offset)
                    ))
                    for word in near.search_text.split()
                ),
            )
            for chunk in stored
        ]
        query = [
            QueryTerm(
                term.term,
                idf(document_frequency=term.chunks, chunks=max(self._chunks, term.chunks)) * term.factor,
                term.position,
            )
            for term in terms
        ]
        by_id = {chunk.chunk_id: chunk for chunk in stored}
        return [
            by_id[scored.key].passage(scored.score) for scored in rerank(query, candidates)[:limit]
        ]

    def decline(self, passages: Sequence[Passage]) -> bool:
        """True when the best passage covers too little of the question to answer from."""
        return not passages or passages[0].score < self.decline_below

    async def terms(self, question: str) -> list[WeightedTerm]:
        """The question's search terms with their current weights; a word no chunk holds
        stands as its likely correction when there is one, else as itself (matching nothing)."""
        words = [word for word in question_words(question) if word not in BOILERPLATE]
        if not words:
            return []
        analysed = [(position, term) for position, word in enumerate(words) for term in analyse(word)]
        if not analysed:
            return []
        joined = _joined_pairs(question, words)
        await self._refresh([term for _, term in analysed] + [term for _, term in joined])
        compounds = {term for _, term in joined} - {term for _, term in analysed}
        analysed += [(position, term) for position, term in joined if self._frequencies[term]]
        terms: dict[str, WeightedTerm] = {}
        for position, term in analysed:
            if term in terms:
                continue
            factor = JOINED_WEIGHT if term in compounds else 1.0
            verb = await self._base(words[position], term) if not self._frequencies[term] else None
            if verb is not None:
                term = verb
            elif not self._frequencies[term]:
                corrections = await self._correct(words[position], term)
                if corrections:
                    term, factor = corrections[0], TYPO_WEIGHT
                elif english_frequency(words[position]) >= EVERYDAY_FREQUENCY:
                    factor = EVERYDAY_WEIGHT
            terms.setdefault(term, self._weighted(term, factor=factor, position=position))
        found = sum(1 for term in terms.values() if term.chunks and term.term not in compounds)
        if found < EVERYDAY_NEEDS_FOUND:
            return [term if term.chunks else replace(term, factor=1.0) for term in terms.values()]
        return list(terms.values())

    def _weighted(self, term: str, *, factor: float, position: int) -> WeightedTerm:
        frequency = self._frequencies[term]
        return WeightedTerm(
            term,
            self._search.weight(document_frequency=frequency, chunks=max(self._chunks, frequency)),
            chunks=frequency,
            factor=factor,
            position=position,
        )

    async def _base(self, word: str, term: str) -> str | None:
        """The verb of an irregular past form no chunk holds, when chunks hold the verb:
        "spilt" searched as "spill", "stolen" as "steal" (the same word, at full weight)."""
        verb = base_form(fold_accents(word))
        stems = [stem for stem in analyse(verb)[:1] if stem != term] if verb else []
        if not stems:
            return None
        await self._refresh(stems)
        return stems[0] if self._frequencies[stems[0]] else None

    async def _correct(self, word: str, term: str) -> tuple[str, ...]:
        """Indexed terms one edit away from a misspelt word, the most frequent first; none
        for an English word."""
        folded = fold_accents(word)
        if len(folded) < TYPO_MIN_LETTERS or not folded.isalpha() or is_english_word(folded):
            return ()
        if folded not in self._corrections:
            candidates = distinct(
                stem for edit in _edits(folded) for stem in analyse(edit)[:1] if stem != term
            )
            indexed = sorted(await self._search.present(candidates))
            await self._refresh(indexed)
            known = sorted(
                (c for c in indexed if self._frequencies[c]),
                key=lambda c: (-self._frequencies[c], c),
            )
            self._corrections[folded] = tuple(known[:1])
            if len(self._corrections) > CACHE_SIZE:
                self._corrections.clear()
        return self._corrections[folded]

    async def _refresh(self, terms: list[str]) -> None:
        generation = await self._search.generation()
        if generation != self._generation or len(self._frequencies) > CACHE_SIZE:
            self._generation = generation
            self._frequencies = {}
            self._corrections = {}
        missing = distinct(term for term in terms if term not in self._frequencies)
        if missing:
            self._chunks, frequencies = await self._search.statistics(missing)
            self._frequencies.update(frequencies)


def _joined_pairs(question: str, kept: Sequence[str]) -> list[tuple[int, str]]:
    """Neighbouring words as one, searched only when the index holds the compound: two topic
    words ("ssh agent" for "ssh-agent", "known hosts" for known_hosts), or three words said
    together, filler included, that hold a topic word ("out of office" for "Out-of-office",
    "end to end"). Filler does not join in twos: "set up" is not the noun "setup". Each join
    stands at the place of its first topic word in `kept`."""
    pairs = [
        (position, term)
        for position, (first, second) in enumerate(zip(kept, kept[1:], strict=False))
        if first.isalnum() and second.isalnum()
        for term in analyse(first + second)
    ]
    said = [word.strip("'’.-") for word in text_words(question.lower())]
    for start in range(len(said) - 2):
        joined = said[start:start + 3]
        topic = [kept.index(word) for word in joined if word in kept]
        if topic and all(word.isalnum() for word in joined):
            pairs += [(topic[0], term) for term in analyse("".join(joined))]
    return pairs


def _edits(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {left + right[1:] for left, right in splits if right}
        | {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
        | {left + letter + right[1:] for left, right in splits if right for letter in _LETTERS}
        | {left + letter + right for left, right in splits for letter in _LETTERS}
    )
