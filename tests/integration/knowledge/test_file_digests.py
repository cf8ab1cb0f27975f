"""A file the library holds is found by its digest, kept true whoever writes the documents."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.file_digests import file_digest
from db.tables import help_documents
from db.tables.knowledge import help_file_digests
from db.uow import SqlUnitOfWork
from domain.clock import utcnow
from knowledge.indexing import DocumentIndexer
from knowledge.ingestion import DocumentExists, Existing, OnExisting, Upload, add_help_document


def _page(text: str) -> bytes:
    return f"# Page\n\n{text}\n".encode()


async def _web_app_stores(engine: AsyncEngine, filename: str, data: bytes) -> int:
    """A help document as the web app writes it: no digest, no index."""
    async with engine.begin() as connection:
        result = await connection.execute(insert(help_documents).values(
            title=filename, filename=filename, content="text",
            file_data=base64.b64encode(data).decode("ascii"), created_at=utcnow(),
            updated_at=utcnow()).returning(help_documents.c.id))
        return int(result.scalar_one())


async def _digests(engine: AsyncEngine) -> dict[int, str]:
    async with engine.connect() as connection:
        rows = (await connection.execute(select(help_file_digests))).all()
    return {row.document_id: row.file_sha256 for row in rows}


async def _add(uow: SqlUnitOfWork, indexer: DocumentIndexer, name: str, data: bytes,
               on_existing: OnExisting = OnExisting.KEEP) -> Any:
    return await add_help_document(uow=uow, indexer=indexer, upload=Upload(name, data),
                                   on_existing=on_existing)


async def test_every_stored_file_gets_its_digest_once_and_a_copy_is_found_by_it(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    web = await _web_app_stores(engine, "web.md", _page("Written by the web app."))
    ours = (await _add(uow, indexer, "ours.md", _page("Added with docs add."))).document_id

    digests = await _digests(engine)
    assert set(digests) == {web, ours}  # the web app's, hashed when a file was next added
    stored = base64.b64encode(_page("Written by the web app.")).decode("ascii")
    assert digests[web] == file_digest(stored)
    with pytest.raises(DocumentExists) as held:
        await _add(uow, indexer, "copy.md", _page("Written by the web app."))
    assert (held.value.existing, [s.document_id for s in held.value.stored]) == (
        Existing.IDENTICAL, [web])
    async with uow as work:
        assert await work.library.digest_files() == 0  # nothing left to read


async def test_a_file_the_web_app_rewrites_or_deletes_loses_its_digest_and_is_found_anew(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    added = await _add(uow, indexer, "vpn.md", _page("Blue shield icon."))
    async with engine.begin() as connection:  # the web app puts another file in its place
        await connection.execute(update(help_documents).where(
            help_documents.c.id == added.document_id).values(
            file_data=base64.b64encode(_page("Green shield icon.")).decode("ascii")))
    assert added.document_id not in await _digests(engine)

    old = await _add(uow, indexer, "vpn-old.md", _page("Blue shield icon."))  # not held now
    with pytest.raises(DocumentExists) as held:
        await _add(uow, indexer, "vpn-new.md", _page("Green shield icon."))
    assert held.value.stored[0].document_id == added.document_id

    async with engine.begin() as connection:
        await connection.execute(delete(help_documents).where(
            help_documents.c.id == old.document_id))
    assert old.document_id not in await _digests(engine)
    again = await _add(uow, indexer, "vpn-old.md", _page("Blue shield icon."))  # added anew
    assert (await _digests(engine))[again.document_id] == file_digest(  # SQLite reuses the id
        base64.b64encode(_page("Blue shield icon.")).decode("ascii"))


async def test_a_replaced_file_is_found_by_its_new_bytes_and_not_its_old(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    first = await _add(uow, indexer, "printer.md", _page("Tray 1."))
    replaced = await _add(uow, indexer, "printer.md", _page("Tray 2."), OnExisting.REPLACE)
    assert replaced.document_id == first.document_id
    assert (await _digests(engine))[first.document_id] == file_digest(
        base64.b64encode(_page("Tray 2.")).decode("ascii"))
    with pytest.raises(DocumentExists):
        await _add(uow, indexer, "other-name.md", _page("Tray 2."))
    moved = await _add(uow, indexer, "other-name.md", _page("Tray 1."))
    assert moved.document_id != first.document_id
