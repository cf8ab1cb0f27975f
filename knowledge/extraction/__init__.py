"""Help-document extraction: uploads (PDF, Word, text, Markdown, HTML) to page texts.

Public API: `extract_document` (async), `extract_text_document`, `PdfSandbox`,
the values in `document` and the rejections in `errors`.
"""

from .document import ExtractedDocument, ExtractedPage, ExtractionLimits, MediaType
from .errors import (
    CorruptDocument,
    DocumentRejected,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    ExtractionFailed,
    ExtractionTimedOut,
    NoTextFound,
    UnsupportedDocument,
)
from .extract import DEFAULT_LIMITS, extract_document, extract_text_document
from .sandbox import PdfSandbox, SandboxClosed
from .sniffing import detect_media_type

__all__ = [
    "DEFAULT_LIMITS",
    "CorruptDocument",
    "DocumentRejected",
    "DocumentTooLarge",
    "EmptyDocument",
    "EncryptedDocument",
    "ExtractedDocument",
    "ExtractedPage",
    "ExtractionFailed",
    "ExtractionLimits",
    "ExtractionTimedOut",
    "MediaType",
    "NoTextFound",
    "PdfSandbox",
    "SandboxClosed",
    "UnsupportedDocument",
    "detect_media_type",
    "extract_document",
    "extract_text_document",
]
