"""Where a PDF page's glyphs really are, to tell word gaps from kerning.

pypdf's plain extraction decides spaces with a rule of thumb: a space where the pen
moves by at least half the *current* font's space. groff, Word and LaTeX place kerned
letter pairs with explicit moves ("pri" 88.69 Td "v" reads "pri vate"), and a word
space before a font switch is written in the previous font's run, so a 2.5 pt
Times space after a Courier option name is less than half a Courier space and
vanishes ("ssh-addfrom"). Here every glyph is placed with the font's own widths,
and a gap is a word gap when it is at least a third of the narrower of the two
fonts' spaces: kerning moves stay well under that, and word spaces, even squeezed
by justification, well over. A glyph less than 0.8 of the font size above or below
the last (a superscript, an accent TeX raises over its letter) is on the same line,
as pypdf's plain extraction also takes it.

The result is the page's characters with a boundary mark where the glyphs leave a
gap or start a new line: `respace` uses it to correct the spaces of the plain text,
which stays the text (its order and characters are pypdf's, and its line breaks but
within a table's row).

A table drawn cell by cell (reportlab, which made the help fixtures) comes out of
pypdf one cell a line, so a row's answer ("Head of People") is parted from what it
answers for ("HR and payroll portal"). A row is recognised by where its cells lie: a
piece of text that starts back on the baseline of an earlier line's start, to the right
of all that was written since, is the row's next cell; the lines each cell wraps onto
lie under its first, at its left edge. Those breaks are marked, and `respace` writes
the row as one line with its cells joined by " | ", as the Word, HTML and Markdown
readers write rows. Prose set in columns has the same shape, one long row; a cell of
more than `_MOST_CELL_LINES` lines is read as such a column and left as it is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

import pypdf

try:  # pypdf's font model is not public API: without it the plain spacing stays
    from pypdf.generic._font import Font
except ImportError:  # pragma: no cover - depends on the installed pypdf
    Font = None  # type: ignore[assignment,misc]

_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# A gap of this share of a space (the narrower font's, either side) is a word gap.
_GAP_SHARE_OF_SPACE = 1 / 3
_GAP = " "
_LINE = "\n"
_CELL = "\t"  # the next cell of a table's row
_WRAP = "\r"  # a table cell's next line
_MARKS = (_GAP, _LINE, _CELL, _WRAP)
# A jump along the baseline of at least this share of the font size may start a cell.
_CELL_GAP_SHARE = 1.0
_MOST_CELL_LINES = 6  # a longer "cell" is a column of prose


@dataclass(slots=True)
class _State:
    ctm: tuple[float, ...] = _IDENTITY
    font: Any = None
    size: float = 0.0
    char_spacing: float = 0.0
    word_spacing: float = 0.0
    scale: float = 1.0
    leading: float = 0.0


@dataclass(slots=True)
class _Piece:
    """Text written in one go along one baseline: a line, or a table's cell's line."""

    mark: int  # where its boundary mark is in the output; -1 where it has none
    x: float
    y: float
    end: float
    height: float


@dataclass(slots=True)
class _Pen:
    """The end of the last glyph shown, and the gap a space would need after it."""

    x: float
    y: float
    direction: tuple[float, float]
    height: float
    space: float


def _multiply(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    return (
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    )


def _numbers(operands: list[Any], count: int) -> tuple[float, ...] | None:
    try:
        values = tuple(float(operand) for operand in operands[:count])
    except (TypeError, ValueError):
        return None
    return values if len(values) == count and all(map(math.isfinite, values)) else None


def _setter(name: str) -> Any:
    """A handler for an operator that sets one number of the text state."""

    def handler(reader: _GlyphReader, operands: list[Any]) -> None:
        if (value := _numbers(operands, 1)) is not None:
            setattr(reader.state, name, value[0] / 100 if name == "scale" else value[0])

    return handler


class _GlyphReader:
    """Follows the text state of one content stream (PDF 32000-1, 9.3-9.4)."""

    def __init__(self, fonts: dict[str, Any]) -> None:
        self.fonts = fonts
        self.state = _State()
        self.saved: list[_State] = []
        self.matrix: tuple[float, ...] = _IDENTITY
        self.line: tuple[float, ...] = _IDENTITY
        self.pen: _Pen | None = None
        self.out: list[str] = []
        self.pieces: list[_Piece] = []
        self.level = True  # whether all text so far runs left to right, unrotated

    def read(self, operations: list[tuple[list[Any], bytes]]) -> str:
        for operands, operator in operations:
            handler = self._HANDLERS.get(operator)
            if handler is not None:
                handler(self, operands)
        if self.level:
            for row in _rows(self.pieces):
                self._mark_row(row)
        return "".join(self.out)

    def _mark_row(self, row: list[list[_Piece]]) -> None:
        for number, cell in enumerate(row):
            for line, piece in enumerate(cell):
                if piece.mark >= 0 and (number or line):
                    self.out[piece.mark] = _CELL if line == 0 else _WRAP

    def _save(self, _: list[Any]) -> None:
        self.saved.append(_State(**{name: getattr(self.state, name) for name in _State.__slots__}))

    def _restore(self, _: list[Any]) -> None:
        if self.saved:
            self.state = self.saved.pop()

    def _concat(self, operands: list[Any]) -> None:
        if (values := _numbers(operands, 6)) is not None:
            self.state.ctm = _multiply(values, self.state.ctm)

    def _begin(self, _: list[Any]) -> None:
        self.matrix = self.line = _IDENTITY

    def _font(self, operands: list[Any]) -> None:
        if len(operands) >= 2 and (size := _numbers(operands[1:], 1)) is not None:
            self.state.font = self.fonts.get(operands[0])
            self.state.size = size[0]

    def _move(self, operands: list[Any]) -> None:
        if (values := _numbers(operands, 2)) is not None:
            self.matrix = self.line = _multiply((1, 0, 0, 1, *values), self.line)

    def _move_and_lead(self, operands: list[Any]) -> None:
        if (values := _numbers(operands, 2)) is not None:
            self.state.leading = -values[1]
            self._move(operands)

    def _set_matrix(self, operands: list[Any]) -> None:
        if (values := _numbers(operands, 6)) is not None:
            self.matrix = self.line = values

    def _next_line(self, _: list[Any]) -> None:
        self._move([0.0, -self.state.leading])

    def _show(self, operands: list[Any]) -> None:
        if operands and isinstance(operands[0], (str, bytes)):
            self._glyphs(operands[0])

    def _show_spaced(self, operands: list[Any]) -> None:
        if not operands or not isinstance(operands[0], list):
            return
        for item in operands[0]:
            if isinstance(item, (str, bytes)):
                self._glyphs(item)
            elif (value := _numbers([item], 1)) is not None:
                self._advance(-value[0] / 1000 * self.state.size * self.state.scale)

    def _next_line_show(self, operands: list[Any]) -> None:
        self._next_line([])
        self._show(operands)

    def _next_line_spaced_show(self, operands: list[Any]) -> None:
        if len(operands) >= 3:
            _setter("word_spacing")(self, operands[:1])
            _setter("char_spacing")(self, operands[1:2])
            self._next_line([])
            self._show(operands[2:])

    def _advance(self, distance: float) -> None:
        self.matrix = _multiply((1, 0, 0, 1, distance, 0), self.matrix)

    def _glyphs(self, shown: str | bytes) -> None:
        font, state = self.state.font, self.state
        if font is None or not state.size:
            return
        single_byte = not isinstance(font.encoding, str)
        for key, character in _decode(font, shown):
            width = font.character_widths.get(key, font.character_widths.get("default", 0))
            advance = (width / 1000 * state.size + state.char_spacing) * state.scale
            if key == " " and single_byte:
                advance += state.word_spacing * state.scale
            self._place(character, advance)

    def _place(self, character: str, advance: float) -> None:
        state = self.state
        render = _multiply(self.matrix, state.ctm)
        x, y = render[4], render[5]
        length = math.hypot(render[0], render[1]) or 1.0
        direction = (render[0] / length, render[1] / length)
        height = abs(state.size) * (math.hypot(render[2], render[3]) or 1.0)
        space = _space_width(state.font) / 1000 * abs(state.size) * length * state.scale
        starts = self.pen is None
        if character.isspace():
            self._mark(_GAP)
        elif self.pen is not None:
            along = (x - self.pen.x) * direction[0] + (y - self.pen.y) * direction[1]
            across = (y - self.pen.y) * direction[0] - (x - self.pen.x) * direction[1]
            if abs(across) > 0.8 * min(height, self.pen.height) or along < -height:
                self._mark(_LINE)
                starts = True
            elif along >= _GAP_SHARE_OF_SPACE * min(space, self.pen.space):
                self._mark(_GAP)
                starts = along >= _CELL_GAP_SHARE * min(height, self.pen.height)
        if not character.isspace():
            if starts or not self.pieces:
                mark = len(self.out) - 1 if self.out and self.out[-1] in _MARKS else -1
                self.pieces.append(_Piece(mark, x, y, x, height))
            self.out.append(character)
        self.level = self.level and abs(direction[1]) < 0.01 < direction[0]
        self._advance(advance)
        end = _multiply(self.matrix, state.ctm)
        if not character.isspace():
            self.pieces[-1].end = max(self.pieces[-1].end, end[4])
        self.pen = _Pen(end[4], end[5], direction, height, space)

    def _mark(self, boundary: str) -> None:
        if self.out and self.out[-1] not in _MARKS:
            self.out.append(boundary)
        elif self.out and boundary == _LINE:
            self.out[-1] = _LINE

    _HANDLERS: dict[bytes, Any] = {
        b"q": _save,
        b"Q": _restore,
        b"cm": _concat,
        b"BT": _begin,
        b"Tf": _font,
        b"Tc": _setter("char_spacing"),
        b"Tw": _setter("word_spacing"),
        b"Tz": _setter("scale"),
        b"TL": _setter("leading"),
        b"Td": _move,
        b"TD": _move_and_lead,
        b"Tm": _set_matrix,
        b"T*": _next_line,
        b"Tj": _show,
        b"TJ": _show_spaced,
        b"'": _next_line_show,
        b'"': _next_line_spaced_show,
    }


def _rows(pieces: list[_Piece]) -> list[list[list[_Piece]]]:
    """The table rows among a page's pieces of text, each as its cells' lines."""
    rows: list[list[list[_Piece]]] = []
    cells: list[list[_Piece]] = []
    for piece in pieces:
        if cells and _wraps(cells[-1][-1], piece):
            cells[-1].append(piece)
        elif cells and (start := _cell_start(cells, piece)) is not None:
            if len(cells) == 1:
                cells = [cells[0][start:]]
            cells.append([piece])
        else:
            rows.append(cells)
            cells = [[piece]]
    rows.append(cells)
    return [row for row in rows
            if len(row) > 1 and all(len(cell) <= _MOST_CELL_LINES for cell in row)]


def _wraps(line: _Piece, next_line: _Piece) -> bool:
    """Whether `next_line` is the line after `line` in the same left-aligned block."""
    return abs(next_line.x - line.x) <= 0.1 * line.height and (
        0.5 * line.height < line.y - next_line.y <= 2 * line.height)


def _cell_start(cells: list[list[_Piece]], piece: _Piece) -> int | None:
    """Which of the first cell's lines `piece` starts the row's next cell beside, or None
    where it is no next cell: a cell starts on the row's first baseline, right of the
    cell before it. Until a row has two cells, any line of the block so far may be its
    first (the lines of a paragraph just above a table, aligned with it, are no part of
    the row)."""
    lines = cells[0] if len(cells) == 1 else [cells[0][0]]
    for start, line in enumerate(lines):
        if abs(line.y - piece.y) <= 0.2 * line.height:
            before = cells[0][start:] if len(cells) == 1 else cells[-1]
            if piece.x >= max(other.end for other in before) + 0.5 * piece.height:
                return start
            return None
    return None


def _space_width(font: Any) -> float:
    width = font.character_widths.get(font.space_char) or font.space_width or 250
    return float(width)


def _decode(font: Any, shown: str | bytes) -> list[tuple[str, str]]:
    """Each shown code as (the key of its width, the text it stands for), the way
    pypdf's plain extraction decodes it."""
    if isinstance(shown, str):
        original = getattr(shown, "original_bytes", None)
        if not isinstance(original, bytes):
            return [(character, character) for character in shown]
        shown = original
    if isinstance(font.encoding, str):
        raw = shown.decode(font.encoding, "surrogatepass" if len(shown) % 2 == 0 else "replace")
        codes = list(raw)
        keys = codes
    else:
        keys = [chr(byte) for byte in shown]
        codes = [font.encoding.get(byte, chr(byte)) for byte in shown]
    return [
        (key, font.character_map.get(key) or font.character_map.get(code, code))
        for key, code in zip(keys, codes, strict=True)
    ]


