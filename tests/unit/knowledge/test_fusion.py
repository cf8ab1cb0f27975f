"""Reciprocal rank fusion: ranks, not scores, decide."""

from __future__ import annotations

import pytest

from knowledge.fusion import reciprocal_rank_fusion


def test_an_item_both_rankings_like_beats_one_only_a_single_ranking_puts_first() -> None:
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["d", "b", "a"]])

    assert [item for item, _ in fused] == ["a", "b", "d", "c"]
    assert dict(fused)["a"] == pytest.approx(1 / 61 + 1 / 63)
    assert dict(fused)["b"] == pytest.approx(2 / 62)
    assert dict(fused)["d"] == pytest.approx(1 / 61)


def test_each_item_scores_one_over_k_plus_its_rank_in_every_list_it_is_in() -> None:
    fused = dict(reciprocal_rank_fusion([[1, 2], [2, 3]], k=10))

    assert fused == pytest.approx({1: 1 / 11, 2: 1 / 12 + 1 / 11, 3: 1 / 12})


def test_ties_keep_the_order_of_first_appearance() -> None:
    fused = reciprocal_rank_fusion([["x", "y"], ["y", "x"]])

    assert [item for item, _ in fused] == ["x", "y"]
    assert fused[0][1] == fused[1][1]


def test_a_repeated_item_counts_once_per_list_at_its_best_rank() -> None:
    fused = dict(reciprocal_rank_fusion([["a", "a", "b"]], k=0))

    assert fused == {"a": 1.0, "b": 0.5}


def test_no_rankings_or_empty_rankings_fuse_to_nothing() -> None:
    assert reciprocal_rank_fusion([]) == []
    assert reciprocal_rank_fusion([[], []]) == []


def test_a_negative_k_is_refused() -> None:
    with pytest.raises(ValueError):
        reciprocal_rank_fusion([["a"]], k=-1)
