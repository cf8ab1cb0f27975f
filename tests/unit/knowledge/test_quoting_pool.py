"""What the quotes are read from: the top five, and up to two more of the document cited
first, which the ranking's per-document cap put behind the other documents."""

from __future__ import annotations

from knowledge.answering import CITED_MORE, SEARCH_LIMIT, more_of_the_first
from knowledge.passages import Passage, SourceKind


def passage(chunk: int, document: int) -> Passage:
    return Passage(chunk, SourceKind.HELP_DOCUMENT, document, f"doc {document}", None,
                   f"text {chunk}", score=1.0 / chunk)


def test_the_cited_documents_later_passages_follow_the_top_five() -> None:
    found = [passage(1, 7), passage(2, 7), passage(3, 7), passage(4, 8), passage(5, 9),
             passage(6, 8), passage(7, 7), passage(8, 9), passage(9, 7), passage(10, 7)]
    kept = more_of_the_first(found)
    assert [p.chunk_id for p in kept] == [1, 2, 3, 4, 5, 7, 9]
    assert len(kept) == SEARCH_LIMIT + CITED_MORE


def test_nothing_is_added_when_the_cited_document_has_no_more() -> None:
    found = [passage(1, 7), passage(2, 8), passage(3, 9), passage(4, 8), passage(5, 9),
             passage(6, 8)]
    assert [p.chunk_id for p in more_of_the_first(found)] == [1, 2, 3, 4, 5]
    assert more_of_the_first([]) == []
