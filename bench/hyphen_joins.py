"""Words hyphenated at a line end: how many joins the document-wide rule changes, and the
share of joins that give a real word, before and after.

    python -m bench.hyphen_joins

For each evaluation PDF (tests/fixtures/manuals, tools and help) every word broken at a
line end ("case-" / "insensitive") in the text `docs add` reads is joined twice:
- "before": the hyphen kept only when the same page writes the hyphenated form, the
  word joined otherwise ("case-insensitive" → "caseinsensitive");
- "after": `knowledge.text.join_line_end_hyphens`, with the whole document's words and
  an English word list (kept when written hyphenated, joined when the whole word is
  written or is English, kept when both halves are words, joined otherwise).

A join gives a real word when the document's reference text (the manual rendered by
groff, or the fixture's Markdown source) writes that form inside a line: "a-b" as a
hyphenated word, "ab" as a word. Breaks whose two forms the reference never writes
inside a line are not judged ("unjudged").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pypdf

from bench.extraction import evaluation_pdfs
from knowledge.extraction.pdf import spaced_by_glyphs
from knowledge.text import LINE_END_HYPHEN, HyphenEvidence, clean_extracted_text

_TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@dataclass(frozen=True, slots=True)
class Join:
    head: str
    tail: str
    before: str
    after: str


def _pages(pdf: Path) -> list[str]:
    reader = pypdf.PdfReader(pdf)
    return [
        clean_extracted_text(spaced_by_glyphs(page, raw) or raw, join_hyphens=False)
        for page in reader.pages
        for raw in (page.extract_text(),)
    ]


def joins(pages: list[str]) -> list[Join]:
    evidence = HyphenEvidence.of(pages)
    found = []
    for page in pages:
        folded = page.casefold()
        for match in LINE_END_HYPHEN.finditer(page):
            head, tail = match.group(1), match.group(2)
            hyphenated, whole = f"{head}-{tail}", f"{head}{tail}"
            before = hyphenated if hyphenated.casefold() in folded.replace("-\n", "\0") else whole
            after = hyphenated if evidence.keeps_hyphen(head, tail) else whole
            found.append(Join(head, tail, before.casefold(), after.casefold()))
    return found


def reference_forms(reference: Path) -> set[str]:
    """Words and hyphenated words the reference writes inside a line."""
    text = reference.read_text(encoding="utf-8")
    forms: set[str] = set()
    for line in text.splitlines():
        line = line.rstrip()
        if line.endswith("-"):
            line = line[:-1]  # a word broken here is not evidence
        forms.update(token.casefold() for token in _TOKEN.findall(line))
    return forms


def main() -> None:
    total = changed = judged = real_before = real_after = 0
    changes: list[str] = []
    print("| document | breaks | changed | judged | real before → after |")
    print("|---|---|---|---|---|")
    for pdf, reference in evaluation_pdfs():
        forms = reference_forms(reference)
        found = joins(_pages(pdf))
        judge = [j for j in found if {f"{j.head}-{j.tail}".casefold(), j.before, j.after} & forms
                 or f"{j.head}{j.tail}".casefold() in forms]
        doc_changed = [j for j in found if j.before != j.after]
        rb = sum(j.before in forms for j in judge)
        ra = sum(j.after in forms for j in judge)
        total, changed, judged = total + len(found), changed + len(doc_changed), judged + len(judge)
        real_before, real_after = real_before + rb, real_after + ra
        changes += [f"{pdf.name}: {j.before} → {j.after}" for j in doc_changed]
        share = f"{rb / len(judge):.1%} → {ra / len(judge):.1%}" if judge else "-"
        print(f"| {pdf.name} | {len(found)} | {len(doc_changed)} | {len(judge)} | {share} |")
    print(
        f"| all | {total} | {changed} | {judged} "
        f"| {real_before / max(judged, 1):.1%} → {real_after / max(judged, 1):.1%} |"
    )
    print()
    print("\n".join(changes))


if __name__ == "__main__":
    main()
