"""Fingerprints and titles of indexed documents."""

from __future__ import annotations

from knowledge.extraction import ExtractedDocument, ExtractedPage, MediaType
from knowledge.indexing import document_title, fingerprint


def _document(filename: str, title: str | None) -> ExtractedDocument:
    return ExtractedDocument(
        filename=filename, media_type=MediaType.PLAIN_TEXT,
        pages=(ExtractedPage(None, "text"),), title=title,
    )


def test_a_fingerprint_changes_with_any_part_and_tells_none_from_empty() -> None:
    base = {"title": "T", "filename": "f.txt", "content": "c", "file_data": "ZGF0YQ=="}
    prints = {
        fingerprint(**base),
        fingerprint(**{**base, "title": "T2"}),
        fingerprint(**{**base, "content": "c2"}),
        fingerprint(**{**base, "file_data": None}),
        fingerprint(**{**base, "file_data": ""}),
        fingerprint(**base, description="d"),
        fingerprint(title="Tf", filename=".txt", content="c", file_data="ZGF0YQ=="),
    }

    assert len(prints) == 7
    assert fingerprint(**base) == fingerprint(**base)


def test_the_title_is_the_given_one_then_the_documents_then_the_file_name() -> None:
    assert document_title(_document("a.md", "Doc Title"), given="  Given\n title ") == "Given title"
    assert document_title(_document("a.md", "Doc Title"), given=None) == "Doc Title"
    assert document_title(_document("vpn_setup-guide.md", None), given="") == "Vpn setup guide"
    assert len(document_title(_document("a.md", "x" * 400), given=None)) == 255
