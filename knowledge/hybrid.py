"""Hybrid retrieval: lexical and semantic rankings fused by their normalised scores.

Each side finds what the other misses: lexical search finds the exact error
message and product name, semantic search the passage that says "reconnect
every few minutes" for a question about the VPN "dropping". Both run at once, and
each passage's score in each ranking, divided by that ranking's best, is summed
(`knowledge.fusion.score_fusion`). Reciprocal rank fusion, before, cited the right
document for fewer questions of the held-out halves and of the tools set no one tuned
on (bench/retrieval.py, all-MiniLM-L6-v2): a passage second by a hair in one ranking
and far down in the other scored as one first there and far down here.

Fused scores are relative to each ranking's best, so they say nothing about whether
to answer. The
gate therefore blends the evidence of each side: the question is answerable when
`lexical_weight` × the best lexical score + the best cosine reaches the semantic
retriever's threshold (with no lexical match at all, that is the semantic gate
alone). With all-MiniLM-L6-v2 (`knowledge.local_embeddings`) a weight of 0.5 and a
threshold of 0.5 were chosen on the `tune` half of both evaluation sets
(bench/retrieval.py): a strong lexical match carries a middling cosine, a strong
cosine a weak lexical match, and a question whose words all occur but whose meaning
matches nothing is refused. Other models have other cosines: calibrate with the
bench. So that `decline` stays `passages[0].score < decline_below`, the fused
scores are scaled so the first passage carries that blend on the lexical scale (the
order is unchanged).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import replace

from knowledge.embeddings import EmbeddingUnavailable
from knowledge.fusion import score_fusion
from knowledge.passages import Passage
from knowledge.retrieval import LexicalRetriever
from knowledge.semantic import SemanticRetriever

DEFAULT_POOL = 20  # how deep each ranking is read before fusing
DEFAULT_LEXICAL_WEIGHT = 0.5  # of the best lexical score in the gate, beside the best cosine

logger = logging.getLogger(__name__)


class HybridRetriever:
    """`knowledge.passages.Retriever` fusing a lexical and a semantic retriever."""

    def __init__(
        self,
        lexical: LexicalRetriever,
        semantic: SemanticRetriever,
        *,
        pool: int = DEFAULT_POOL,
        lexical_weight: float = DEFAULT_LEXICAL_WEIGHT,
    ) -> None:
        self.lexical = lexical
        self.semantic = semantic
        self.lexical_weight = lexical_weight
        self._pool = pool

    @property
    def decline_below(self) -> float:
        return self.lexical.decline_below

    async def search(self, question: str, *, limit: int = 5) -> list[Passage]:
        if limit <= 0:
            return []
        depth = max(limit, self._pool)
        lexical, semantic = await asyncio.gather(
            self.lexical.search(question, limit=depth),
            self._semantic(question, limit=depth),
        )
        if not semantic:
            return lexical[:limit]
        blend = self.lexical_weight * (lexical[0].score if lexical else 0.0) + semantic[0].score
        confidence = blend * self.lexical.decline_below / self.semantic.decline_below
        by_id = {passage.chunk_id: passage for passage in (*semantic, *lexical)}
        fused = score_fusion(
            [[(p.chunk_id, p.score) for p in lexical], [(p.chunk_id, p.score) for p in semantic]]
        )[:limit]
        best = fused[0][1]
        return [
            replace(by_id[chunk_id], score=round(confidence * score / best, 4))
            for chunk_id, score in fused
        ]

    def decline(self, passages: Sequence[Passage]) -> bool:
        return not passages or passages[0].score < self.decline_below

    async def _semantic(self, question: str, *, limit: int) -> list[Passage]:
        """Semantic passages, or none when the endpoint fails: lexical search still answers."""
        try:
            return await self.semantic.search(question, limit=limit)
        except EmbeddingUnavailable as error:
            logger.warning("semantic search unavailable, answering from lexical search: %s", error)
            return []
