"""Read the text layer of a PDF with pypdf.

This runs only inside a sandbox worker process (see `sandbox.py`): pypdf parses
untrusted bytes, and a hostile file may make it run for ever or allocate without
bound. Every failure becomes a `DocumentRejected`, because from the uploader's
point of view any parse error simply means "this PDF cannot be read".
"""

from __future__ import annotations

import io
import struct
import time
import zlib
from dataclasses import dataclass, replace

import pypdf
from pypdf.errors import FileNotDecryptedError, LimitReachedError, PyPdfError

from knowledge.text import clean_extracted_text, join_split_words

from .document import ExtractedPage, ExtractionLimits
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
    pages, unreadable, laid_out = _read_pages(reader, limits=limits)
    repaired = join_split_words([page.text for page in pages], laid_out)
    pages = [replace(page, text=text) for page, text in zip(pages, repaired, strict=True)]
    if len(unreadable) == page_count:
        raise CorruptDocument("none of the PDF's pages could be read")
    if not any(page.text for page in pages):
        raise NoTextFound(
            "the PDF has no text layer (it is probably scanned images); "
            "run it through OCR or upload a text version"
        )
    return PdfText(pages=tuple(pages), title=_title(reader), unreadable_pages=tuple(unreadable))


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
) -> tuple[list[ExtractedPage], list[int], list[str]]:
    """Each page's text, the pages that could not be read, and as much of the pages'
    layout-mode text as a third of the time limit allows (evidence for joining
    words split by kerning; see `join_split_words`)."""
    pages: list[ExtractedPage] = []
    unreadable: list[int] = []
    laid_out: list[str] = []
    layout_until = time.monotonic() + limits.timeout_seconds / 3
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
        pages.append(ExtractedPage(number=number, text=clean_extracted_text(raw)))
        if raw and time.monotonic() < layout_until:
            laid_out.append(_laid_out_text(page))
    return pages, unreadable, laid_out


def _laid_out_text(page: pypdf.PageObject) -> str:
    """The page's text placed by glyph position; "" where pypdf cannot lay it out
    (the plain text is read already, so this is only lost evidence)."""
    try:
        return clean_extracted_text(page.extract_text(extraction_mode="layout"))
    except PARSE_ERRORS:
        return ""


def _title(reader: pypdf.PdfReader) -> str | None:
    try:
        metadata = reader.metadata
        title = metadata.title if metadata else None
    except PARSE_ERRORS:
        return None
    if not isinstance(title, str):
        return None
    return " ".join(title.split()) or None


def describe(error: BaseException) -> str:
    """A short technical cause, for the end of a rejection message."""
    detail = str(error).strip()
    return f"{type(error).__name__}: {detail[:160]}" if detail else type(error).__name__
