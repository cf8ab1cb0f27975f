"""Read the text layer of a PDF with pypdf.

This runs only inside a sandbox worker process (see `sandbox.py`): pypdf parses
untrusted bytes, and a hostile file may make it run for ever or allocate without
bound. Every failure becomes a `DocumentRejected`, because from the uploader's
point of view any parse error simply means "this PDF cannot be read".
"""

from __future__ import annotations

import io
import logging
import re
import struct
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

import pypdf
from pypdf.errors import FileNotDecryptedError, LimitReachedError, PyPdfError

from knowledge.text import clean_extracted_text, join_line_end_hyphens, join_split_words

from .document import ExtractedPage, ExtractionLimits
from .pdf_glyphs import page_glyph_text, respace
from .errors import (
    CorruptDocument,
    DocumentRejected,
    DocumentTooLarge,
    EncryptedDocument,
    NoTextFound,
)

# What pypdf raises on malformed input, besides its own errors. MemoryError is
# deliberately absent: the worker handles it by retiring itself.
PARSE_ERRORS: tuple[type[Exception], ...] = (
    PyPdfError,
    ValueError,
    TypeError,
    LookupError,
    AttributeError,
    AssertionError,
    ArithmeticError,
    RuntimeError,  # includes RecursionError and NotImplementedError
    OSError,
    struct.error,
    zlib.error,
)


@dataclass(frozen=True, slots=True)
class PdfText:
    """The readable part of a PDF, in page order."""

    pages: tuple[ExtractedPage, ...]
    title: str | None
    unreadable_pages: tuple[int, ...]


def read_pdf(data: bytes, *, limits: ExtractionLimits) -> PdfText:
    """Extract and clean every page's text, enforcing the page and text limits."""
    with _repairs() as repairs:
        pdf = _read_pdf(data, limits=limits, repairs=repairs)
    return pdf


def _read_pdf(data: bytes, *, limits: ExtractionLimits, repairs: list[str]) -> PdfText:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        _unlock(reader)
        page_count = len(reader.pages)
    except DocumentRejected:
        raise
    except FileNotDecryptedError as error:
        raise EncryptedDocument(_ENCRYPTED) from error
    except LimitReachedError as error:
        raise DocumentTooLarge(
            f"the PDF's structure exceeds a safety limit ({describe(error)})"
        ) from error
    except PARSE_ERRORS as error:
        raise CorruptDocument(
            f"the PDF is damaged and cannot be read ({describe(error)})"
        ) from error
    if page_count == 0:
        raise CorruptDocument("the PDF has no pages")
    if page_count > limits.max_pages:
        raise DocumentTooLarge(
            f"the PDF has {page_count:,} pages; the limit is {limits.max_pages:,}"
        )
    pages, unreadable, laid_out, spaced = _read_pages(reader, limits=limits)
    pages = [
        replace(page, text=text)
        for page, text in zip(pages, join_line_end_hyphens([p.text for p in pages]), strict=True)
    ]
    if len(spaced) < len(pages):
        repaired = join_split_words([page.text for page in pages], laid_out)
        pages = [
            page if page.number in spaced else replace(page, text=text)
            for page, text in zip(pages, repaired, strict=True)
        ]
    if len(unreadable) == page_count:
        raise CorruptDocument("none of the PDF's pages could be read")
    if not any(page.text for page in pages) and repairs:
        # pypdf skipped what it could not parse (strict=False): the text may be in it.
        raise CorruptDocument(
            f"the PDF is damaged and none of its text could be read ({repairs[0][:160]})"
        )
    if not any(page.text for page in pages):
        raise NoTextFound(
            "the PDF has no text layer (it is probably scanned images); "
            "run it through OCR or upload a text version"
        )
    title = _title(reader) or title_from_text(pages[0].text)
    return PdfText(pages=tuple(pages), title=title, unreadable_pages=tuple(unreadable))


_ENCRYPTED = "the PDF is password-protected; save a copy without a password and upload that"


