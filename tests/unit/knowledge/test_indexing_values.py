"""Fingerprints and titles of indexed documents."""

from __future__ import annotations

from knowledge.extraction import ExtractedDocument, ExtractedPage, MediaType
from knowledge.analysis import analyse
from knowledge.indexing import document_title, fingerprint, index_chunks


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


def test_a_chunk_is_searched_by_every_section_heading_it_holds_but_cited_by_its_first() -> None:
    """The email guide's second chunk holds "Shared mailboxes", "Recalling a message" and
    "Large attachments" under its first heading, "Out-of-office replies": each section's
    heading counts as a heading when searched, not as a passing word of the text."""
    page = ExtractedPage(None, (
        "## Out-of-office replies\n\nChoose File > Automatic Replies and set the dates.\n\n"
        "## Recalling a message\n\nOutlook can try to pull back a message for a minute.\n\n"
        "### Large attachments\n\nFiles over 25 MB are shared as a OneDrive link instead."
    ))

    (chunk,) = index_chunks([page], title="Email and Calendar Help")

    searched = chunk.search_heading.split()
    assert chunk.heading == "Out-of-office replies"
    for heading in ("Out-of-office replies", "Recalling a message", "Large attachments"):
        assert set(analyse(heading)) <= set(searched), heading
    assert not set(analyse("OneDrive minute Automatic")) & set(searched)  # the text's words stay text
