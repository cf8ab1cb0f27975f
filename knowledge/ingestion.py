"""Help-library use cases: add a file, remove a document, bring the index up to date.

Each use case takes a unit of work (`KnowledgeWork`) and enters it once per
transaction. Each stored document is written with its chunks, its index state and
its audience in one transaction, after its text has been extracted and embedded,
so a refused or failing file leaves nothing behind and no reader ever sees a
document half indexed. A batch (`add_help_documents`, `reindex`) commits document
by document rather than all at once: one transaction over a large batch would hold
the write lock (SQLite) and the new rows' locks for minutes, and lose every
finished document to the last file's failure.

The index follows the tables the web app writes as well:
`reindex` picks up new, changed and deleted help documents and published user
guides; with `only_unindexed` (what the service runs on start-up) it touches
only sources it has never seen, and adds vectors to those embedded by another
model than the configured one (or none), which costs one query when there are none.
"""

from __future__ import annotations

import asyncio
import base64
from collections import deque
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum, StrEnum

from domain.clock import utcnow
from domain.errors import NotFound, UserNotFound
from domain.people import Role
from knowledge.extraction import DocumentRejected
from knowledge.filenames import stored_filename
from knowledge.indexing import (
    DocumentIndexer,
    IndexOutcome,
    document_title,
    embedding_input,
    fingerprint,
    source_fingerprint,
)
from knowledge.ports import (
    IndexState,
    IndexStatus,
    KnowledgeWork,
    NewHelpDocument,
    SourceRef,
    StoredFile,
)

READ_AHEAD = 2


class HelpDocumentNotFound(NotFound):
    kind = "help document"


class OnExisting(StrEnum):
    """What adding a file does when the library holds it already, or a file of its name.

    A file identical byte for byte to a stored document (whoever stored it, the web
    app too) is never stored twice, except with `ADD`."""

    KEEP = "keep"
    """A file of the same name with other content is refused: the operator decides."""
    REPLACE = "replace"
    """A file of the same name with other content replaces that document (same id)."""
    ADD = "add"
    """Stored as another document whatever the library holds."""


class Unsaid(Enum):
    """An audience not given: everyone for a new document, and the replaced document's own
    for a replacement (None, everyone, cannot say that: it widens a restricted one)."""

    AUDIENCE = "unsaid"


class Existing(StrEnum):
    IDENTICAL = "identical"
    NAME_TAKEN = "name taken"
    NAME_AMBIGUOUS = "name ambiguous"


class DocumentExists(Exception):
    """Nothing was written: the library holds the file, or its name is taken."""

    def __init__(self, existing: Existing, stored: tuple[StoredFile, ...]) -> None:
        self.existing = existing
        self.stored = stored
        first = stored[0]
        super().__init__(
            f"{existing.value}: document {', '.join(str(s.document_id) for s in stored)}"
            f" ({first.filename}, {first.title})"
        )


@dataclass(frozen=True, slots=True)
class Upload:
    filename: str
    data: bytes


@dataclass(frozen=True, slots=True)
class AddedDocument:
    document_id: int
    title: str
    filename: str
    page_count: int | None
    chunk_count: int
    warning: str | None = None
    replaced: bool = False
    """It took the place of the document of the same name, under the same id."""


class Change(StrEnum):
    INDEXED = "indexed"
    REJECTED = "rejected"
    EMBEDDED = "embedded"  # unchanged text, vectors added for the configured model
    REMOVED = "removed"  # the source was deleted or unpublished
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class SourceChange:
    ref: SourceRef
    change: Change
    title: str | None = None
    chunk_count: int = 0
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class ReindexReport:
    changes: tuple[SourceChange, ...]

    def count(self, change: Change) -> int:
        return sum(1 for item in self.changes if item.change is change)

    def summary(self) -> str:
        """`indexed 2, rejected 0, …`: a count for every kind of change."""
        return ", ".join(f"{change.value} {self.count(change)}" for change in Change)


@dataclass(frozen=True, slots=True)
class Ingested:
    """What became of one file of a batch: added, or refused with the reason."""

    filename: str
    added: AddedDocument | None = None
    rejection: DocumentRejected | None = None
    existing: DocumentExists | None = None


@dataclass(frozen=True, slots=True)
class _Prepared:
    document: NewHelpDocument
    outcome: IndexOutcome
    on_existing: OnExisting
    replaces: int | None = None


async def add_help_document(
    *,
    uow: KnowledgeWork,
    indexer: DocumentIndexer,
    upload: Upload,
    title: str | None = None,
    category: str | None = None,
    tags: Sequence[str] = (),
    uploaded_by: str | None = None,
    audience: frozenset[Role] | None | Unsaid = Unsaid.AUDIENCE,
    on_existing: OnExisting = OnExisting.KEEP,
) -> AddedDocument:
    """Store an uploaded file as TicketFlow does and make it searchable.

    `audience`: the roles that may read it (see `knowledge.audience`); None is everyone.
    A replaced document keeps its title, category, tags and audience unless given
    (`Unsaid.AUDIENCE`: not given).

    `uploaded_by` is an email; without one the first admin is recorded (or no one).
    Raises `DocumentRejected` for a file that cannot become help text,
    `DocumentExists` for one the library holds already (see `OnExisting`), and
    `UserNotFound` for an unknown uploader; nothing is written in any of these cases.
    """
    uploader = await _uploader(uow, uploaded_by)
    prepared = await _prepare(
        uow=uow, indexer=indexer, upload=upload, title=title, category=category, tags=tags,
        uploader=uploader, audience=audience, on_existing=on_existing,
    )
    return await _store(uow, prepared)