def _unlock(reader: pypdf.PdfReader) -> None:
    """Open PDFs that are encrypted with an empty user password (common for
    "no printing/copying" permissions); anything else needs a password we lack."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except NotImplementedError as error:
        raise EncryptedDocument(f"the PDF uses an unsupported encryption ({error})") from error
    except pypdf.errors.DependencyError as error:
        raise EncryptedDocument(f"the PDF's encryption cannot be opened here ({error})") from error
    if opened == pypdf.PasswordType.NOT_DECRYPTED:
        raise EncryptedDocument(_ENCRYPTED)


def _read_pages(
    reader: pypdf.PdfReader, *, limits: ExtractionLimits
) -> tuple[list[ExtractedPage], list[int], list[str], set[int]]:
    """Each page's text, the pages that could not be read, the layout-mode text of
    the others, and the numbers of the pages spaced by their glyphs.

    Within a third of the time limit, each page's spaces are set from its glyphs'
    gaps (see `pdf_glyphs`); where that cannot be done, the page's layout-mode text
    is kept as evidence for joining the words kerning split (`join_split_words`).
    """
    pages: list[ExtractedPage] = []
    unreadable: list[int] = []
    laid_out: list[str] = []
    spaced: set[int] = set()
    evidence_until = time.monotonic() + limits.timeout_seconds / 3
    characters = 0
    for number, page in enumerate(reader.pages, start=1):
        try:
            raw = page.extract_text()
        except LimitReachedError as error:
            raise DocumentTooLarge(
                f"page {number} expands beyond the allowed size when decompressed "
                "(it may be a decompression bomb)"
            ) from error
        except PARSE_ERRORS:
            unreadable.append(number)
            raw = ""
        characters += len(raw)
        if characters > limits.max_chars:
            raise DocumentTooLarge(
                f"the PDF holds more than {limits.max_chars:,} characters of text"
            )
        if raw and time.monotonic() < evidence_until:
            if (respaced := spaced_by_glyphs(page, raw)) is not None:
                raw = respaced
                spaced.add(number)
            else:
                laid_out.append(_laid_out_text(page))
        text = clean_extracted_text(raw, join_hyphens=False)  # joined with all pages' words
        pages.append(ExtractedPage(number=number, text=text))
    return pages, unreadable, laid_out, spaced


def spaced_by_glyphs(page: pypdf.PageObject, raw: str) -> str | None:
    """The page's text with the spaces its glyph positions call for; None where the
    glyphs cannot be read or followed (the plain text stands, repaired otherwise)."""
    try:
        glyphs = page_glyph_text(page)
    except PARSE_ERRORS:
        return None
    return None if glyphs is None else respace(raw, glyphs)


def _laid_out_text(page: pypdf.PageObject) -> str:
    """The page's text placed by glyph position; "" where pypdf cannot lay it out
    (the plain text is read already, so this is only lost evidence)."""
    try:
        return clean_extracted_text(page.extract_text(extraction_mode="layout"))
    except PARSE_ERRORS:
        return ""


def _title(reader: pypdf.PdfReader) -> str | None:
    """The title in the PDF's metadata, unless it is only a file name ("Microsoft
    Word - guide.docx", "report.tex"), which the first page usually betters."""
    try:
        metadata = reader.metadata
        title = metadata.title if metadata else None
    except PARSE_ERRORS:
        return None
    if not isinstance(title, str):
        return None
    title = " ".join(_WORD_PROCESSOR.sub("", title).split())
    if not title or _FILE_NAME.fullmatch(title) or title.casefold() in _PLACEHOLDERS:
        return None
    return title


_WORD_PROCESSOR = re.compile(r"^\s*Microsoft (?:Word|PowerPoint|Excel) - ", re.IGNORECASE)
_FILE_NAME = re.compile(r"\S+\.(?:docx?|odt|rtf|pptx?|xlsx?|tex|dvi|ps|pdf|txt|html?|md)", re.IGNORECASE)
_PLACEHOLDERS = frozenset({"untitled", "title", "document", "document1", "presentation"})
_MANUAL_NAME = re.compile(r"(?m)^NAME\n(?P<names>[^\n]+?)\s*(?:[-–—]\s+|[–—])(?P<summary>[^\n]+)")
_TITLE_LINE = re.compile(r"[^\W\d_][^\n]{2,118}[^\s.,;:]")
_PAGE_FURNITURE = re.compile(r"(?i)\bpage \d|\b\d+ of \d+\b")


def title_from_text(first_page: str) -> str | None:
    """A title for a PDF whose metadata has none, from its first page.

    A manual page names itself under NAME ("zip - package and compress (archive)
    files" becomes "zip — package and compress (archive) files"); otherwise the
    first line is the title when it reads as one: two to fifteen words, starting with
    a letter, not ending a sentence or a clause, not a page number. Else there is none
    (the file name serves).
    """
    if named := _MANUAL_NAME.search(first_page):
        return f"{named['names'].strip()} — {named['summary'].strip()}"[:255]
    first = next((line.strip() for line in first_page.split("\n") if line.strip()), "")
    if (
        _TITLE_LINE.fullmatch(first)
        and 2 <= len(first.split()) <= 15
        and not _PAGE_FURNITURE.search(first)
    ):
        return first
    return None


@contextmanager
def _repairs() -> Iterator[list[str]]:
    """The errors pypdf logs (as warnings) where it reads past damage instead of failing:
    a part it cannot parse (nested too deep, say) is left out, text and all."""
    found: list[str] = []
    handler = _Collecting(found)
    logger = logging.getLogger("pypdf")
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield found
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


class _Collecting(logging.Handler):
    def __init__(self, found: list[str]) -> None:
        super().__init__(logging.WARNING)
        self._found = found

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if len(self._found) < 10 and _AN_ERROR.search(message):
            self._found.append(message)


_AN_ERROR = re.compile(r"\w*Error\b")  # "PdfReadError('Error reading PDF file.')"


def describe(error: BaseException) -> str:
    """A short technical cause, for the end of a rejection message."""
    detail = str(error).strip()
    return f"{type(error).__name__}: {detail[:160]}" if detail else type(error).__name__
