"""Turn an uploaded help document into text: the one entry point for every format."""

from __future__ import annotations

import asyncio

from knowledge.text import clean_extracted_text

from .decoding import decode_text
from .docx_text import docx_to_text
from .document import ExtractedDocument, ExtractedPage, ExtractionLimits, MediaType
from .errors import DocumentRejected, DocumentTooLarge, NoTextFound
from .html_text import html_to_text
from .markdown_text import markdown_to_text
from .plain_text import plain_to_text
from .sandbox import PdfSandbox
from .sniffing import detect_media_type

DEFAULT_LIMITS = ExtractionLimits()


async def extract_document(
    data: bytes,
    filename: str,
    limits: ExtractionLimits = DEFAULT_LIMITS,
    *,
    sandbox: PdfSandbox | None = None,
) -> ExtractedDocument:
    """Extract the text of an upload without blocking the event loop.

    The format is decided by the content (see `sniffing`). PDFs are read in
    `sandbox`; without one, a single-use worker process is started and stopped,
    which costs about 120 ms more per file, so the service passes its own.
    Raises a `DocumentRejected` subclass saying why a file cannot be used.
    """
    _check_size(data, filename=filename, limits=limits)
    media_type = detect_media_type(data, filename)
    if media_type is not MediaType.PDF:
        return await asyncio.to_thread(
            _extract_text_format, data, filename=filename, media_type=media_type, limits=limits
        )
    if sandbox is not None:
        pdf = await sandbox.read_async(data, filename=filename, limits=limits)
    else:
        single_use = PdfSandbox(workers=1)
        try:
            pdf = await single_use.read_async(data, filename=filename, limits=limits)
        finally:
            await asyncio.to_thread(single_use.close)
    return ExtractedDocument(
        filename=filename,
        media_type=MediaType.PDF,
        pages=pdf.pages,
        title=pdf.title,
        unreadable_pages=pdf.unreadable_pages,
    )


def extract_text_document(
    data: bytes, filename: str, limits: ExtractionLimits = DEFAULT_LIMITS
) -> ExtractedDocument:
    """Extract a Word, plain-text, Markdown or HTML upload in the calling thread.

    These formats are parsed by our own code and the standard library, with no
    risk of unbounded expansion (a Word document's parts are read with a cap on
    their inflated size), so they need no separate process.
    """
    _check_size(data, filename=filename, limits=limits)
    media_type = detect_media_type(data, filename)
    if media_type is MediaType.PDF:
        raise ValueError(f"{filename} is a PDF; use extract_document() with a PdfSandbox")
    return _extract_text_format(data, filename=filename, media_type=media_type, limits=limits)


def _extract_text_format(
    data: bytes, *, filename: str, media_type: MediaType, limits: ExtractionLimits
) -> ExtractedDocument:
    if media_type is MediaType.DOCX:
        try:
            title, text = docx_to_text(data, max_chars=limits.max_chars)
        except DocumentRejected as rejected:
            rejected.filename = filename
            raise
        _check_characters(text, filename=filename, limits=limits)
    else:
        decoded = decode_text(data, filename=filename)
        _check_characters(decoded, filename=filename, limits=limits)
        decoded = decoded.replace("\r\n", "\n").replace("\r", "\n")  # the readers see lines
        title, text = _TEXT_READERS[media_type](decoded)
    pages = (
        _pages(text, filename=filename, limits=limits)
        if media_type is MediaType.PLAIN_TEXT
        else [clean_extracted_text(text)]
    )
    if not any(pages):
        raise NoTextFound("the file contains no readable text", filename=filename)
    numbered = len(pages) > 1
    return ExtractedDocument(
        filename=filename,
        media_type=media_type,
        pages=tuple(ExtractedPage(number=number if numbered else None, text=page)
                    for number, page in enumerate(pages, start=1)),
        title=title,
    )


def _pages(text: str, *, filename: str, limits: ExtractionLimits) -> list[str]:
    """A plain-text file's pages: a form feed between them (a scan's OCR, a printout saved
    as text) starts a page, so answers cite the page and page furniture is found as in a
    PDF. Blank pages count for the numbering, as on paper, and carry no text. A PDF's page
    cap holds here too: 5 MB of form feeds would be 2.5 million pages, each cleaned,
    chunked and stored on its own (800 KB of them took 18 s to read and chunk)."""
    split = text.split("\f")
    while split and not split[-1].strip():
        split.pop()  # form feeds that end the file start no page
    if len(split) > limits.max_pages:
        raise DocumentTooLarge(
            f"the file has {len(split):,} pages (form feeds); the limit is {limits.max_pages:,}",
            filename=filename,
        )
    pages = [clean_extracted_text(page) for page in split]
    while pages and not pages[-1]:
        pages.pop()
    return pages


_TEXT_READERS = {
    MediaType.HTML: html_to_text,
    MediaType.MARKDOWN: markdown_to_text,
    MediaType.PLAIN_TEXT: plain_to_text,
}


def _check_characters(text: str, *, filename: str, limits: ExtractionLimits) -> None:
    if len(text) > limits.max_chars:
        raise DocumentTooLarge(
            f"the file holds more than {limits.max_chars:,} characters of text",
            filename=filename,
        )


def _check_size(data: bytes, *, filename: str, limits: ExtractionLimits) -> None:
    if len(data) > limits.max_file_bytes:
        raise DocumentTooLarge(
            f"the file is {len(data) / 1_048_576:.1f} MB; the limit is "
            f"{limits.max_file_bytes / 1_048_576:.1f} MB",
            filename=filename,
        )
