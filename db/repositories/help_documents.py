"""`help_documents` and `user_guides` as the help library: `knowledge.ports.HelpLibrary`.

Both work on the connection of the unit of work they belong to (`uow.library`,
`uow.audiences`), which owns the transaction. The web app writes both tables
too, so nothing here assumes that a row it did not write has been indexed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, delete, func, literal, select, union_all, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from db.file_digests import file_digest
from db.records import to_row
from db.repositories.chunks import (
    delete_index,
    read_chunks,
    read_states,
    write_index,
    write_vectors,
)
from db.tables import help_documents, user_guides, users
from db.tables.knowledge import help_document_audiences as audiences
from db.tables.knowledge import help_file_digests, help_indexed_sources
from domain.people import Role
from knowledge.audience import Restrictions, ShelvedDocument
from knowledge.passages import SourceKind
from knowledge.ports import (
    DocumentIndex,
    IndexedChunk,
    IndexState,
    IndexStatus,
    LibraryEntry,
    NewHelpDocument,
    SourceDocument,
    SourceRef,
    StoredFile,
    Vector,
)

states = help_indexed_sources
digests = help_file_digests
SERIAL_MAX = 2**31 - 1
_DIGEST_BATCH = 50  # files read at once when hashing those without a digest


async def _write_digests(connection: AsyncConnection, files: dict[int, str]) -> None:
    """Digests of files just stored or read: any older one was deleted by the triggers (or,
    for a document hashed meanwhile by another writer, is replaced)."""
    if not files:
        return
    await connection.execute(delete(digests).where(digests.c.document_id.in_(list(files))))
    await connection.execute(digests.insert(), [
        {"document_id": document_id, "file_sha256": file_digest(data)}
        for document_id, data in files.items()])


def _published() -> Any:
    return user_guides.c.is_published.is_not(False)  # NULL is the column default, true


class SqlHelpLibrary:
    def __init__(self, connection: AsyncConnection) -> None:
        self._connection = connection

    async def add_document(
        self, document: NewHelpDocument, index: DocumentIndex, *, now: datetime
    ) -> int:
        connection = self._connection
        result = await connection.execute(
            help_documents.insert()
            .values(**to_row(document, help_documents), created_at=now, updated_at=now)
            .returning(help_documents.c.id)
        )
        document_id = int(result.scalar_one())
        await _write_digests(connection, {document_id: document.file_data})
        await _index_with_audience(connection, document_id, document, index, now=now)
        return document_id

    async def stored_files(self, *, file_data: str, filename: str) -> list[StoredFile]:
        """The documents holding `file_data` are found by its digest (one indexed lookup, the
        bytes compared only for those), not by reading every stored file; only documents
        with no digest yet (see `digest_files`) have their bytes compared."""
        d, g = help_documents.c, digests.c
        connection = self._connection
        columns = (d.id, d.title, d.filename, d.category, d.tags)
        query = union_all(  # one statement, so one snapshot even when reading in autocommit
            select(*columns, literal(True).label("identical"))
            .join(digests, g.document_id == d.id)
            .where(g.file_sha256 == file_digest(file_data), d.file_data == file_data),
            select(*columns, literal(True).label("identical"))
            .outerjoin(digests, g.document_id == d.id)
            .where(g.document_id.is_(None), case(  # refers to the digest, so the database
                (g.document_id.is_(None), d.file_data == file_data),  # cannot compare the
                else_=False)),  # bytes of every document before it knows which lack one
            select(*columns, literal(False).label("identical")).where(d.filename == filename),
        )
        found_rows = (await connection.execute(query)).all()
        if not found_rows:
            return []
        identical = {row.id for row in found_rows if row.identical}
        rows = {row.id: row for row in found_rows}
        limited = await read_restrictions(connection)
        found = [
            StoredFile(
                document_id=row.id, title=row.title, filename=row.filename,
                identical=row.id in identical, category=row.category,
                tags=tuple(row.tags or ()),
                audience=limited.get((SourceKind.HELP_DOCUMENT, row.id)),
            )
            for _, row in sorted(rows.items())
        ]
        return sorted(found, key=lambda stored: not stored.identical)

    async def digest_files(self) -> int:
        """Hash the documents that have no digest (written by the web app, or whose file it
        rewrote), a batch at a time; returns how many. Once all have one, this reads no file."""
        d = help_documents.c
        connection = self._connection
        ids = await self._undigested()
        for start in range(0, len(ids), _DIGEST_BATCH):
            rows = (await connection.execute(
                select(d.id, d.file_data).where(d.id.in_(ids[start:start + _DIGEST_BATCH]))
            )).all()
            await _write_digests(connection, {row.id: row.file_data or "" for row in rows})
        return len(ids)

    async def _undigested(self) -> list[int]:
        d, g = help_documents.c, digests.c
        query = select(d.id).outerjoin(digests, g.document_id == d.id).where(
            g.document_id.is_(None)).order_by(d.id)
        return [row.id for row in (await self._connection.execute(query)).all()]

    async def replace_document(
        self, document_id: int, document: NewHelpDocument, index: DocumentIndex, *, now: datetime
    ) -> bool:
        if not 0 < document_id <= SERIAL_MAX:
            return False
        connection = self._connection
        row = to_row(document, help_documents, exclude=frozenset({"uploaded_by"}))
        result = await connection.execute(
            update(help_documents)
            .where(help_documents.c.id == document_id)
            .values(**row, updated_at=now)
        )
        if not result.rowcount:
            return False
        await _write_digests(connection, {document_id: document.file_data})  # after the trigger
        await _index_with_audience(connection, document_id, document, index, now=now)
        return True

    async def store_index(
        self, ref: SourceRef, index: DocumentIndex, *, now: datetime, replacing: str | None = None
    ) -> None:
        """Another process indexing the same source at once makes the first attempt
        collide on the chunk keys; the second sees its rows and replaces them. The
        attempt runs in a savepoint so that the collision leaves the unit of work usable."""
        if index.content is not None and not await self._write_content(
            ref, index.content, replacing=replacing, now=now
        ):
            index = replace(index, content=None)
        for attempt in range(2):
            try:
                async with self._connection.begin_nested():
                    await write_index(self._connection, ref, index, now=now)
                return
            except IntegrityError:
                if attempt:
                    raise

    async def _write_content(
        self, ref: SourceRef, content: str, *, replacing: str | None, now: datetime
    ) -> bool:
        """Set a help document's `content`, unless the web app replaced the text the index
        was read from; True when the row holds `content` afterwards."""
        if ref.source is not SourceKind.HELP_DOCUMENT or replacing is None:
            return False
        if content == replacing:
            return True
        d = help_documents.c
        result = await self._connection.execute(
            update(help_documents)
            .where(d.id == ref.document_id, d.content == replacing)
            .values(content=content, updated_at=now)
        )
        return bool(result.rowcount)

    async def store_vectors(
        self, ref: SourceRef, vectors: Sequence[tuple[int, Vector]], *, model: str, now: datetime
    ) -> None:
        await write_vectors(self._connection, ref, vectors, model=model, now=now)

    async def drop_index(self, ref: SourceRef) -> None:
        await delete_index(self._connection, ref)

    async def remove_document(self, document_id: int) -> bool:
        if not 0 < document_id <= SERIAL_MAX:
            return False
        connection = self._connection
        await delete_index(connection, SourceRef(SourceKind.HELP_DOCUMENT, document_id))
        await _write_audience(connection, SourceKind.HELP_DOCUMENT, document_id, None)
        result = await connection.execute(
            delete(help_documents).where(help_documents.c.id == document_id)
        )
        return bool(result.rowcount)

    async def sources(self) -> list[SourceRef]:
        documents = select(literal(SourceKind.HELP_DOCUMENT.value), help_documents.c.id)
        guides = select(literal(SourceKind.USER_GUIDE.value), user_guides.c.id).where(_published())
        connection = self._connection
        rows = [
            *(await connection.execute(documents.order_by(help_documents.c.id))).all(),
            *(await connection.execute(guides.order_by(user_guides.c.id))).all(),
        ]
        return [SourceRef(SourceKind(source), int(document_id)) for source, document_id in rows]

    async def load(self, ref: SourceRef) -> SourceDocument | None:
        if not 0 < ref.document_id <= SERIAL_MAX:
            return None
        connection = self._connection
        if ref.source is SourceKind.HELP_DOCUMENT:
            d, s = help_documents.c, states.c
            query = (
                select(d.title, d.filename, d.content, d.file_data, s.content_sha256)
                .outerjoin(states, and_(
                    s.source == SourceKind.HELP_DOCUMENT.value, s.document_id == d.id
                ))
                .where(d.id == ref.document_id)
            )
            row = (await connection.execute(query)).first()
            if row is None:
                return None
            return SourceDocument(
                ref=ref,
                title=row.title,
                filename=row.filename,
                content=row.content or "",
                file_data=row.file_data,
                content_digest=row.content_sha256,
            )
        g = user_guides.c
        guide_query = select(g.title, g.description, g.content).where(
            g.id == ref.document_id, _published()
        )
        guide = (await connection.execute(guide_query)).first()
        if guide is None:
            return None
        return SourceDocument(
            ref=ref,
            title=guide.title,
            filename=None,
            content=guide.content or "",
            file_data=None,
            description=guide.description,
        )

    async def index_states(self) -> list[IndexState]:
        return await read_states(self._connection)

    async def chunks(self, ref: SourceRef) -> list[IndexedChunk]:
        return await read_chunks(self._connection, ref)

    async def find_user_id(self, email: str) -> str | None:
        query = (
            select(users.c.id)
            .where(func.lower(users.c.email) == email.strip().lower())
            .order_by(users.c.created_at)
            .limit(1)
        )
        return (await self._connection.execute(query)).scalar_one_or_none()

    async def first_admin_id(self) -> str | None:
        query = (
            select(users.c.id)
            .where(users.c.role == "admin", users.c.is_active.is_not(False))
            .order_by(users.c.created_at, users.c.id)
            .limit(1)
        )
        return (await self._connection.execute(query)).scalar_one_or_none()

    async def entries(self) -> list[LibraryEntry]:
        d, g, s = help_documents.c, user_guides.c, states.c

        def indexed(source: SourceKind, id_column: Any) -> Any:
            return and_(s.source == source.value, s.document_id == id_column)

        documents = (
            select(d.id, d.title, d.filename, d.category, d.tags, *s)
            .outerjoin(states, indexed(SourceKind.HELP_DOCUMENT, d.id))
            .order_by(d.id)
        )
        guides = (
            select(g.id, g.title, g.category, g.tags, *s)
            .outerjoin(states, indexed(SourceKind.USER_GUIDE, g.id))
            .where(_published())
            .order_by(g.id)
        )
        connection = self._connection
        document_rows = (await connection.execute(documents)).mappings().all()
        guide_rows = (await connection.execute(guides)).mappings().all()
        limited = await read_restrictions(connection)
        return [
            *(_entry(SourceKind.HELP_DOCUMENT, row, filename=row["filename"], limited=limited)
              for row in document_rows),
            *(_entry(SourceKind.USER_GUIDE, row, filename=None, limited=limited)
              for row in guide_rows),
        ]


class SqlDocumentAudiences:
    """`knowledge.audience.DocumentAudiences` on `help_document_audiences`."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._connection = connection

    async def restrictions(self) -> Restrictions:
        return await read_restrictions(self._connection)

    async def set_audience(
        self, source: SourceKind, document_id: int, roles: frozenset[Role] | None
    ) -> None:
        await _write_audience(self._connection, source, document_id, roles)

    async def shelved(self) -> list[ShelvedDocument]:
        entries = await SqlHelpLibrary(self._connection).entries()
        return [ShelvedDocument(entry.title, entry.audience) for entry in entries
                if entry.status is IndexStatus.INDEXED and entry.chunk_count > 0]


