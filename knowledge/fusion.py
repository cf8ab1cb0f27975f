"""One ranking from several: by rank alone (RRF), or by scores normalised per ranking.

Lexical and semantic scores live on unrelated scales (a share of IDF mass, a
cosine), so adding them raw would need a calibration that changes with every
model and corpus. RRF (Cormack, Clarke and Büttcher, 2009) uses only each item's
rank in each list: score = Σ 1 / (k + rank). k = 60 is the value from the paper;
larger k flattens the difference between the first places. `score_fusion` divides
each list's scores by its best first, which needs no calibration either and keeps
how close behind the first an item is (what `knowledge.hybrid` uses).
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


def score_fusion(rankings: Sequence[Sequence[tuple[K, float]]]) -> list[tuple[K, float]]:
    """Items of all rankings with the sum of their scores, each ranking's divided by its best
    (CombSUM of max-normalised scores, Fox and Shaw, 1994), best first.

    Unlike ranks, normalised scores keep how far behind the first an item is: a passage
    a little below the lexical best but the nearest by meaning beats the lexical first
    that meaning puts far down, where RRF counts both as the same two ranks. A ranking
    whose best score is not positive adds nothing; a repeated item counts once per
    ranking, at its best score. Ties keep the order of first appearance.
    """
    scores: dict[K, float] = {}
    for ranking in rankings:
        best: dict[K, float] = {}
        for item, score in ranking:
            best[item] = max(score, best.get(item, score))
        top = max(best.values(), default=0.0)
        if top <= 0:
            continue
        for item, score in best.items():
            scores[item] = scores.get(item, 0.0) + max(score, 0.0) / top
    order = {item: position for position, item in enumerate(scores)}
    return sorted(scores.items(), key=lambda pair: (-pair[1], order[pair[0]]))
