"""Decide what kind of file an upload is from its bytes, not from its name.

A file name is a claim made by the uploader; the first bytes are what the reader
will actually parse. A PDF always goes to the PDF reader (whatever it is called),
and a file called ".pdf" that is not a PDF is refused before pypdf sees it.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import NoReturn

from .docx_text import is_docx
from .document import MediaType
from .errors import EmptyDocument, EncryptedDocument, UnsupportedDocument

PDF_MAGIC = b"%PDF-"
PDF_HEADER_WINDOW = 1024  # readers accept the header anywhere in the first kilobyte

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive or an Office document other than Word (XLSX, PPTX)"),
    (_OLE_MAGIC, "an old-style Office document (DOC, XLS, PPT)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV sound file", b"AVI ": "an AVI video"}

_SUFFIXES: dict[str, MediaType] = {
    ".txt": MediaType.PLAIN_TEXT,
    ".text": MediaType.PLAIN_TEXT,
    ".md": MediaType.MARKDOWN,
    ".markdown": MediaType.MARKDOWN,
    ".html": MediaType.HTML,
    ".htm": MediaType.HTML,
    ".xhtml": MediaType.HTML,
}
SUPPORTED = "PDF, Word (.docx), plain text (.txt), Markdown (.md) or HTML (.html)"


def detect_media_type(data: bytes, filename: str) -> MediaType:
    """Return the media type to read `data` as, or raise why it cannot be read."""
    if not data.strip():
        raise EmptyDocument("the file is empty (or only blank space)", filename=filename)
    if PDF_MAGIC in data[:PDF_HEADER_WINDOW]:
        return MediaType.PDF
    if data.startswith(b"PK\x03\x04") and is_docx(data):
        return MediaType.DOCX
    suffix = PurePath(filename).suffix.casefold()
    binary_kind = _binary_kind(data)
    if suffix == ".docx":
        _refuse_as_word(data, binary_kind, filename=filename)
    if suffix == ".pdf":
        found = f"it is {binary_kind}" if binary_kind else "it has no PDF header"
        raise UnsupportedDocument(
            f"the name ends in .pdf but the content is not a PDF ({found})", filename=filename
        )
    if binary_kind:
        raise UnsupportedDocument(
            f"the file is {binary_kind}; upload {SUPPORTED}", filename=filename
        )
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if not suffix:
        return MediaType.HTML if _looks_like_html(data) else MediaType.PLAIN_TEXT
    raise UnsupportedDocument(
        f"files of type {suffix} are not supported; upload {SUPPORTED}", filename=filename
    )


def _refuse_as_word(data: bytes, binary_kind: str | None, *, filename: str) -> NoReturn:
    """A file named .docx that is not a readable Word document: say which it is."""
    if data.startswith(_OLE_MAGIC):  # Word saves a password-protected .docx in this container
        raise EncryptedDocument(
            "the Word document is password-protected (or an old .doc renamed .docx); "
            "save a copy without a password as .docx and upload that",
            filename=filename,
        )
    found = (
        "a damaged ZIP archive, or one without a Word body"
        if data.startswith(b"PK")
        else binary_kind or "text"
    )
    raise UnsupportedDocument(
        f"the name ends in .docx but the content is not a Word document (it is {found})",
        filename=filename,
    )


def _binary_kind(data: bytes) -> str | None:
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    if data.startswith(b"RIFF"):
        return _RIFF_KINDS.get(data[8:12], "a RIFF media file")
    return None


def _looks_like_html(data: bytes) -> bool:
    start = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html"))
