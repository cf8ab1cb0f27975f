"""A table's cells in a PDF come out as separate words, however the PDF places them.

Each layout below is how some writer draws a table row "Printer | Floor 2 | Ext 4410":
cells as text objects of their own (Word, LibreOffice), one text object moved cell to
cell, cells under their own transformation ending with a line feed (reportlab, which made
the help fixtures), a two-byte font (Word's Calibri), a 1 pt font scaled by the text
matrix (browsers), and one `TJ` whose offsets make the column gaps. None runs two cells
into one word ("PrinterFloor", "2Ext"), so searches and quotes see every cell's words.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge.extraction import ExtractionLimits
from knowledge.extraction.pdf import read_pdf
from knowledge.text import words
from tests.unit.knowledge.hostile_pdfs import RawPdf
from tests.unit.knowledge.paths import HELP

ROWS = (("Device", "Where", "Phone"), ("Printer", "Floor 2", "Ext 4410"),
        ("Scanner", "Floor 3", "Ext 4420"))
COLUMNS = (72, 200, 320)
CELL_WORDS = [word for row in ROWS for cell in row for word in words(cell)]
_HELVETICA = b"/Font << /R << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"


def _cells() -> list[tuple[str, int, int]]:
    return [(cell, x, 720 - 18 * row) for row, cells in enumerate(ROWS)
            for x, cell in zip(COLUMNS, cells, strict=True)]


def _one_font_pdf(content: bytes) -> bytes:
    raw = RawPdf()
    return raw.finish(root=raw.pages([raw.stream(content)], resources=_HELVETICA))


def own_text_objects() -> bytes:
    return _one_font_pdf(b"".join(b"BT /R 10 Tf 1 0 0 1 %d %d Tm (%s) Tj ET\n"
                                  % (x, y, cell.encode()) for cell, x, y in _cells()))


def moved_cell_to_cell() -> bytes:
    shown, left = [b"BT /R 10 Tf 72 720 Td"], 72
    for row, cells in enumerate(ROWS):
        if row:
            shown.append(b"%d -18 Td" % (72 - left))
            left = 72
        for x, cell in zip(COLUMNS, cells, strict=True):
            shown.append(b"%d 0 Td (%s) Tj" % (x - left, cell.encode()))
            left = x
    return _one_font_pdf(b" ".join([*shown, b"ET"]))


def transformed_with_line_feeds() -> bytes:
    return _one_font_pdf(b"".join(
        b"q 1 0 0 1 %d %d cm BT 1 0 0 1 0 2.5 Tm /R 9 Tf 11.5 TL (%s) Tj T* ET Q\n"
        % (x, y, cell.encode()) for cell, x, y in _cells()))


def scaled_by_the_text_matrix() -> bytes:
    return _one_font_pdf(b"BT /R 1 Tf " + b" ".join(
        b"10 0 0 10 %d %d Tm (%s) Tj" % (x, y, cell.encode()) for cell, x, y in _cells())
        + b" ET")


def gaps_as_offsets() -> bytes:
    rows = [b"1 0 0 1 72 %d Tm [%s] TJ" % (720 - 18 * row, b" -9000 ".join(
        b"(%s)" % cell.encode() for cell in cells)) for row, cells in enumerate(ROWS)]
    return _one_font_pdf(b"BT /R 10 Tf " + b" ".join(rows) + b" ET")


def two_byte_font() -> bytes:
    characters = sorted({char for row in ROWS for cell in row for char in cell})
    codes = {char: number for number, char in enumerate(characters, start=1)}
    pairs = " ".join(f"<{codes[char]:04X}> <{ord(char):04X}>" for char in characters)
    widths = " ".join(f"{codes[char]} [{278 if char == ' ' else 556}]" for char in characters)
    raw = RawPdf()
    to_unicode = raw.stream((
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
        "1 begincodespacerange <0000> <FFFF> endcodespacerange "
        f"{len(characters)} beginbfchar {pairs} endbfchar endcmap end end").encode())
    descendant = raw.add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Calibri /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 556 /W [%s] >>"
        % widths.encode())
    font = (b"/Font << /F1 << /Type /Font /Subtype /Type0 /BaseFont /Calibri /Encoding "
            b"/Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >> >>"
            % (descendant, to_unicode))
    shown = " ".join(f"1 0 0 1 {x} {y} Tm <{''.join(f'{codes[c]:04X}' for c in cell)}> Tj"
                     for cell, x, y in _cells())
    return raw.finish(root=raw.pages([raw.stream(f"BT /F1 10 Tf {shown} ET".encode())],
                                     resources=font))


@pytest.mark.parametrize("layout", [
    own_text_objects, moved_cell_to_cell, transformed_with_line_feeds,
    scaled_by_the_text_matrix, gaps_as_offsets, two_byte_font,
])
def test_every_cell_of_a_table_comes_out_as_its_own_words(layout: Callable[[], bytes]) -> None:
    [page] = read_pdf(layout(), limits=ExtractionLimits()).pages

    assert words(page.text) == CELL_WORDS


def test_the_help_fixtures_error_code_table_keeps_its_codes_apart_from_their_fixes() -> None:
    pages = read_pdf((HELP / "printers-scanning.pdf").read_bytes(),
                     limits=ExtractionLimits()).pages
    found = words("\n".join(page.text for page in pages))

    for code, fix in (("j-501", "paper"), ("sc-542", "fuser"), ("offline", "restart")):
        assert any(found[i] == code and found[i + 1] == fix for i in range(len(found) - 1))
