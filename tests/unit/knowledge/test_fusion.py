"""Fusing rankings: by rank (RRF), or by scores normalised per ranking."""

from __future__ import annotations

import pytest

from knowledge.fusion import reciprocal_rank_fusion, score_fusion


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


def test_score_fusion_sums_each_rankings_scores_divided_by_its_best() -> None:
    fused = dict(score_fusion([[("a", 0.5), ("b", 0.25)], [("b", 0.8), ("c", 0.2)]]))

    assert fused == pytest.approx({"a": 1.0, "b": 0.5 + 1.0, "c": 0.25})


def test_score_fusion_keeps_how_close_behind_the_first_an_item_is() -> None:
    # b is a hair behind the first in both rankings; a and c are each first in one and
    # far behind in the other. By rank a wins; by normalised score b does.
    lexical = [("a", 0.60), ("b", 0.59), ("c", 0.2)]
    semantic = [("c", 0.70), ("b", 0.69), ("a", 0.1)]

    by_rank = reciprocal_rank_fusion([[i for i, _ in lexical], [i for i, _ in semantic]])
    by_score = score_fusion([lexical, semantic])

    assert by_rank[0][0] == "a"
    assert [item for item, _ in by_score] == ["b", "c", "a"]


def test_score_fusion_is_the_same_whatever_scale_each_ranking_uses() -> None:
    small = score_fusion([[("a", 0.02), ("b", 0.01)], [("b", 0.9), ("a", 0.3)]])
    large = score_fusion([[("a", 200.0), ("b", 100.0)], [("b", 0.9), ("a", 0.3)]])

    assert [i for i, _ in small] == [i for i, _ in large] == ["b", "a"]
    assert dict(small) == pytest.approx(dict(large))


def test_score_fusion_counts_a_repeated_item_once_per_ranking_at_its_best_score() -> None:
    assert dict(score_fusion([[("a", 0.5), ("a", 1.0), ("b", 0.5)]])) == {"a": 1.0, "b": 0.5}


def test_score_fusion_skips_a_ranking_with_nothing_positive_and_keeps_ties_in_order() -> None:
    assert score_fusion([]) == []
    assert score_fusion([[], [("x", 0.0)]]) == []
    assert [item for item, _ in score_fusion([[("x", 0.4), ("y", 0.4)]])] == ["x", "y"]
    assert dict(score_fusion([[("x", 0.5), ("y", -0.2)]])) == {"x": 1.0, "y": 0.0}
