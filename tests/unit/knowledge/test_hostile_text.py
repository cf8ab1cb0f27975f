"""Markdown and HTML uploads shaped to make a parser search the whole file from every mark.

Each file below is 200 KB, a twenty-fifth of the characters a file may hold. Before the
readers paired marks in one pass, each took minutes of CPU in the thread that indexes
(100 KB of '*a ' over 20 s, of '<a b="' 52 s, growing with the square of the size); now
each takes well under a second. The cap only proves the work is bounded.
"""

from __future__ import annotations

import time

import pytest

from knowledge.extraction import (
    DocumentTooLarge,
    ExtractionLimits,
    MediaType,
    extract_text_document,
)

TIME_CAP_SECONDS = 30.0
SIZE = 200_000
LEAD = "# Password reset\n\nOpen Settings and choose Reset.\n\n"


def repeated(piece: str) -> str:
    return piece * (SIZE // len(piece))


HOSTILE_MARKDOWN = {
    "brackets never closed": repeated("["),
    "words in brackets never closed": repeated("[a "),
    "images never closed": repeated("!["),
    "link targets never closed": repeated("[a]("),
    "nested link targets never closed": repeated("[a]((("),
    "emphasis never closed": repeated("*a "),
    "underscores never closed": repeated("_a "),
    "strong emphasis never closed": repeated("**a "),
    "comments never closed": repeated("<!--"),
    "comments never closed, one a line": repeated("<!--\n"),
    "a heading of hashes": "# " + "#" * SIZE + "x",
    "a heading padded with spaces": "# a" + " " * SIZE + "x",
    "link labels never closed, one a line": repeated("[a\n"),
}


@pytest.mark.parametrize("case", list(HOSTILE_MARKDOWN))
def test_a_markdown_page_of_marks_never_closed_is_read_in_one_pass(case: str) -> None:
    started = time.monotonic()
    document = extract_text_document((LEAD + HOSTILE_MARKDOWN[case]).encode(), "page.md")

    assert time.monotonic() - started < TIME_CAP_SECONDS
    assert document.media_type is MediaType.MARKDOWN
    assert document.title == "Password reset"
    assert "Open Settings and choose Reset." in document.text


HOSTILE_HTML = {
    "start tags never closed": repeated("<a"),
    "attributes whose quotes run on": repeated('<a b="'),
    "attributes in single quotes": repeated("<a b='"),
    "attributes without values": repeated("<a b="),
    "unnamed attributes": repeated("<div ="),
    "end tags never closed": repeated("</a"),
    "processing instructions never closed": repeated("<?"),
    "CDATA never closed": repeated("<![CDATA["),
    "text between stray marks": repeated("a<"),
    "comments never closed between tags": repeated("\n\nx><!--"),
    "CDATA never closed between tags": repeated("x><![CDATA["),
}


@pytest.mark.parametrize("case", list(HOSTILE_HTML))
def test_an_html_page_of_constructs_never_closed_is_read_in_one_pass(case: str) -> None:
    page = "<h1>Password reset</h1><p>Open Settings and choose Reset.</p>" + HOSTILE_HTML[case]

    started = time.monotonic()
    document = extract_text_document(page.encode(), "page.html")

    assert time.monotonic() - started < TIME_CAP_SECONDS
    assert document.text.startswith("# Password reset\n\nOpen Settings and choose Reset.")


@pytest.mark.parametrize(
    ("tail", "shown"),
    [
        ("<p>a < b and c <d", "a < b and c <d"),
        ("<p>Use <kbd>Ctrl</kbd>+<kbd>C</kbd> then <b", "Use Ctrl+C then <b"),
        ("<p>x &amp; y <!-- not closed", "x & y <!-- not closed"),
    ],
)
def test_text_after_the_last_tag_is_shown_as_written(tail: str, shown: str) -> None:
    assert extract_text_document(tail.encode(), "tail.html").text == shown


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("**Bold** and *slanted* and _under_ and __strong__.", "Bold and slanted and under and strong."),
        ("a * b * c", "a * b * c"),
        ("2*3*4 and snake_case_name", "2*3*4 and snake_case_name"),
        ("*starts here\n\nends here*", "*starts here\n\nends here*"),
        ("*wraps\na line*", "wraps\na line"),
        ("***both***", "both"),
        ("## Title ##", "## Title"),
        ("see [the guide](https://x.example/a_(b)) and ![logo](l.png)", "see the guide and logo"),
        ("[1]: https://x.example\nBody [text][1]", "Body text"),
        ("a <!-- hidden --> b <!-- open", "a b <!-- open"),
    ],
)
def test_markdown_marks_come_off_in_pairs_as_before(markdown: str, text: str) -> None:
    assert extract_text_document(markdown.encode(), "page.md").text == text


def test_a_text_file_of_more_pages_than_a_pdf_may_have_is_refused() -> None:
    """Each form feed starts a page; 400,000 of them (800 KB) took 18 s to read and chunk."""
    with pytest.raises(DocumentTooLarge, match=r"400,000 pages \(form feeds\); the limit is 2,000"):
        extract_text_document(b"x\f" * 400_000, "printout.txt")


def test_a_text_file_at_the_page_limit_is_read_and_trailing_form_feeds_start_no_page() -> None:
    data = b"one\ftwo\f\fthree\f \f\n\f"

    document = extract_text_document(data, "printout.txt", ExtractionLimits(max_pages=4))

    assert [(page.number, page.text) for page in document.pages] == [
        (1, "one"), (2, "two"), (3, ""), (4, "three")
    ]
    with pytest.raises(DocumentTooLarge, match="4 pages"):
        extract_text_document(data, "printout.txt", ExtractionLimits(max_pages=3))


@pytest.mark.parametrize("section", ["<![<pre>", "<![foo[", "<![ ", "<![0"])
def test_a_marked_section_the_html_parser_cannot_read_is_shown_as_text(section: str) -> None:
    """html.parser raised AssertionError ("expected name token", "unknown status keyword"),
    and `docs add` stopped with a traceback."""
    page = f"<h1>Printers</h1><p>Before</p>{section}After</p><p>Closing ]]></p>"

    text = extract_text_document(page.encode(), "page.html").text

    assert text.startswith("# Printers\n\nBefore")
    assert "After" in text and "Closing" in text
