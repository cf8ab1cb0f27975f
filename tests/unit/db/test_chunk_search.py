"""Which terms PostgreSQL takes its candidates from, and when the result is provably exact."""

from __future__ import annotations

from db.repositories.chunk_search import candidate_terms, exact, fts_phrase, tsquery_lexeme
from knowledge.retrieval import RankedChunk, WeightedTerm

TERMS = [
    WeightedTerm("vpn", 2.0, chunks=14_000),
    WeightedTerm("hotel", 4.0, chunks=1_700),
    WeightedTerm("wifi", 3.9, chunks=1_900),
    WeightedTerm("zebra", 9.0, chunks=0),
]


def test_candidates_come_from_the_rarest_terms_within_the_budget() -> None:
    assert [t.term for t in candidate_terms(TERMS, budget=4_000)] == ["zebra", "hotel", "wifi"]
    assert [t.term for t in candidate_terms(TERMS, budget=100_000)] == [
        "zebra", "hotel", "wifi", "vpn"
    ]


def test_the_rarest_term_is_a_candidate_even_beyond_the_budget() -> None:
    common = [WeightedTerm("print", 1.0, chunks=50_000), WeightedTerm("office", 0.5, 60_000)]

    assert [t.term for t in candidate_terms(common, budget=1_000)] == ["print"]


def test_the_top_is_exact_when_left_out_terms_cannot_outscore_it() -> None:
    ranked = [RankedChunk(1, 9.0), RankedChunk(2, 2.5)]

    assert exact(ranked, TERMS, budget=4_000, limit=2)  # vpn alone scores at most 2.0
    assert not exact(ranked, TERMS, budget=4_000, limit=3)  # fewer than asked for
    assert not exact([RankedChunk(1, 9.0), RankedChunk(2, 1.5)], TERMS, budget=4_000, limit=2)
    assert exact([], TERMS, budget=100_000, limit=5)  # nothing was left out


def test_terms_are_quoted_so_they_are_never_read_as_query_syntax() -> None:
    assert tsquery_lexeme("it's") == "'it''s'"
    assert tsquery_lexeme("a\\b") == "'a\\\\b'"
    assert fts_phrase('say "hi"') == '"say ""hi"""'
