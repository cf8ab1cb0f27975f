"""Semantic retrieval: the question's embedding against every stored chunk vector.

The vectors of the configured model are loaded once into a `VectorIndex` and
reloaded only when the index generation changes, so a question costs one call
to the embeddings endpoint and one matrix product. Chunks indexed before the
model was configured have no vector until `ticketflow docs reindex` adds them;
until then they are found by lexical search only.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Protocol

from knowledge.embeddings import Embedder, VectorIndex
from knowledge.passages import Passage
from knowledge.retrieval import StoredChunk

DEFAULT_SEMANTIC_DECLINE_BELOW = 0.5
"""A cosine; depends on the model. Also the hybrid gate's threshold (`knowledge.hybrid`):
0.5 was chosen there for the local all-MiniLM-L6-v2; calibrate it with bench/retrieval.py
for another model."""


class ChunkVectors(Protocol):
    async def generation(self) -> str: ...

    async def vectors(self, *, model: str) -> list[tuple[int, bytes]]:
        """(chunk id, packed float32 unit vector) of every chunk embedded by `model`."""
        ...

    async def fetch(self, chunk_ids: Sequence[int]) -> list[StoredChunk]: ...


class SemanticRetriever:
    """`knowledge.passages.Retriever` by cosine similarity; scores are cosines."""

    def __init__(
        self,
        store: ChunkVectors,
        embedder: Embedder,
        *,
        decline_below: float = DEFAULT_SEMANTIC_DECLINE_BELOW,
    ) -> None:
        self.decline_below = decline_below
        self._store = store
        self._embedder = embedder
        self._index: VectorIndex | None = None
        self._generation: str | None = None
        self._loading = asyncio.Lock()

    async def search(self, question: str, *, limit: int = 5) -> list[Passage]:
        if not question.strip() or limit <= 0:
            return []
        index = await self._current_index()
        if not len(index):
            return []
        (query,) = await self._embedder.embed([question])
        nearest = index.nearest(query, limit=limit)
        chunks = {chunk.chunk_id: chunk for chunk in await self._store.fetch([i for i, _ in nearest])}
        return [
            chunks[chunk_id].passage(round(score, 4))
            for chunk_id, score in nearest
            if chunk_id in chunks
        ]

    def decline(self, passages: Sequence[Passage]) -> bool:
        return not passages or passages[0].score < self.decline_below

    async def _current_index(self) -> VectorIndex:
        generation = await self._store.generation()
        async with self._loading:
            if self._index is None or generation != self._generation:
                rows = await self._store.vectors(model=self._embedder.model)
                self._index = await asyncio.to_thread(VectorIndex, rows)
                self._generation = generation
            return self._index
