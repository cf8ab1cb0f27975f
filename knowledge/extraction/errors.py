"""Why a help document was refused.

Every refusal is a `DocumentRejected` whose message can be shown to the person who
uploaded the file as it is: it names the file and says what to do about it.
"""

from __future__ import annotations


class DocumentRejected(Exception):
    """The file cannot become help text; nothing was stored."""

    def __init__(self, reason: str, *, filename: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.filename = filename

    def __str__(self) -> str:
        return f"{self.filename}: {self.reason}" if self.filename else self.reason


class UnsupportedDocument(DocumentRejected):
    """Not a PDF, Word, text, Markdown or HTML file (judged by its content, not its name)."""


class EncryptedDocument(DocumentRejected):
    """A password is needed to open the PDF."""


class CorruptDocument(DocumentRejected):
    """The file claims to be a PDF but cannot be read as one."""


class DocumentTooLarge(DocumentRejected):
    """The file, its page count, its text or the memory it needs exceeds a limit."""


class ExtractionTimedOut(DocumentRejected):
    """Reading the file took longer than allowed; the reader process was killed."""


class ExtractionFailed(DocumentRejected):
    """The reader process died without an answer (for example killed by the system)."""


class NoTextFound(DocumentRejected):
    """The file holds no text, such as a scanned PDF without a text layer."""


class EmptyDocument(NoTextFound):
    """The file has no bytes at all."""


REJECTIONS: dict[str, type[DocumentRejected]] = {
    kind.__name__: kind
    for kind in (
        UnsupportedDocument,
        EncryptedDocument,
        CorruptDocument,
        DocumentTooLarge,
        ExtractionTimedOut,
        ExtractionFailed,
        NoTextFound,
        EmptyDocument,
    )
}
"""Rejections by name: the reader process reports them by name across the pipe."""