async def add_help_documents(
    *,
    uow: KnowledgeWork,
    indexer: DocumentIndexer,
    uploads: Iterable[Upload],
    category: str | None = None,
    tags: Sequence[str] = (),
    uploaded_by: str | None = None,
    audience: frozenset[Role] | None | Unsaid = Unsaid.AUDIENCE,
    on_existing: OnExisting = OnExisting.KEEP,
) -> AsyncIterator[Ingested]:
    """Add many files, reading the next one while the previous one is written.

    The PDF reader works in its own process, so keeping it busy with the next
    files while this one is chunked and written hides most of that work (a
    commit waits for the disk). `uploads` is consumed `READ_AHEAD` files ahead,
    never all at once.
    """
    uploader = await _uploader(uow, uploaded_by)
    in_flight: deque[tuple[Upload, asyncio.Task[_Prepared]]] = deque()
    pending = iter(uploads)

    def top_up() -> None:
        while len(in_flight) < READ_AHEAD:
            upload = next(pending, None)
            if upload is None:
                return
            task = asyncio.create_task(
                _prepare(
                    uow=uow, indexer=indexer, upload=upload, title=None, category=category,
                    tags=tags, uploader=uploader, audience=audience, on_existing=on_existing,
                )
            )
            in_flight.append((upload, task))

    try:
        top_up()
        while in_flight:
            upload, task = in_flight.popleft()
            try:
                prepared = await task
            except DocumentRejected as rejection:
                top_up()
                yield Ingested(upload.filename, rejection=rejection)
                continue
            except DocumentExists as existing:
                top_up()
                yield Ingested(upload.filename, existing=existing)
                continue
            top_up()
            try:
                added = await _store(uow, prepared)
            except DocumentExists as existing:  # the same file earlier in this batch
                yield Ingested(upload.filename, existing=existing)
                continue
            yield Ingested(upload.filename, added=added)
    finally:
        for _, task in in_flight:
            task.cancel()
        await asyncio.gather(*(task for _, task in in_flight), return_exceptions=True)


async def _prepare(
    *,
    uow: KnowledgeWork,
    indexer: DocumentIndexer,
    upload: Upload,
    title: str | None,
    category: str | None,
    tags: Sequence[str],
    uploader: str | None,
    audience: frozenset[Role] | None | Unsaid = Unsaid.AUDIENCE,
    on_existing: OnExisting = OnExisting.KEEP,
) -> _Prepared:
    """Everything before the transaction: extraction, chunking, embeddings.

    A file the library holds already is told before it is read (reading a PDF is
    the costly part); `_store` looks again in its transaction."""
    filename = stored_filename(upload.filename)
    file_data = await asyncio.to_thread(_base64, upload.data)
    replaces: StoredFile | None = None
    if on_existing is not OnExisting.ADD:
        async with uow.reading() as reading:
            stored = await reading.library.stored_files(file_data=file_data, filename=filename)
        replaces = _replaced(stored, on_existing)
    document = await indexer.read(upload.data, filename)
    name = document_title(document, given=title or (replaces.title if replaces else None))
    given_tags = _tags(tags)
    new = NewHelpDocument(
        title=name,
        filename=filename,
        content=document.text,
        file_data=file_data,
        uploaded_by=uploader,
        category=(category or "").strip() or (replaces.category if replaces else None),
        tags=given_tags or (replaces.tags if replaces else ()),
        audience=(audience if not isinstance(audience, Unsaid)
                  else replaces.audience if replaces else None),
    )
    stamp = await asyncio.to_thread(
        fingerprint,
        title=new.title, filename=new.filename, content=new.content, file_data=new.file_data,
    )
    return _Prepared(
        new,
        await indexer.index(document, title=name, fingerprint=stamp),
        on_existing,
        replaces.document_id if replaces else None,
    )


def _replaced(stored: Sequence[StoredFile], on_existing: OnExisting) -> StoredFile | None:
    """The document an upload replaces; raises `DocumentExists` when it must not be stored."""
    identical = tuple(s for s in stored if s.identical)
    if identical:
        raise DocumentExists(Existing.IDENTICAL, identical)
    named = tuple(stored)
    if not named:
        return None
    if on_existing is OnExisting.KEEP:
        raise DocumentExists(Existing.NAME_TAKEN, named)
    if len(named) > 1:
        raise DocumentExists(Existing.NAME_AMBIGUOUS, named)
    return named[0]


def _base64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