def page_glyph_text(page: pypdf.PageObject) -> str | None:
    """The page's characters with " " where the glyphs leave a word gap and "\\n" where
    a new line starts; None where the fonts cannot be read this way."""
    if Font is None:
        return None
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else None
    fonts_dict = resources.get("/Font") if resources is not None else None
    fonts: dict[str, Any] = {}
    for name, reference in (fonts_dict.get_object() if fonts_dict is not None else {}).items():
        fonts[name] = Font.from_font_resource(reference.get_object())
    contents = page.get_contents()
    if contents is None:
        return ""
    return _GlyphReader(fonts).read(contents.operations)


def respace(plain: str, glyphs: str) -> str | None:
    """`plain` with its spaces inside lines set by where the glyphs leave gaps; None
    when fewer than nine in ten of its characters are found among the glyphs (text
    this reader cannot follow, such as form XObjects or unusual fonts).

    The characters of both are aligned ignoring spaces; between two neighbouring
    characters of a plain line that the alignment pairs with neighbouring glyphs,
    there is a space exactly when the glyphs have a gap (or a line break) there.
    Where the two differ, the plain text's own spacing stays. A table's row that the
    plain text breaks at each of its cells becomes one line, its cells joined by
    " | " (see `_rows`); where it keeps a cell on the line of the one before, what
    looked like a row is a tag and its text (a manual's "-v  verbose …", a list's
    bullet and its item) and keeps its lines.
    """
    plain_chars = [(index, char) for index, char in enumerate(plain) if not char.isspace()]
    glyph_chars: list[str] = []
    gap_before: list[str] = []
    rows: list[int] = []  # each glyph's stretch between two line marks
    pending = ""
    for char in glyphs:
        if char.isspace():
            pending = char
            continue
        glyph_chars.append(char)
        gap_before.append(pending)
        rows.append((rows[-1] if rows else 0) + (pending == _LINE))
        pending = ""
    matched = _aligned("".join(char for _, char in plain_chars), "".join(glyph_chars))
    if len(matched) < _ALIGNED_SHARE * len(plain_chars):
        return None
    boundaries: list[tuple[str, int | None]] = []  # the text between, the glyph after it
    previous_end = 0
    for position, (index, _) in enumerate(plain_chars):
        here, before = matched.get(position), matched.get(position - 1)
        adjacent = position > 0 and here is not None and before is not None and here == before + 1
        boundaries.append((plain[previous_end:index], here if adjacent else None))
        previous_end = index + 1
    split_rows = _rows_split_at_every_cell(boundaries, gap_before, rows)
    pieces: list[str] = []
    for (between, here), (index, char) in zip(boundaries, plain_chars, strict=True):
        if here is not None:
            if "\n" not in between:
                between = " " if gap_before[here] else ""
            elif between.strip(" ") == "\n" and gap_before[here] in _IN_A_ROW and (
                    rows[here] in split_rows and plain[index - len(between) - 1] != "-"):
                between = _IN_A_ROW[gap_before[here]]  # a hyphen at a line end is joined later
        pieces.append(between)
        pieces.append(char)
    pieces.append(plain[previous_end:])
    return "".join(pieces)


def _rows_split_at_every_cell(
    boundaries: list[tuple[str, int | None]], gap_before: list[str], rows: list[int]
) -> set[int]:
    """The rows whose every cell the plain text starts on a line of its own."""
    split: set[int] = set()
    kept: set[int] = set()
    for between, here in boundaries:
        if here is not None and gap_before[here] == _CELL:
            (split if "\n" in between else kept).add(rows[here])
    return split - kept


_ALIGNED_SHARE = 0.9
_IN_A_ROW = {_CELL: " | ", _WRAP: " "}
# Aligning texts that differ costs up to the product of their lengths: beyond this a
# page that differs is left to the plain spacing rather than risk the time limit.
_LONGEST_ALIGNED = 20_000


def _aligned(left: str, right: str) -> dict[int, int]:
    """Positions in `left` paired with the same characters' positions in `right`."""
    if left == right:
        return {position: position for position in range(len(left))}
    matched: dict[int, int] = {}
    if max(len(left), len(right)) > _LONGEST_ALIGNED:
        return matched
    for block in SequenceMatcher(None, left, right, autojunk=False).get_matching_blocks():
        for offset in range(block.size):
            matched[block.a + offset] = block.b + offset
    return matched
