"""What ingestion and search need from storage, declared here and implemented in `db/`.

Every method of `HelpLibrary` is one transaction: a document and its chunks are
written together or not at all. Extraction, chunking and embedding happen before
any of them is called, so no transaction waits on a PDF reader or the network.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from domain.people import Role
from knowledge.passages import SourceKind

Vector = tuple[float, ...]


class IndexStatus(StrEnum):
    INDEXED = "indexed"
    REJECTED = "rejected"  # the file could not be read; remembered so it is not retried each start


@dataclass(frozen=True, slots=True)
class SourceRef:
    source: SourceKind
    document_id: int

    def __str__(self) -> str:
        return f"{self.source}:{self.document_id}"


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A help document or published user guide as stored, whoever wrote it.

    `file_data` is the base64 upload of a help document (None for a guide), and
    `content` the text TicketFlow extracted, or the guide's HTML.
    """

    ref: SourceRef
    title: str
    filename: str | None
    content: str
    file_data: str | None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class IndexedChunk:
    ordinal: int
    page: int | None
    heading: str | None
    text: str
    vector: Vector | None = None
    related: tuple[str, ...] = ()
    """Analysed other names of what the chunk says (`knowledge.vocabulary`), indexed beside it."""


@dataclass(frozen=True, slots=True)
class DocumentIndex:
    """What indexing one document produced, ready to replace its previous index."""

    fingerprint: str
    status: IndexStatus
    title: str
    chunks: tuple[IndexedChunk, ...]
    page_count: int | None = None
    error: str | None = None
    embedding_model: str | None = None


@dataclass(frozen=True, slots=True)
class NewHelpDocument:
    """A `help_documents` row as TicketFlow fills it on upload."""

    title: str
    filename: str
    content: str
    file_data: str
    uploaded_by: str | None
    category: str | None
    tags: tuple[str, ...]
    audience: frozenset[Role] | None = None
    """The roles that may read it (`help_document_audiences`); None is everyone."""


@dataclass(frozen=True, slots=True)
class IndexState:
    ref: SourceRef
    fingerprint: str
    status: IndexStatus
    chunk_count: int
    embedding_model: str | None


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One line of `ticketflow docs list`: a source and how its index stands."""

    ref: SourceRef
    title: str
    filename: str | None
    category: str | None
    tags: tuple[str, ...]
    status: IndexStatus | None  # None: not indexed yet
    chunk_count: int
    page_count: int | None
    error: str | None
    indexed_at: datetime | None
    audience: frozenset[Role] | None = None


class HelpLibrary(Protocol):
    async def add_document(
        self, document: NewHelpDocument, index: DocumentIndex, *, now: datetime
    ) -> int:
        """Insert the `help_documents` row with its chunks; returns the new id."""
        ...

    async def store_index(self, ref: SourceRef, index: DocumentIndex, *, now: datetime) -> None:
        """Replace whatever was indexed for `ref`."""
        ...

    async def store_vectors(
        self, ref: SourceRef, vectors: Sequence[tuple[int, Vector]], *, model: str, now: datetime
    ) -> None:
        """Set the embedding of each (ordinal, vector) of `ref`'s chunks."""
        ...

    async def drop_index(self, ref: SourceRef) -> None: ...

    async def remove_document(self, document_id: int) -> bool:
        """Delete a help document and its index; False when there was none."""
        ...

    async def sources(self) -> list[SourceRef]:
        """Every help document and every published user guide."""
        ...

    async def load(self, ref: SourceRef) -> SourceDocument | None:
        """The source as stored now; None when deleted (or the guide unpublished)."""
        ...

    async def index_states(self) -> list[IndexState]: ...

    async def chunks(self, ref: SourceRef) -> list[IndexedChunk]: ...

    async def find_user_id(self, email: str) -> str | None: ...

    async def first_admin_id(self) -> str | None: ...

    async def entries(self) -> list[LibraryEntry]: ...