async def read_restrictions(connection: AsyncConnection) -> Restrictions:
    found: dict[tuple[SourceKind, int], set[Role]] = {}
    rows = await connection.execute(
        select(audiences.c.source, audiences.c.document_id, audiences.c.role)
    )
    for source, document_id, role in rows:
        found.setdefault((SourceKind(source), int(document_id)), set()).add(_role(role))
    return {key: frozenset(roles) for key, roles in found.items()}


def _role(value: str) -> Role:
    """A role this release does not know reads nothing more than a customer would."""
    try:
        return Role(value)
    except ValueError:
        return Role.CUSTOMER


async def _index_with_audience(
    connection: AsyncConnection, document_id: int, document: NewHelpDocument,
    index: DocumentIndex, *, now: datetime,
) -> None:
    """A help document's search index (with its extracted text) and who may read it."""
    await write_index(
        connection,
        SourceRef(SourceKind.HELP_DOCUMENT, document_id),
        replace(index, content=document.content),
        now=now,
    )
    await _write_audience(connection, SourceKind.HELP_DOCUMENT, document_id, document.audience)


async def _write_audience(
    connection: AsyncConnection,
    source: SourceKind,
    document_id: int,
    roles: frozenset[Role] | None,
) -> None:
    await connection.execute(delete(audiences).where(
        audiences.c.source == source.value, audiences.c.document_id == document_id
    ))
    if roles:
        await connection.execute(audiences.insert(), [
            {"source": source.value, "document_id": document_id, "role": role.value}
            for role in sorted(roles)
        ])


def _entry(
    source: SourceKind, row: Any, *, filename: str | None, limited: Restrictions
) -> LibraryEntry:
    status = row["status"]
    return LibraryEntry(
        ref=SourceRef(source, row["id"]),
        title=row["title"],
        filename=filename,
        category=row["category"],
        tags=tuple(row["tags"] or ()),
        status=IndexStatus(status) if status else None,
        chunk_count=row["chunk_count"] or 0,
        page_count=row["page_count"],
        error=row["error"],
        indexed_at=row["indexed_at"],
        audience=limited.get((source, row["id"])),
    )
