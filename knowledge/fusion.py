"""Reciprocal rank fusion: one ranking from several, by rank alone.

Lexical and semantic scores live on unrelated scales (a share of IDF mass, a
cosine), so adding them would need a calibration that changes with every model
and corpus. RRF (Cormack, Clarke and Büttcher, 2009) uses only each item's rank
in each list: score = Σ 1 / (k + rank). k = 60 is the value from the paper;
larger k flattens the difference between the first places.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
DEFAULT_K = 60


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[K]], *, k: int = DEFAULT_K
) -> list[tuple[K, float]]:
    """Items of all rankings with their fused score, best first.

    Ranks start at 1; an item missing from a ranking gets nothing from it. Ties
    keep the order of first appearance (earlier rankings first), so the result
    is deterministic.
    """
    if k < 0:
        raise ValueError("k must not be negative")
    scores: dict[K, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(dict.fromkeys(ranking), start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    order = {item: position for position, item in enumerate(scores)}
    return sorted(scores.items(), key=lambda pair: (-pair[1], order[pair[0]]))
