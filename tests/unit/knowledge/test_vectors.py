"""Stored vectors: packing, unit length, and nearest-neighbour search with or without numpy."""

from __future__ import annotations

import math

import pytest

from knowledge import embeddings
from knowledge.embeddings import (
    EmbeddingUnavailable,
    VectorIndex,
    pack_vector,
    unit,
    unpack_vector,
)


def test_a_vector_survives_packing_as_float32() -> None:
    vector = unit([3.0, 4.0, 0.0])

    assert unpack_vector(pack_vector(vector)) == pytest.approx(vector, rel=1e-6)
    assert len(pack_vector(vector)) == 12


def test_vectors_are_made_unit_length_and_empty_or_zero_ones_are_refused() -> None:
    assert math.fsum(v * v for v in unit([1.0, 2.0, 2.0])) == pytest.approx(1.0)
    for bad in ([], [0.0, 0.0], [math.inf, 1.0]):
        with pytest.raises(EmbeddingUnavailable):
            unit(bad)


@pytest.mark.parametrize("with_numpy", [True, False], ids=["numpy", "pure-python"])
def test_the_nearest_vectors_come_first_by_cosine(
    with_numpy: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not with_numpy:
        monkeypatch.setattr(embeddings, "numpy", None)
    rows = [
        (10, pack_vector(unit([1.0, 0.0, 0.0]))),
        (11, pack_vector(unit([0.7, 0.7, 0.0]))),
        (12, pack_vector(unit([0.0, 0.0, 1.0]))),
        (13, b"\x00" * 8),  # another model's size: ignored
    ]
    index = VectorIndex(rows)

    nearest = index.nearest(unit([1.0, 0.2, 0.0]), limit=2)

    assert len(index) == 3
    assert [chunk_id for chunk_id, _ in nearest] == [10, 11]
    assert nearest[0][1] == pytest.approx(1 / math.sqrt(1.04), rel=1e-5)
    assert index.nearest(unit([1.0, 0.0]), limit=2) == []  # wrong dimensions
    assert VectorIndex([]).nearest(unit([1.0]), limit=3) == []