async def _store(uow: KnowledgeWork, prepared: _Prepared) -> AddedDocument:
    index = prepared.outcome.index
    document = prepared.document
    async with uow:
        replaces = prepared.replaces
        await uow.library.digest_files()  # the web app's new files, once
        if prepared.on_existing is not OnExisting.ADD:
            stored = await uow.library.stored_files(
                file_data=document.file_data, filename=document.filename
            )
            current = _replaced(stored, prepared.on_existing)  # it may have changed meanwhile
            replaces = current.document_id if current else None
        if replaces is None:
            document_id = await uow.library.add_document(document, index, now=utcnow())
        else:
            document_id = replaces
            if not await uow.library.replace_document(replaces, document, index, now=utcnow()):
                raise HelpDocumentNotFound(replaces)
        await uow.commit()
    return AddedDocument(
        document_id=document_id,
        title=document.title,
        filename=document.filename,
        page_count=index.page_count,
        chunk_count=len(index.chunks),
        warning=prepared.outcome.warning,
        replaced=replaces is not None,
    )


async def remove_help_document(*, uow: KnowledgeWork, document_id: int) -> None:
    """Delete a help document and its chunks; raises `HelpDocumentNotFound`."""
    async with uow:
        if not await uow.library.remove_document(document_id):
            raise HelpDocumentNotFound(document_id)
        await uow.commit()


async def reindex(
    *,
    uow: KnowledgeWork,
    indexer: DocumentIndexer,
    only_unindexed: bool = False,
    force: bool = False,
) -> ReindexReport:
    """Make the index match the help documents and published guides as stored now.

    Sources whose text changed, or that were refused before, are read again;
    `force` reads every one. Sources indexed before an embeddings model was
    configured get vectors from their stored chunks, without being read again.
    """
    async with uow.reading() as reading:
        states = {state.ref: state for state in await reading.library.index_states()}
        sources = await reading.library.sources()
    changes: list[SourceChange] = []
    gone = sorted(states.keys() - set(sources), key=str)
    if gone:
        async with uow:
            for ref in gone:
                await uow.library.drop_index(ref)
            await uow.commit()
        changes += [SourceChange(ref, Change.REMOVED) for ref in gone]
    for ref in sources:
        state = states.get(ref)
        if only_unindexed and state is not None and not _lacks_vectors(indexer, state):
            continue
        change = await _refresh(uow=uow, indexer=indexer, ref=ref, state=state, force=force)
        if change is not None:
            changes.append(change)
    return ReindexReport(tuple(changes))


async def _refresh(
    *,
    uow: KnowledgeWork,
    indexer: DocumentIndexer,
    ref: SourceRef,
    state: IndexState | None,
    force: bool,
) -> SourceChange | None:
    async with uow.reading() as reading:
        source = await reading.library.load(ref)
    if source is None:
        return None  # deleted since the list was read; the next run drops its index
    unchanged = (
        state is not None
        and state.fingerprint == await asyncio.to_thread(source_fingerprint, source)
        and state.status is IndexStatus.INDEXED
    )
    if unchanged and not force:
        assert state is not None
        return await _embed_stored(uow=uow, indexer=indexer, state=state, title=source.title)
    outcome = await indexer.index_source(source)
    async with uow:
        await uow.library.store_index(ref, outcome.index, now=utcnow(), replacing=source.content)
        await uow.commit()
    rejected = outcome.index.status is IndexStatus.REJECTED
    return SourceChange(
        ref,
        Change.REJECTED if rejected else Change.INDEXED,
        title=source.title,
        chunk_count=len(outcome.index.chunks),
        warning=outcome.warning,
    )


def _lacks_vectors(indexer: DocumentIndexer, state: IndexState) -> bool:
    """Indexed, but without vectors of the configured model (another model's, or none)."""
    embedder = indexer.embedder
    return (
        embedder is not None
        and state.status is IndexStatus.INDEXED
        and state.chunk_count > 0
        and state.embedding_model != embedder.model
    )


async def _embed_stored(
    *, uow: KnowledgeWork, indexer: DocumentIndexer, state: IndexState, title: str
) -> SourceChange:
    embedder = indexer.embedder
    if embedder is None or state.embedding_model == embedder.model or not state.chunk_count:
        return SourceChange(state.ref, Change.UNCHANGED, title=title, chunk_count=state.chunk_count)
    async with uow.reading() as reading:
        chunks = await reading.library.chunks(state.ref)
    vectors = await embedder.embed([embedding_input(title, chunk) for chunk in chunks])
    async with uow:
        await uow.library.store_vectors(
            state.ref,
            [(chunk.ordinal, vector) for chunk, vector in zip(chunks, vectors, strict=True)],
            model=embedder.model,
            now=utcnow(),
        )
        await uow.commit()
    return SourceChange(state.ref, Change.EMBEDDED, title=title, chunk_count=len(chunks))


async def _uploader(uow: KnowledgeWork, email: str | None) -> str | None:
    async with uow.reading() as reading:
        if email is None:
            return await reading.library.first_admin_id()
        user_id = await reading.library.find_user_id(email)
    if user_id is None:
        raise UserNotFound(email)
    return user_id


def _tags(tags: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(tag.strip() for tag in tags if tag.strip()))
