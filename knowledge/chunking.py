"""Split extracted help documents into retrieval chunks.

A chunk is what search ranks and what an answer cites, so it must stay on one
PDF page (the citation names the page), be long enough to carry an answer with
its context (about 120-250 words), and say which section it comes from: the
section heading is carried into the chunk text, because a paragraph such as
"Tick Use TLS only" is only findable as an answer to "VPN keeps dropping" when
its heading comes with it. Consecutive chunks of a page overlap by a sentence or
two so that an answer straddling a boundary is whole in at least one of them.

Chunking is deterministic: the same pages always give the same chunks, so
re-indexing a document replaces its chunks one for one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from knowledge.extraction.document import ExtractedPage
from knowledge.running_lines import find_running_lines, strip_running_lines
from knowledge.text import split_sentences, word_count


@dataclass(frozen=True, slots=True)
class Chunk:
    ordinal: int
    page: int | None
    text: str
    heading: str | None
    headings: tuple[str, ...] = ()
    """Every section heading the chunk holds, the one carried from before first. Short
    sections share a chunk ("Out-of-office replies", "Recalling a message" and "Large
    attachments" in one), and each is searched as a heading (`knowledge.indexing`); the
    citation names `heading`, the first."""


@dataclass(frozen=True, slots=True)
class ChunkSize:
    """Chunk length in words; a page shorter than `max_words` is one chunk."""

    max_words: int = 250
    min_words: int = 120
    overlap_words: int = 40

    def __post_init__(self) -> None:
        if not 0 <= self.overlap_words < self.min_words <= self.max_words:
            raise ValueError("ChunkSize needs 0 <= overlap_words < min_words <= max_words")


@dataclass(frozen=True, slots=True)
class _Piece:
    """A sentence, or a heading line, with how it joins the text before it."""

    text: str
    words: int
    is_heading: bool
    starts_block: bool


_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_LIST_ITEM = re.compile(r"^(?:[-*•▪◦·‣–]|\d{1,2}[.)]|[a-z][.)])\s+")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_CELL_SEPARATOR = " | "
# A line that is one code span: a command the document sets on a line of its own (a
# Markdown code block's line, a PDF line set in a monospace font).
_CODE_LINE = re.compile(r"^`[^`]+`$")
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Z]")
"""A numbered section's heading ("2.2. Installing on Windows") is one even after a line
that ends unfinished: a table's last row, set without a full stop, often comes before it."""
_HEADING_MAX_WORDS = 12
_HEADING_MAX_CHARS = 90
_HEADING_SHARE_OF_LINE = 0.7
_TYPICAL_LINE_SAMPLE = 6


def chunk_document(pages: Sequence[ExtractedPage], *, size: ChunkSize = ChunkSize()) -> list[Chunk]:
    """Chunk a document's pages in order; ordinals run 0, 1, 2... across the document."""
    running = find_running_lines(pages)
    chunks: list[Chunk] = []
    heading: str | None = None  # a section may continue onto the next page
    for page in pages:
        pieces = list(_pieces(strip_running_lines(page.text, running)))
        for group in _pack(pieces, size=size):
            carried = None if group[0].is_heading else heading
            chunk_heading = carried or next(
                (piece.text for piece in group if piece.is_heading), None
            )
            heading = next((piece.text for piece in reversed(group) if piece.is_heading), heading)
            chunks.append(
                Chunk(
                    ordinal=len(chunks),
                    page=page.number,
                    text=_render(group, carried_heading=carried),
                    heading=chunk_heading,
                    headings=tuple(dict.fromkeys(
                        [*([carried] if carried else []),
                         *(piece.text for piece in group if piece.is_heading)]
                    )),
                )
            )
    return chunks


def _render(group: Sequence[_Piece], *, carried_heading: str | None) -> str:
    parts: list[str] = [carried_heading] if carried_heading else []
    for index, piece in enumerate(group):
        if index and not (piece.starts_block or piece.is_heading):
            parts[-1] = f"{parts[-1]} {piece.text}"
        else:
            parts.append(piece.text)
    return "\n".join(parts)


def _pack(pieces: Sequence[_Piece], *, size: ChunkSize) -> list[list[_Piece]]:
    """Group a page's pieces into chunks of about equal length.

    The number of chunks follows from the page length, and breaks prefer, in
    order, a heading, a paragraph start, then any sentence end.
    """
    pieces = [part for piece in pieces for part in _split_long(piece, size=size)]
    total = sum(piece.words for piece in pieces)
    if total == 0:
        return []
    if total <= size.max_words:
        return [list(pieces)]
    step = size.max_words - size.overlap_words
    target = total / math.ceil(total / step)
    groups: list[list[_Piece]] = []
    current: list[_Piece] = []
    fresh = 0  # words in `current` that are not overlap from the previous chunk
    for piece in pieces:
        if fresh and _break_before(
            piece, fresh=fresh, current=_words(current), target=target, size=size
        ):
            groups.append(current)
            current = [] if piece.is_heading else _overlap(current, size=size)
            if _words(current) + piece.words > size.max_words:
                current = []
            fresh = 0
        current.append(piece)
        fresh += piece.words
    if fresh:
        groups.append(current)
    return _merge_short_tail(groups, size=size)


def _split_long(piece: _Piece, *, size: ChunkSize) -> list[_Piece]:
    """Cut a "sentence" longer than a chunk (a table flattened without full stops,
    say) into chunk-sized runs of words."""
    limit = size.max_words - size.overlap_words
    if piece.words <= limit:
        return [piece]
    words = piece.text.split()
    return [
        _Piece(
            text=" ".join(words[start : start + limit]),
            words=len(words[start : start + limit]),
            is_heading=False,
            starts_block=piece.starts_block and start == 0,
        )
        for start in range(0, len(words), limit)
    ]


def _break_before(
    piece: _Piece, *, fresh: int, current: int, target: float, size: ChunkSize
) -> bool:
    """Whether `piece` should open the next chunk; `fresh` counts the current
    chunk's words without the overlap it began with, `current` with it."""
    if current + piece.words > size.max_words:
        return True
    if piece.is_heading:
        return fresh >= min(size.min_words, 0.75 * target)
    if piece.starts_block and fresh >= 0.8 * target:
        return True
    return fresh >= 0.5 * target and fresh + piece.words > 1.1 * target


def _overlap(group: Sequence[_Piece], *, size: ChunkSize) -> list[_Piece]:
    """The last whole sentences of a chunk, up to `overlap_words`, never a heading."""
    carried: list[_Piece] = []
    words = 0
    for piece in reversed(group[1:]):
        if piece.is_heading or words + piece.words > size.overlap_words:
            break
        carried.insert(0, piece)
        words += piece.words
    return carried


def _merge_short_tail(groups: list[list[_Piece]], *, size: ChunkSize) -> list[list[_Piece]]:
    """Fold a last chunk of a few words into the one before, when that still fits."""
    if len(groups) < 2:
        return groups
    tail, before = groups[-1], groups[-2]
    overlap = {id(piece) for piece in before}
    fresh_tail = [piece for piece in tail if id(piece) not in overlap]
    if (
        _words(fresh_tail) < size.min_words // 3
        and _words(before) + _words(fresh_tail) <= size.max_words
    ):
        return [*groups[:-2], before + fresh_tail]
    return groups


def _words(pieces: Iterable[_Piece]) -> int:
    return sum(piece.words for piece in pieces)


def _pieces(text: str) -> Iterable[_Piece]:
    """Sentences and headings of one page, in reading order."""
    longest_heading = _longest_heading(text)
    for block in text.split("\n\n"):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        paragraph: list[str] = []
        previous: str | None = None
        previous_was_heading = False
        for index, line in enumerate(lines):
            following = lines[index + 1] if index + 1 < len(lines) else None
            heading = _heading(
                line,
                previous=previous,
                previous_was_heading=previous_was_heading,
                following=following,
                longest=longest_heading,
            )
            stands_alone = _is_table_row(line) or _is_code_line(line)
            if heading is not None or _LIST_ITEM.match(line) or stands_alone:
                yield from _sentences(paragraph)
                paragraph = []
            if heading is not None:
                yield _Piece(
                    text=heading, words=word_count(heading), is_heading=True, starts_block=True
                )
            elif stands_alone:
                # a row or a command is never the wrapped end of another line, nor has one
                yield from _sentences([line])
                previous, previous_was_heading = line, False
                continue
            else:
                paragraph.append(line)
            previous, previous_was_heading = line, heading is not None
        yield from _sentences(paragraph)


def _is_table_row(line: str) -> bool:
    """A table's row as the Word, HTML and Markdown readers write it: cells joined by " | "."""
    return _CELL_SEPARATOR in line


def _is_code_line(line: str) -> bool:
    """A command set on a line of its own (see `_CODE_LINE`)."""
    return _CODE_LINE.match(line) is not None


def _sentences(lines: Sequence[str]) -> Iterable[_Piece]:
    if not lines:
        return
    sentences = split_sentences(" ".join(lines))
    for index, sentence in enumerate(sentences):
        yield _Piece(
            text=sentence, words=word_count(sentence), is_heading=False, starts_block=index == 0
        )


def _longest_heading(text: str) -> int:
    """Headings are short compared with the page's lines: in a narrow column, where
    every line is short, a heading must be shorter still."""
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    if len(lengths) < _TYPICAL_LINE_SAMPLE:
        return _HEADING_MAX_CHARS
    full_line = lengths[len(lengths) * 3 // 4]  # tables and lists make many lines short
    return min(_HEADING_MAX_CHARS, int(_HEADING_SHARE_OF_LINE * full_line))


def _heading(
    line: str,
    *,
    previous: str | None,
    previous_was_heading: bool,
    following: str | None,
    longest: int,
) -> str | None:
    """The heading text if `line` is a heading, judged from text alone.

    Markdown headings are certain. Otherwise a heading is a short line without
    closing punctuation that starts with a capital or a section number, follows
    a finished sentence (a line after an unfinished one is the wrapped end of a
    paragraph, unless it opens with a section number such as "2.2.") and is
    followed by a line that starts a new sentence.
    """
    markdown = _MARKDOWN_HEADING.match(line)
    if markdown:
        return markdown.group(1)
    if _is_table_row(line):
        return None
    words = line.split()
    if not 0 < len(words) <= _HEADING_MAX_WORDS or len(line) > longest:
        return None
    if line[-1] in ".,;:!" or not (line[0].isupper() or line[0].isdigit()):
        return None
    if not any(character.isalpha() for character in line):
        return None
    if _LIST_ITEM.match(line) and (following is None or _LIST_ITEM.match(following)):
        return None
    if previous is not None and not previous_was_heading and not _SENTENCE_END.search(previous) and (
            not _SECTION_NUMBER.match(line)) and not _is_code_line(previous):
        return None  # the wrapped end of an unfinished sentence; a command has none
    if following is None or following[0].islower():
        return None  # a heading is followed by text, never by its own wrapped end
    return line
