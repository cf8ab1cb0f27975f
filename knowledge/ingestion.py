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
from enum import StrEnum

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
from knowledge.ports import IndexState, IndexStatus, KnowledgeWork, NewHelpDocument, SourceRef

READ_AHEAD = 2


class HelpDocumentNotFound(NotFound):
    kind = "help document"


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


@dataclass(frozen=True, slots=True)
class _Prepared:
    document: NewHelpDocument
    outcome: IndexOutcome


async def add_help_document(
    *,
    uow: KnowledgeWork,
    indexer: DocumentIndexer,
    upload: Upload,
    title: str | None = None,
    category: str | None = None,
    tags: Sequence[str] = (),
    uploaded_by: str | None = None,
    audience: frozenset[Role] | None = None,
) -> AddedDocument:
    """Store an uploaded file as TicketFlow does and make it searchable.

    `audience`: the roles that may read it (see `knowledge.audience`); None is everyone.

    `uploaded_by` is an email; without one the first admin is recorded (or no one).
    Raises `DocumentRejected` for a file that cannot become help text, and
    `UserNotFound` for an unknown uploader; nothing is written in either case.
    """
    uploader = await _uploader(uow, uploaded_by)
    prepared = await _prepare(
        indexer=indexer, upload=upload, title=title, category=category, tags=tags,
        uploader=uploader, audience=audience,
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
    audience: frozenset[Role] | None = None,
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
                    indexer=indexer, upload=upload, title=None, category=category, tags=tags,
                    uploader=uploader, audience=audience,
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
            top_up()
            yield Ingested(upload.filename, added=await _store(uow, prepared))
    finally:
        for _, task in in_flight:
            task.cancel()
        await asyncio.gather(*(task for _, task in in_flight), return_exceptions=True)


async def _prepare(
    *,
    indexer: DocumentIndexer,
    upload: Upload,
    title: str | None,
    category: str | None,
    tags: Sequence[str],
    uploader: str | None,
    audience: frozenset[Role] | None = None,
) -> _Prepared:
    """Everything before the transaction: extraction, chunking, embeddings."""
    filename = stored_filename(upload.filename)
    document = await indexer.read(upload.data, filename)
    name = document_title(document, given=title)
    file_data = await asyncio.to_thread(_base64, upload.data)
    new = NewHelpDocument(
        title=name,
        filename=filename,
        content=document.text,
        file_data=file_data,
        uploaded_by=uploader,
        category=(category or "").strip() or None,
        tags=_tags(tags),
        audience=audience,
    )
    stamp = await asyncio.to_thread(
        fingerprint,
        title=new.title, filename=new.filename, content=new.content, file_data=new.file_data,
    )
    return _Prepared(new, await indexer.index(document, title=name, fingerprint=stamp))


def _base64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


async def _store(uow: KnowledgeWork, prepared: _Prepared) -> AddedDocument:
    index = prepared.outcome.index
    async with uow:
        document_id = await uow.library.add_document(prepared.document, index, now=utcnow())
        await uow.commit()
    return AddedDocument(
        document_id=document_id,
        title=prepared.document.title,
        filename=prepared.document.filename,
        page_count=index.page_count,
        chunk_count=len(index.chunks),
        warning=prepared.outcome.warning,
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
