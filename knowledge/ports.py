"""What answering, ingestion and search need from storage, declared here and implemented
in `db/` (`ticketflow/` hands the implementations over; nothing here imports `db`).

The stores work inside the caller's unit of work (`KnowledgeWork`): a use case enters
one, calls the stores, and commits, so what belongs together (a document, its chunks
and its audience; a question and its answer) is written together or not at all.
Extraction, chunking, embedding and the model's answer all happen before a unit of
work that writes is entered, so no transaction waits on a PDF reader or the network.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from types import TracebackType
from typing import Protocol, Self

from domain.people import Role
from knowledge.audience import Restrictions, ShelvedDocument
from knowledge.conversation import Exchange, HelpStatistics, RecordedExchange
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
    content_digest: str | None = None
    """`content_digest(content)` of the text this service last wrote to `content`; None when
    the web app wrote it. When it no longer matches `content`, the web app has replaced it."""


def content_digest(text: str) -> str:
    """The digest that tells a `content` this service wrote from one the web app wrote."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class IndexedChunk:
    ordinal: int
    page: int | None
    heading: str | None
    text: str
    vector: Vector | None = None
    related: tuple[str, ...] = ()
    """Analysed other names of what the chunk says (`knowledge.vocabulary`), indexed beside it."""
    search_heading: str | None = None
    search_text: str | None = None
    """The heading and text as the full-text index holds them (`knowledge.analysis.search_form`),
    worked out with the chunk, off the event loop and before any transaction; None: worked
    out when the chunk is written."""


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
    content: str | None = None
    """The document's text for `help_documents.content`, when this service owns that column
    for the document (it wrote it, and the web app has not replaced it since); None leaves
    the stored text, the web app's, as it is."""


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


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A help document that holds the same file as an upload, or has its file name."""

    document_id: int
    title: str
    filename: str
    identical: bool
    """Its `file_data` is the upload's, byte for byte (whoever stored it, the web app too)."""
    category: str | None
    tags: tuple[str, ...]
    audience: frozenset[Role] | None = None


class HelpLibrary(Protocol):
    """`help_documents`, `user_guides` and their index, in the caller's transaction."""

    async def add_document(
        self, document: NewHelpDocument, index: DocumentIndex, *, now: datetime
    ) -> int:
        """Insert the `help_documents` row with its chunks; returns the new id."""
        ...

    async def stored_files(self, *, file_data: str, filename: str) -> list[StoredFile]:
        """Help documents holding exactly `file_data`, then those named `filename`, by id."""
        ...

    async def digest_files(self) -> int:
        """Give every help document without one a digest of its file, so that
        `stored_files` finds it by one lookup; how many were hashed."""
        ...

    async def replace_document(
        self, document_id: int, document: NewHelpDocument, index: DocumentIndex, *, now: datetime
    ) -> bool:
        """Put `document` in place of a help document (its id, uploader and creation time
        stay), with its chunks and audience; False when there is no such document."""
        ...

    async def store_index(
        self, ref: SourceRef, index: DocumentIndex, *, now: datetime, replacing: str | None = None
    ) -> None:
        """Replace whatever was indexed for `ref` (another process indexing it at the
        same moment does not make this fail: the later write wins).

        With `index.content`, the help document's `content` becomes that text, but only
        while it still holds `replacing` (the text the index was built from): a text the
        web app wrote meanwhile is kept, and the service no longer claims it."""
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


class ChatStore(Protocol):
    """`ai_chat_messages` and the feedback on its answers."""

    async def last_exchange(self, *, session_id: str, user_id: str) -> Exchange | None:
        """The most recent question of this session and the answer stored after it."""
        ...

    async def record_exchange(
        self,
        *,
        user_id: str,
        session_id: str,
        question: str,
        answer: str,
        document_ids: Sequence[int],
        asked_at: datetime,
        answered_at: datetime,
        follow_up: bool = False,
        topic: str = "",
    ) -> RecordedExchange:
        """Stores the question (role user) and the answer (role assistant) together, and
        whether it was a follow-up and what was searched for (`help_exchanges`)."""
        ...

    async def latest_session(self, *, user_id: str, prefix: str) -> str | None:
        """The session of this person's latest answer among sessions starting with `prefix`."""
        ...

    async def exchange(self, answer_id: int) -> Exchange | None:
        """The assistant message `answer_id` with the question asked before it."""
        ...

    async def record_feedback(
        self, *, message_id: int, user_id: str, helpful: bool, at: datetime
    ) -> None:
        """One verdict per person and answer; a second press replaces the first."""
        ...

    async def statistics(self, *, since: datetime | None, top: int) -> HelpStatistics:
        """Counts over the answers since `since`; questions grouped by their words."""
        ...


class DocumentAudiences(Protocol):
    """`help_document_audiences`."""

    async def restrictions(self) -> Restrictions:
        """Every restricted source with its roles (few: most documents are for everyone)."""
        ...

    async def set_audience(
        self, source: SourceKind, document_id: int, roles: frozenset[Role] | None
    ) -> None:
        """Limit a source to `roles`, or with None open it to everyone."""
        ...

    async def shelved(self) -> list[ShelvedDocument]:
        """Every source answers may draw on (indexed, with text), with who may read it."""
        ...


class ChatWork(Protocol):
    """One unit of work with the help conversation's stores on it: what answering needs.

    Enter it once per transaction; leaving without `commit` writes nothing.
    `reading()` gives one that only reads (no BEGIN/COMMIT round trips on
    PostgreSQL); a write in it raises `domain.ports.ReadOnlyWork`.
    """

    @property
    def chat(self) -> ChatStore: ...
    @property
    def audiences(self) -> DocumentAudiences: ...

    def reading(self) -> ChatWork:
        """A fresh unit of work on the same storage that only reads."""
        ...
    async def commit(self) -> None: ...
    async def __aenter__(self) -> Self: ...
    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None: ...


class KnowledgeWork(ChatWork, Protocol):
    """The same unit of work with the help library too: what ingestion needs
    (`db.uow.SqlUnitOfWork` is one, beside the ticket repositories)."""

    @property
    def library(self) -> HelpLibrary: ...

    def reading(self) -> KnowledgeWork:
        """A fresh unit of work on the same storage that only reads."""
        ...
