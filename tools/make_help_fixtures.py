"""Render the help-document evaluation set as real multi-page PDFs.

The PDFs under tests/fixtures/ are committed so that tests never need reportlab;
this script exists so that anybody can regenerate them after editing the sources
in tools/help_fixture_sources/ (a small Markdown subset: ``##``/``###`` headings,
``-`` bullets, ``1.`` steps, ``| a | b |`` tables, ``**bold**`` and
``=== page ===`` for an explicit page break).

Every source page is forced onto exactly one PDF page, so that the page numbers
in tests/fixtures/help/questions.json stay true; the script fails if a page
overflows.

Usage (reportlab is needed only here)::

    .venv/bin/pip install reportlab
    .venv/bin/python tools/make_help_fixtures.py
"""

from __future__ import annotations

import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from reportlab import rl_config  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_LEFT  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet  # type: ignore[import-untyped]
from reportlab.lib.units import cm  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Flowable,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tools" / "help_fixture_sources"
HELP_DIR = ROOT / "tests" / "fixtures" / "help"
INJECTION_DIR = ROOT / "tests" / "fixtures" / "injection"
PAGE_BREAK = "=== page ==="
ORGANISATION = "Fernhill Group IT Service Desk"

# The hand-written format fixtures that live beside the PDFs in the help corpus.
TEXT_DOCUMENTS: tuple[dict[str, object], ...] = (
    {
        "filename": "email-calendar.md",
        "title": "Email and Calendar Help",
        "media_type": "text/markdown",
        "pages": None,
        "category": "Email",
        "tags": ["email", "outlook", "calendar", "mailbox"],
    },
    {
        "filename": "wifi-networks.txt",
        "title": "Wi-Fi Networks in Fernhill Offices",
        "media_type": "text/plain",
        "pages": None,
        "category": "Network",
        "tags": ["wifi", "wireless", "guest", "network"],
    },
    {
        "filename": "teams-meetings.html",
        "title": "Teams Meetings: Recording, Guests and Webinars",
        "media_type": "text/html",
        "pages": None,
        "category": "Collaboration",
        "tags": ["teams", "meetings", "recording", "webinar", "guests"],
    },
)


@dataclass
class Source:
    """One help document as written by hand, split into its intended pages."""

    filename: str
    title: str
    category: str
    tags: list[str]
    pages: list[list[str]] = field(default_factory=list)


def read_source(path: Path) -> Source:
    header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    meta = dict(line.split(": ", 1) for line in header.splitlines())
    pages = [_blocks(page) for page in body.split(PAGE_BREAK)]
    return Source(
        filename=path.with_suffix(".pdf").name,
        title=meta["title"],
        category=meta["category"],
        tags=[tag.strip() for tag in meta["tags"].split(",")],
        pages=pages,
    )


def _blocks(page: str) -> list[str]:
    return [block.strip() for block in re.split(r"\n\s*\n", page) if block.strip()]


def _inline(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)


def _styles() -> dict[str, ParagraphStyle]:
    sheet = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=sheet["BodyText"], fontSize=10, leading=13.5)
    return {
        "title": ParagraphStyle("title", parent=sheet["Title"], fontSize=18, alignment=TA_LEFT),
        "h2": ParagraphStyle("h2", parent=sheet["Heading2"], fontSize=14, spaceBefore=4),
        "h3": ParagraphStyle("h3", parent=sheet["Heading3"], fontSize=11.5, spaceBefore=6),
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5),
    }


def _flowables(block: str, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    lines = block.splitlines()
    if block.startswith("### "):
        return [Paragraph(_inline(block[4:]), styles["h3"])]
    if block.startswith("## "):
        return [Paragraph(_inline(block[3:]), styles["h2"])]
    if block.startswith("| "):
        rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
        table = Table(
            [[Paragraph(_inline(cell), styles["cell"]) for cell in row] for row in rows],
            colWidths=[5 * cm, 12 * cm],
        )
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
                ]
            )
        )
        return [table, Spacer(1, 6)]
    if block.startswith("- ") or re.match(r"\d+\. ", block):
        numbered = not block.startswith("- ")
        items = [re.sub(r"^(- |\d+\. )", "", line) for line in lines]
        return [
            ListFlowable(
                [ListItem(Paragraph(_inline(item), styles["body"])) for item in items],
                bulletType="1" if numbered else "bullet",
                leftIndent=14,
            ),
            Spacer(1, 4),
        ]
    return [Paragraph(_inline(" ".join(lines)), styles["body"])]


def render(source: Source) -> bytes:
    styles = _styles()
    story: list[Flowable] = [Paragraph(_inline(source.title), styles["title"])]
    for number, page in enumerate(source.pages, start=1):
        if number > 1:
            story.append(PageBreak())
        for block in page:
            story.extend(_flowables(block, styles))

    def decorate(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(2 * cm, A4[1] - 1.2 * cm, source.title)
        canvas.drawRightString(
            A4[0] - 2 * cm, 1.2 * cm, f"{ORGANISATION} - Internal - Page {document.page}"
        )
        canvas.restoreState()

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=source.title,
        author=ORGANISATION,
        subject=source.category,
        keywords=", ".join(source.tags),
    )
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def write(source: Source, directory: Path) -> dict[str, object]:
    data = render(source)
    rendered_pages = len(PdfReader(io.BytesIO(data)).pages)
    if rendered_pages != len(source.pages):
        raise SystemExit(
            f"{source.filename}: {len(source.pages)} source pages became {rendered_pages} "
            "PDF pages; shorten the page that overflows"
        )
    (directory / source.filename).write_bytes(data)
    return {
        "filename": source.filename,
        "title": source.title,
        "media_type": "application/pdf",
        "pages": rendered_pages,
        "category": source.category,
        "tags": source.tags,
    }


def main() -> int:
    rl_config.invariant = 1  # no timestamps or random ids: reruns give identical bytes
    documents = [write(read_source(path), HELP_DIR) for path in sorted(SOURCES.glob("*.md"))]
    documents.extend(TEXT_DOCUMENTS)
    manifest = {"organisation": "Fernhill Group", "documents": documents}
    (HELP_DIR / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    for path in sorted((SOURCES / "injection").glob("*.md")):
        write(read_source(path), INJECTION_DIR)
    for entry in documents:
        print(f"{entry['filename']}: {entry['pages'] or '-'} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
