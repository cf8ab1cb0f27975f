"""Documents a new user brings, written outside the project's evaluation sets
(tests/fixtures/explore/SOURCES.md): extraction and chunking keep what a reader sees."""

from __future__ import annotations

import re

from knowledge.chunking import chunk_document
from knowledge.extraction import PdfSandbox, extract_document
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
