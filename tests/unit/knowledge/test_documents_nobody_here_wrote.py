"""Documents a new user brings, written outside the project's evaluation sets
(tests/fixtures/explore/SOURCES.md): extraction and chunking keep what a reader sees."""

from __future__ import annotations

import re

from knowledge.chunking import chunk_document
from knowledge.extraction import PdfSandbox, extract_document, extract_text_document
from tests.paths import FIXTURES

EXPLORE = FIXTURES / "explore"


async def test_a_page_number_between_dashes_stays_off_the_heading_below_it(
    shared_sandbox: PdfSandbox,
) -> None:
    # groff -ms heads every page after the first with "-2-"; pypdf gives it its own line,
    # and a compound broken at a line end ("Wi-\nFi") must not swallow the heading after it.
    data = (EXPLORE / "ledgerly-manual.pdf").read_bytes()

    document = await extract_document(data, "ledgerly-manual.pdf", sandbox=shared_sandbox)
    chunks = chunk_document(document.pages)

    glued = [line for page in document.pages for line in page.text.split("\n")
             if re.match(r"-\d+-\S", line)]
    assert glued == []
    headings = {chunk.page: chunk.heading for chunk in chunks}
    assert headings[2] == "2. Installing Ledgerly"
    assert headings[11] == "11. Troubleshooting"
    assert not any(re.search(r"(?m)^-\d+-", chunk.text) for chunk in chunks)


def test_a_windows_1252_file_with_utf8_pasted_in_reads_both_and_keeps_its_heading() -> None:
    # Windows-1252 dashes, euro sign and quotes, CRLF line ends, and one "é" typed as UTF-8:
    # the "é" was read as "Ã©", so "cafe" found nothing and the title read "cafÃ© rules";
    # the CRLF hid the "=====" underline that makes the first line a heading.
    data = (EXPLORE / "kitchen-cafe-rules.txt").read_bytes()

    document = extract_text_document(data, "kitchen-cafe-rules.txt")

    assert document.title == "Kitchen and café rules"
    assert document.text.startswith("# Kitchen and café rules\n\nThe 3rd floor café is open 08:00–14:00.")
    assert "€3.50" in document.text and "don’t put knives or the “good” glasses" in document.text
    assert "Ã" not in document.text and "\r" not in document.text


def test_windows_1252_letters_next_to_symbols_are_not_taken_for_utf8() -> None:
    # "É’" is C9 92 in Windows-1252, which UTF-8 would read as "ɒ"
    text = "Résumé: CAFÉ’S menu – naïve, 10 €"
    assert extract_text_document(text.encode("cp1252"), "notes.txt").text == text


def test_markdown_underlined_headings_and_a_table_keep_their_own_lines() -> None:
    # "-----" under a line heads a section (it was removed as a table rule), and the blank
    # lines around a table stay (a rule's "^\s*" ate them, gluing the table to the paragraph).
    data = (EXPLORE / "travel-expenses.md").read_bytes()

    text = extract_text_document(data, "travel-expenses.md").text

    assert "\n\n## Train and air travel\n\n" in text and "\n\n## Mileage\n\n" in text
    assert "on the train.\n\nItem | Limit per day\nHotel (UK) | £140\n" in text
    assert "Meals | £45\n\n## Mileage" in text
