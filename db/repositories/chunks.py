"""Writing and reading a source's chunks and index state, on a connection the caller owns.

These take an open connection rather than the engine so that the caller decides
the transaction: `SqlHelpLibrary` puts a new `help_documents` row, its chunks and
its index state in one. Each chunk is written with its analysed form
(`knowledge.analysis`), which the full-text index follows by itself (a generated
column on PostgreSQL, triggers on SQLite).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, bindparam, delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tables.knowledge import help_document_chunks, help_indexed_sources
from knowledge.analysis import search_form
from knowledge.embeddings import pack_vector, unpack_vector
from knowledge.passages import SourceKind
from knowledge.ports import (
    DocumentIndex,
    IndexedChunk,
    IndexState,
    IndexStatus,
    SourceRef,
    Vector,
    content_digest,
)

chunks_table = help_document_chunks
states = help_indexed_sources


def _of(ref: SourceRef) -> ColumnElement[bool]:
    return and_(
        chunks_table.c.source == ref.source.value, chunks_table.c.document_id == ref.document_id
    )


async def write_index(
    connection: AsyncConnection, ref: SourceRef, index: DocumentIndex, *, now: datetime
) -> None:
    """Replace `ref`'s chunks and state with `index`."""
    await delete_index(connection, ref)
    if index.chunks:
        await connection.execute(
            chunks_table.insert(),
            [
                {
                    "source": ref.source.value,
                    "document_id": ref.document_id,
                    "ordinal": chunk.ordinal,
                    "page": chunk.page,
                    "title": index.title,
                    "heading": chunk.heading,
                    "text": chunk.text,
                    "embedding": None if chunk.vector is None else pack_vector(chunk.vector),
                    "created_at": now,
                    "search_title": search_form(index.title),
                    "search_heading": _or_analysed(chunk.search_heading, chunk.heading),
                    "search_text": _or_analysed(chunk.search_text, chunk.text),
                    "search_related": " ".join(chunk.related),
                }
                for chunk in index.chunks
            ],
        )
    await connection.execute(
        states.insert().values(
            source=ref.source.value,
            document_id=ref.document_id,
            fingerprint=index.fingerprint,
            status=index.status.value,
            chunk_count=len(index.chunks),
            page_count=index.page_count,
            error=index.error,
            embedding_model=index.embedding_model,
            indexed_at=now,
            content_sha256=None if index.content is None else content_digest(index.content),
        )
    )


def _or_analysed(analysed: str | None, text: str | None) -> str:
    return search_form(text) if analysed is None else analysed


async def delete_index(connection: AsyncConnection, ref: SourceRef) -> None:
    await connection.execute(delete(chunks_table).where(_of(ref)))
    await connection.execute(
        delete(states).where(
            states.c.source == ref.source.value, states.c.document_id == ref.document_id
        )
    )


async def write_vectors(
    connection: AsyncConnection,
    ref: SourceRef,
    vectors: Sequence[tuple[int, Vector]],
    *,
    model: str,
    now: datetime,
) -> None:
    if vectors:
        await connection.execute(
            update(chunks_table)
            .where(_of(ref), chunks_table.c.ordinal == bindparam("chunk_ordinal"))
            .values(embedding=bindparam("vector")),
            [
                {"chunk_ordinal": ordinal, "vector": pack_vector(vector)}
                for ordinal, vector in vectors
            ],
        )
    await connection.execute(
        update(states)
        .where(states.c.source == ref.source.value, states.c.document_id == ref.document_id)
        .values(embedding_model=model, indexed_at=now)
    )


async def read_chunks(connection: AsyncConnection, ref: SourceRef) -> list[IndexedChunk]:
    c = chunks_table.c
    query = (
        select(c.ordinal, c.page, c.heading, c.text, c.embedding)
        .where(_of(ref))
        .order_by(c.ordinal)
    )
    return [
        IndexedChunk(
            ordinal=row.ordinal,
            page=row.page,
            heading=row.heading,
            text=row.text,
            vector=None if row.embedding is None else unpack_vector(row.embedding),
        )
        for row in await connection.execute(query)
    ]


async def read_states(connection: AsyncConnection) -> list[IndexState]:
    query = select(states).order_by(states.c.source, states.c.document_id)
    return [
        IndexState(
            ref=SourceRef(SourceKind(row.source), row.document_id),
            fingerprint=row.fingerprint,
            status=IndexStatus(row.status),
            chunk_count=row.chunk_count,
            embedding_model=row.embedding_model,
        )
        for row in await connection.execute(query)
    ]


async def read_vectors(
    connection: AsyncConnection, *, model: str
) -> list[tuple[int, bytes]]:
    """Every stored vector made by `model`, as (chunk id, packed float32)."""
    c = chunks_table.c
    query = (
        select(c.id, c.embedding)
        .join(
            states,
            and_(states.c.source == c.source, states.c.document_id == c.document_id),
        )
        .where(states.c.embedding_model == model, c.embedding.is_not(None))
        .order_by(c.id)
    )
    return [(row.id, bytes(row.embedding)) for row in await connection.execute(query)]
