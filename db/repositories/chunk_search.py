"""The full-text index of help chunks: PostgreSQL tsvector + GIN, or SQLite FTS5 with bm25().

Both index the chunks' analysed columns (`knowledge.analysis`: the same stems on
both databases, see revision 0009) and implement `knowledge.retrieval.ChunkSearch`
with OR semantics (a chunk needs any one of the question's terms), ranking the
candidates by the rarity of what matched; `knowledge.reranking` then orders the
best of them the same way on both:

- PostgreSQL: score = Σ idf(t) · ts_rank(search, t) over the question's terms.
  ts_rank of a single lexeme grows with its occurrences and saturates, weighted
  by where it occurs (text A 1.0, heading B 0.4, title C 0.2, related words D
  0.1). websearch_to_tsquery would AND the words and find nothing as soon as one
  is missing, which is the usual case for a question.
- SQLite: FTS5's own bm25() over an OR of the quoted terms, with the same column
  weights.

Document frequencies come from the index itself (a GIN or FTS5 lookup per term)
and are cached by the retriever until the index generation changes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Row, TextClause, and_, exists, func, or_, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from db.reading import reading_engine
from db.repositories.chunks import read_vectors
from db.tables import help_documents, user_guides
from db.tables.knowledge import (
    FTS_TABLE,
    SEARCH_FIELDS,
    help_document_chunks,
    help_indexed_sources,
)
from knowledge.passages import SourceKind
from knowledge.retrieval import RankedChunk, StoredChunk, WeightedTerm

CHUNKS = help_document_chunks.name
# bm25() column weights for (title, heading, text, related), in the order of the FTS5 table.
FTS_WEIGHTS = (0.2, 0.4, 1.0, 0.1)
CANDIDATE_BUDGET = 4_000
"""PostgreSQL scores at most about this many chunks per question (see `rank`)."""


async def index_generation(engine: AsyncEngine) -> str:
    """Changes whenever a source is indexed, re-indexed, embedded or dropped."""
    query = select(
        func.count(),
        func.max(help_indexed_sources.c.indexed_at),
        func.coalesce(func.sum(help_indexed_sources.c.chunk_count), 0),
    )
    async with engine.connect() as connection:
        count, latest, chunks = (await connection.execute(query)).one()
    return f"{count}/{latest}/{chunks}"


async def _term_statistics(
    engine: AsyncEngine,
    terms: Sequence[str],
    *,
    holding: Callable[[str], str],
    quote: Callable[[str], str],
) -> tuple[int, dict[str, int]]:
    """The chunk total and each term's chunk count, in one statement: `holding(parameter)`
    is the FROM … WHERE of the chunks holding the term bound there, `quote` its query form."""
    total = f"(SELECT coalesce(sum(chunk_count), 0) FROM {help_indexed_sources.name})"
    counts = "".join(
        f", (SELECT count(*) FROM {holding(f':q{index}')})" for index in range(len(terms))
    )
    parameters = {f"q{index}": quote(term) for index, term in enumerate(terms)}
    async with engine.connect() as connection:
        chunks, *row = (await connection.execute(text(f"SELECT {total}{counts}"), parameters)).one()
    return int(chunks), dict(zip(terms, map(int, row), strict=True))


async def _present_terms(
    engine: AsyncEngine,
    terms: Sequence[str],
    *,
    query: TextClause,
    any_of: Callable[[list[str]], str],
    words: Callable[[Row[Any]], Iterable[str]],
) -> set[str]:
    """Which terms some chunk holds: `query` finds one chunk holding any of `:any`, and
    `words` reads its terms; each lookup settles at least one term."""
    remaining = set(terms)
    found: set[str] = set()
    async with engine.connect() as connection:
        while remaining:
            row = (await connection.execute(query, {"any": any_of(sorted(remaining))})).first()
            if row is None:
                break
            hit = remaining & set(words(row))
            found |= hit
            remaining -= hit
            if not hit:  # cannot happen with a chunk that matched; never loop on it
                break
    return found


async def fetch_chunks(engine: AsyncEngine, chunk_ids: Sequence[int]) -> list[StoredChunk]:
    """The chunks whose source still stands: one the web app deleted or unpublished since
    the last indexing run is never cited, although its chunks remain until the next run."""
    if not chunk_ids:
        return []
    c = help_document_chunks.c
    document_stands = and_(
        c.source == SourceKind.HELP_DOCUMENT.value,
        exists().where(help_documents.c.id == c.document_id),
    )
    guide_stands = and_(
        c.source == SourceKind.USER_GUIDE.value,
        exists().where(
            user_guides.c.id == c.document_id, user_guides.c.is_published.is_not(False)
        ),
    )
    query = select(*_STORED).where(c.id.in_(list(chunk_ids)), or_(document_stands, guide_stands))
    async with engine.connect() as connection:
        rows = (await connection.execute(query)).all()
    return [_stored(row) for row in rows]


async def neighbour_chunks(engine: AsyncEngine, chunks: Sequence[StoredChunk]) -> list[StoredChunk]:
    """The chunks right before and after each of `chunks` within its document."""
    if not chunks:
        return []
    c = help_document_chunks.c
    wanted = {
        (chunk.source.value, chunk.document_id, chunk.ordinal + offset)
        for chunk in chunks
        for offset in (-1, 1)
    } - {(chunk.source.value, chunk.document_id, chunk.ordinal) for chunk in chunks}
    documents = {(source, document_id) for source, document_id, _ in wanted}
    query = select(*_STORED).where(
        or_(*(and_(c.source == source, c.document_id == document_id)
              for source, document_id in documents)),
        c.ordinal.in_(sorted({ordinal for _, _, ordinal in wanted})),
    )
    async with engine.connect() as connection:
        rows = (await connection.execute(query)).all()
    return [
        _stored(row) for row in rows if (row.source, row.document_id, row.ordinal) in wanted
    ]


_c = help_document_chunks.c
_STORED = (
    _c.id, _c.source, _c.document_id, _c.ordinal, _c.title, _c.page, _c.heading, _c.text,
    _c.search_title, _c.search_heading, _c.search_text, _c.search_related,
)


def _stored(row: Any) -> StoredChunk:
    return StoredChunk(
        chunk_id=row.id,
        source=SourceKind(row.source),
        document_id=row.document_id,
        title=row.title,
        page=row.page,
        heading=row.heading,
        text=row.text,
        ordinal=row.ordinal,
        search_title=row.search_title or "",
        search_heading=row.search_heading or "",
        search_text=row.search_text or "",
        search_related=row.search_related or "",
    )


def candidate_terms(terms: Sequence[WeightedTerm], *, budget: int) -> list[WeightedTerm]:
    """The rarest terms whose chunks add up to at most `budget` (at least the rarest one)."""
    chosen: list[WeightedTerm] = []
    total = 0
    for term in sorted(terms, key=lambda term: term.chunks):
        if chosen and total + term.chunks > budget:
            break
        chosen.append(term)
        total += term.chunks
    return chosen


def exact(ranked: Sequence[RankedChunk], terms: Sequence[WeightedTerm], *, budget: int, limit: int) -> bool:
    """Whether `rank` returned the true top `limit` (MaxScore's bound): a chunk without any
    candidate term scores at most the left-out terms' weights (ts_rank of one term is < 1)."""
    chosen = {term.term for term in candidate_terms(terms, budget=budget)}
    left_out = sum(term.weight for term in terms if term.term not in chosen)
    if not left_out:
        return True
    return len(ranked) >= limit and ranked[limit - 1].score > left_out


def tsquery_lexeme(lexeme: str) -> str:
    """A lexeme as tsquery input: quoted, with quotes and backslashes doubled, never parsed."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


class PostgresChunkSearch:
    def __init__(self, engine: AsyncEngine, *, candidate_budget: int = CANDIDATE_BUDGET) -> None:
        self._engine = reading_engine(engine)
        self.candidate_budget = candidate_budget

    async def generation(self) -> str:
        return await index_generation(self._engine)

    async def statistics(self, terms: Sequence[str]) -> tuple[int, dict[str, int]]:
        return await _term_statistics(
            self._engine, terms,
            holding=lambda term: f"{CHUNKS} WHERE search @@ CAST({term} AS tsquery)",
            quote=tsquery_lexeme,
        )

    async def present(self, terms: Sequence[str]) -> set[str]:
        """Which terms some chunk holds: one GIN lookup of all of them per term found."""
        query = text(
            f"SELECT tsvector_to_array(search) FROM {CHUNKS} "
            "WHERE search @@ CAST(:any AS tsquery) LIMIT 1"
        )
        return await _present_terms(
            self._engine, terms, query=query,
            any_of=lambda remaining: " | ".join(map(tsquery_lexeme, remaining)),
            words=lambda row: row[0],
        )

    def weight(self, *, document_frequency: int, chunks: int) -> float:
        """BM25's idf in Lucene's form, never negative: common words still count a little."""
        return math.log(1 + (chunks - document_frequency + 0.5) / (document_frequency + 0.5))

    async def rank(self, terms: Sequence[WeightedTerm], *, limit: int) -> list[RankedChunk]:
        """Score every term on the chunks holding one of the rarest terms.

        Reading a chunk's tsvector costs about a microsecond and ranking it about
        half of one per term, so scoring all 30,000 chunks that hold "vpn" or
        "office" in a 100,000-chunk library takes 150 ms. Candidates therefore
        come from the rarest terms, as many as fit `candidate_budget` chunks (at
        least the rarest one); common terms still add to the score of those
        candidates. A chunk holding none of the rare terms would miss the
        question's most specific words; it can only rank first when the common
        words' weights alone outscore the candidates (see `exact`). The tsvector
        is copied once per row (`|| ''`), so the per-term ts_rank calls do not
        each decompress it.
        """
        parameters: dict[str, Any] = {"limit": limit}
        scores = []
        for index, term in enumerate(terms):
            parameters[f"q{index}"] = tsquery_lexeme(term.term)
            parameters[f"w{index}"] = term.weight
            scores.append(f"CAST(:w{index} AS float8) * ts_rank(v, CAST(:q{index} AS tsquery))")
        candidates = candidate_terms(terms, budget=self.candidate_budget)
        parameters["any"] = " | ".join(tsquery_lexeme(term.term) for term in candidates)
        query = text(
            f"SELECT id, {' + '.join(scores)} AS score FROM ("
            f"SELECT id, search || ''::tsvector AS v FROM {CHUNKS} "
            "WHERE search @@ CAST(:any AS tsquery) OFFSET 0) AS candidates "
            "ORDER BY score DESC, id LIMIT :limit"
        )
        async with self._engine.connect() as connection:
            rows = (await connection.execute(query, parameters)).all()
        return [RankedChunk(chunk_id=row.id, score=float(row.score)) for row in rows]

    async def fetch(self, chunk_ids: Sequence[int]) -> list[StoredChunk]:
        return await fetch_chunks(self._engine, chunk_ids)

    async def neighbours(self, chunks: Sequence[StoredChunk]) -> list[StoredChunk]:
        return await neighbour_chunks(self._engine, chunks)


def fts_phrase(word: str) -> str:
    """A word as an FTS5 string: quoted, so that no word is read as an operator."""
    return '"' + word.replace('"', '""') + '"'


class SqliteChunkSearch:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = reading_engine(engine)

    async def generation(self) -> str:
        return await index_generation(self._engine)

    async def statistics(self, terms: Sequence[str]) -> tuple[int, dict[str, int]]:
        return await _term_statistics(
            self._engine, terms,
            holding=lambda term: f"{FTS_TABLE} WHERE {FTS_TABLE} MATCH {term}",
            quote=fts_phrase,
        )

    async def present(self, terms: Sequence[str]) -> set[str]:
        """Which terms some chunk holds: one FTS5 lookup of all of them per term found."""
        columns = ", ".join(f"c.{field}" for field in SEARCH_FIELDS)
        query = text(
            f"SELECT {columns} FROM {FTS_TABLE} JOIN {CHUNKS} AS c ON c.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH :any LIMIT 1"
        )
        return await _present_terms(
            self._engine, terms, query=query,
            any_of=lambda remaining: " OR ".join(map(fts_phrase, remaining)),
            words=lambda row: " ".join(value or "" for value in row).split(),
        )

    def weight(self, *, document_frequency: int, chunks: int) -> float:
        """FTS5's bm25() idf, floored as FTS5 floors it (the idf of its ranking)."""
        idf = math.log((chunks - document_frequency + 0.5) / (document_frequency + 0.5))
        return idf if idf > 0 else 1e-6

    async def rank(self, terms: Sequence[WeightedTerm], *, limit: int) -> list[RankedChunk]:
        weights = ", ".join(str(weight) for weight in FTS_WEIGHTS)
        query = text(
            f"SELECT rowid AS id, bm25({FTS_TABLE}, {weights}) AS rank FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH :expression ORDER BY rank, rowid LIMIT :limit"
        )
        expression = " OR ".join(fts_phrase(term.term) for term in terms)
        async with self._engine.connect() as connection:
            rows = (
                await connection.execute(query, {"expression": expression, "limit": limit})
            ).all()
        return [RankedChunk(chunk_id=row.id, score=-float(row.rank)) for row in rows]

    async def fetch(self, chunk_ids: Sequence[int]) -> list[StoredChunk]:
        return await fetch_chunks(self._engine, chunk_ids)

    async def neighbours(self, chunks: Sequence[StoredChunk]) -> list[StoredChunk]:
        return await neighbour_chunks(self._engine, chunks)


class SqlChunkVectors:
    """`knowledge.semantic.ChunkVectors` on either database (vectors are plain bytes)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def generation(self) -> str:
        return await index_generation(self._engine)

    async def vectors(self, *, model: str) -> list[tuple[int, bytes]]:
        async with self._engine.connect() as connection:
            return await read_vectors(connection, model=model)

    async def fetch(self, chunk_ids: Sequence[int]) -> list[StoredChunk]:
        return await fetch_chunks(self._engine, chunk_ids)
