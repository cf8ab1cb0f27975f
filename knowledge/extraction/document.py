"""What extraction produces, and the limits it works within."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class MediaType(StrEnum):
    PDF = "application/pdf"
    PLAIN_TEXT = "text/plain"
    MARKDOWN = "text/markdown"
    HTML = "text/html"
    DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """Text of one page; `number` is 1-based for PDFs and None for formats without pages."""

    number: int | None
    text: str


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    """A help document turned into cleaned text, page by page.

    `unreadable_pages` lists PDF pages whose text could not be read while the rest of
    the document could; the caller may want to tell the uploader.
    """

    filename: str
    media_type: MediaType
    pages: tuple[ExtractedPage, ...]
    title: str | None = None
    unreadable_pages: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        """All the text, pages separated by a blank line (the searchable `content`)."""
        return "\n\n".join(page.text for page in self.pages if page.text)

    @property
    def page_count(self) -> int:
        return len(self.pages)


MEGABYTE = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ExtractionLimits:
    """Caps that bound what one uploaded file may cost.

    `memory_bytes` is the address-space limit of the PDF reader process; it must leave
    room for the interpreter and pypdf themselves (about 60 MB).
    """

    max_file_bytes: int = 25 * MEGABYTE
    max_pages: int = 2_000
    max_chars: int = 5_000_000
    timeout_seconds: float = 60.0
    memory_bytes: int = 1024 * MEGABYTE

    def __post_init__(self) -> None:
        for name in ("max_file_bytes", "max_pages", "max_chars", "timeout_seconds"):
            if getattr(self, name) <= 0:
                raise ValueError(f"ExtractionLimits.{name} must be positive")
        if self.memory_bytes < 128 * MEGABYTE:
            raise ValueError("ExtractionLimits.memory_bytes must be at least 128 MB")
