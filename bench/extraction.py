"""Words split by PDF kerning: the share of extracted words that are real words, before
and after `knowledge.text.join_split_words`, with and without the layout extraction's
words as evidence.

    python -m bench.extraction

For each evaluation PDF (the real manuals in tests/fixtures/manuals and tools, and the help
fixtures in tests/fixtures/help) the pages are extracted with pypdf as `docs add`
extracts them, and every extracted word is looked up in the reference vocabulary
of the same document: the manual rendered as plain text by groff, or the Markdown
source the fixture PDF was made from (tools/help_fixture_sources). "before" is the
cleaned text, "text alone" the same text with split words joined on the text's own
evidence, "after" joined as `docs add` joins them, with pypdf's layout-mode text of
the same pages as further evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdf

from knowledge.text import clean_extracted_text, join_split_words, words

ROOT = Path(__file__).resolve().parents[1]
MANUALS = ROOT / "tests" / "fixtures" / "manuals"
TOOLS = ROOT / "tests" / "fixtures" / "tools"
HELP = ROOT / "tests" / "fixtures" / "help"
SOURCES = ROOT / "tools" / "help_fixture_sources"


@dataclass(frozen=True, slots=True)
class Share:
    document: str
    words: int
    before: float
    text_alone: float
    after: float


def _letters(text: str) -> list[str]:
    return [word for word in words(text) if word.isalpha()]


def share(pdf: Path, reference: Path) -> Share:
    vocabulary = set(_letters(reference.read_text(encoding="utf-8")))
    reader = pypdf.PdfReader(pdf)
    pages = [clean_extracted_text(page.extract_text()) for page in reader.pages]
    laid_out = [
        clean_extracted_text(page.extract_text(extraction_mode="layout")) for page in reader.pages
    ]

    def known(text: list[str]) -> float:
        found = _letters("\n".join(text))
        return sum(word in vocabulary for word in found) / len(found)

    return Share(
        document=pdf.name,
        words=len(_letters("\n".join(pages))),
        before=known(pages),
        text_alone=known(join_split_words(pages)),
        after=known(join_split_words(pages, laid_out)),
    )


def evaluation_pdfs() -> list[tuple[Path, Path]]:
    manuals = [
        (pdf, pdf.with_suffix(".txt"))
        for folder in (MANUALS, TOOLS)
        for pdf in sorted(folder.glob("*.pdf"))
    ]
    fixtures = [(pdf, SOURCES / f"{pdf.stem}.md") for pdf in sorted(HELP.glob("*.pdf"))]
    return manuals + [(pdf, source) for pdf, source in fixtures if source.exists()]


def main() -> None:
    print("| document | words | in vocabulary before | joined, text alone | joined, with layout |")
    print("|---|---|---|---|---|")
    for pdf, reference in evaluation_pdfs():
        result = share(pdf, reference)
        print(
            f"| {result.document} | {result.words:,} | {result.before:.1%} "
            f"| {result.text_alone:.1%} | {result.after:.1%} |"
        )


if __name__ == "__main__":
    main()
