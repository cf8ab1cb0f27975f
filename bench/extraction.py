"""Broken words in PDF text: the share of extracted words that are real words, and how
many words are split apart or glued together, before and after the repairs.

    python -m bench.extraction

For each evaluation PDF (the real manuals in tests/fixtures/manuals, tools and utils, and the
help fixtures in tests/fixtures/help) every extracted word is looked up in the reference
vocabulary of the same document: the manual rendered as plain text by groff, or the
Markdown source the fixture PDF was made from (tools/help_fixture_sources), its
words hyphenated at line ends joined.

- "plain" is pypdf's plain extraction, cleaned (`clean_extracted_text`);
- "glyph gaps" the same pages with their spaces set from the glyphs' positions
  (`knowledge.extraction.pdf_glyphs`), cleaned;
- "stored" the text `docs add` stores: `read_pdf`, which also joins words still
  split on pages the glyphs could not space, on the document's own evidence
  (`join_split_words`), and reads typographic look-alikes as ASCII ("˜/" as "~/").

"split" counts neighbouring words that are not both real words but make one when
joined ("for gotten", "windo w"); "glued" counts words that are not real words but
are two when split ("nonedisables", "ssh-addfrom" counts as "addfrom").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdf

from knowledge.extraction.document import ExtractionLimits
from knowledge.extraction.pdf import read_pdf, spaced_by_glyphs
from knowledge.text import clean_extracted_text, words

ROOT = Path(__file__).resolve().parents[1]
MANUALS = ROOT / "tests" / "fixtures" / "manuals"
TOOLS = ROOT / "tests" / "fixtures" / "tools"
UTILS = ROOT / "tests" / "fixtures" / "utils"
HELP = ROOT / "tests" / "fixtures" / "help"
SOURCES = ROOT / "tools" / "help_fixture_sources"


@dataclass(frozen=True, slots=True)
class Breakage:
    """How one extraction of a document reads against its reference vocabulary."""

    words: int
    known: float
    split: int
    glued: int


@dataclass(frozen=True, slots=True)
class Report:
    document: str
    plain: Breakage
    glyph_gaps: Breakage
    stored: Breakage


def _letters(text: str) -> list[str]:
    return [word for word in words(text) if word.isalpha()]


def breakage(pages: list[str], vocabulary: set[str]) -> Breakage:
    found = _letters("\n".join(pages))
    split = 0
    for page in pages:
        for line in page.split("\n"):
            tokens = _letters(line)
            split += sum(
                first + second in vocabulary
                and not (first in vocabulary and second in vocabulary)
                for first, second in zip(tokens, tokens[1:], strict=False)
            )
    glued = sum(
        word not in vocabulary
        and any(
            word[:cut] in vocabulary and word[cut:] in vocabulary
            for cut in range(2, len(word) - 1)
        )
        for word in found
    )
    return Breakage(
        words=len(found),
        known=sum(word in vocabulary for word in found) / max(len(found), 1),
        split=split,
        glued=glued,
    )


def report(pdf: Path, reference: Path) -> Report:
    # cleaned as extracted text is, so a word groff hyphenated at a line end counts
    vocabulary = set(_letters(clean_extracted_text(reference.read_text(encoding="utf-8"))))
    reader = pypdf.PdfReader(pdf)
    raw = [page.extract_text() for page in reader.pages]
    spaced = [
        spaced_by_glyphs(page, text) or text for page, text in zip(reader.pages, raw, strict=True)
    ]
    stored = read_pdf(pdf.read_bytes(), limits=ExtractionLimits())
    return Report(
        document=pdf.name,
        plain=breakage([clean_extracted_text(text) for text in raw], vocabulary),
        glyph_gaps=breakage([clean_extracted_text(text) for text in spaced], vocabulary),
        stored=breakage([page.text for page in stored.pages], vocabulary),
    )


def evaluation_pdfs() -> list[tuple[Path, Path]]:
    manuals = [
        (pdf, pdf.with_suffix(".txt"))
        for folder in (MANUALS, TOOLS, UTILS)
        for pdf in sorted(folder.glob("*.pdf"))
    ]
    fixtures = [(pdf, SOURCES / f"{pdf.stem}.md") for pdf in sorted(HELP.glob("*.pdf"))]
    return manuals + [(pdf, source) for pdf, source in fixtures if source.exists()]


def main() -> None:
    print(
        "| document | words | real words: plain → glyph gaps → stored "
        "| split pairs: plain → stored | glued words: plain → stored |"
    )
    print("|---|---|---|---|---|")
    for pdf, reference in evaluation_pdfs():
        result = report(pdf, reference)
        plain, gaps, stored = result.plain, result.glyph_gaps, result.stored
        print(
            f"| {result.document} | {stored.words:,} "
            f"| {plain.known:.2%} → {gaps.known:.2%} → {stored.known:.2%} "
            f"| {plain.split} → {stored.split} | {plain.glued} → {stored.glued} |"
        )


if __name__ == "__main__":
    main()
