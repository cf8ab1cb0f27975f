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


ROW_LINES = ["Device | Where | Phone", "Printer | Floor 2 | Ext 4410", "Scanner | Floor 3 | Ext 4420"]


def test_cells_drawn_one_by_one_come_out_as_their_row_joined_by_bars() -> None:
    [page] = read_pdf(transformed_with_line_feeds(), limits=ExtractionLimits()).pages

    assert page.text.split("\n") == ROW_LINES


def _cell_lines(cells: list[tuple[list[str], int]], *, top: int = 720) -> bytes:
    """Each cell drawn as reportlab draws a table's cell or a paragraph: its lines one
    under the other from `top`, each ended by a line feed."""
    return b"".join(
        b"q 1 0 0 1 %d %d cm BT 1 0 0 1 0 2.5 Tm /R 9 Tf 11.5 TL %s ET Q\n"
        % (x, top, b" ".join(b"(%s) Tj T*" % line.encode() for line in lines))
        for lines, x in cells)


def test_a_row_whose_cells_wrap_is_one_line_and_the_next_row_its_own() -> None:
    content = _cell_lines([(["Customer database", "(CRM)"], 72),
                           (["Sales Operations manager, or", "their deputy"], 220)])
    content += _cell_lines([(["Shared drives"], 72), (["Owner of the folder"], 220)], top=690)
    [page] = read_pdf(_one_font_pdf(content), limits=ExtractionLimits()).pages

    assert page.text.split("\n") == [
        "Customer database (CRM) | Sales Operations manager, or their deputy",
        "Shared drives | Owner of the folder",
    ]


def test_paragraphs_and_headings_around_a_table_keep_their_lines() -> None:
    content = _cell_lines([(["Access to business systems"], 72)], top=760)
    content += _cell_lines([(["Each system has a data owner who approves requests. Ask", "them first:"], 72)],
                           top=740)
    content += _cell_lines([(["HR and payroll portal"], 72), (["Head of People"], 220)], top=700)
    [page] = read_pdf(_one_font_pdf(content), limits=ExtractionLimits()).pages

    assert page.text.split("\n") == [
        "Access to business systems",
        "Each system has a data owner who approves requests. Ask",
        "them first:",
        "HR and payroll portal | Head of People",
    ]


def test_prose_set_in_two_columns_keeps_its_lines() -> None:
    left = [f"left column line {number} of the running text," for number in range(1, 9)]
    right = [f"right column line {number} of the running text," for number in range(1, 9)]
    [page] = read_pdf(_one_font_pdf(_cell_lines([(left, 72), (right, 320)])),
                      limits=ExtractionLimits()).pages

    assert page.text.split("\n") == [*left, *right]


def test_the_help_fixtures_tables_keep_each_row_on_one_line() -> None:
    setup = read_pdf((HELP / "new-starter-it-setup.pdf").read_bytes(), limits=ExtractionLimits())
    printers = read_pdf((HELP / "printers-scanning.pdf").read_bytes(), limits=ExtractionLimits())
    lines = {line for pdf in (setup, printers) for page in pdf.pages for line in page.text.split("\n")}

    assert {"System | Approved by", "HR and payroll portal | Head of People",
            "Finance ledger (Sage Intacct) | Financial Controller",
            "J-501 | Paper jam in tray 1. Open the tray and remove the paper.",
            "Offline | Restart the printer and wait two minutes. If your laptop still shows the "
            "queue as offline, restart the PaperCut client."} <= lines


def test_a_tag_written_on_the_line_of_its_hanging_text_keeps_its_lines() -> None:
    """A manual's option ("-v" beside its description) or a list's bullet has a table
    row's shape, but the plain text keeps the tag on its text's line: no row there."""
    content = b"BT /R 10 Tf 72 700 Td (-v) Tj 36 0 Td (Verbose: report each file as it is) Tj "
    content += b"0 -12 Td (read, and its size.) Tj ET"
    [page] = read_pdf(_one_font_pdf(content), limits=ExtractionLimits()).pages

    assert page.text.split("\n") == ["-v Verbose: report each file as it is", "read, and its size."]
