"""`docs add` / `docs remove`: help documents stored as TicketFlow stores them, indexed by page."""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.uow import SqlUnitOfWork
from db.tables import help_document_chunks, help_documents, help_indexed_sources, users
from domain.clock import utcnow
from domain.errors import UserNotFound
from domain.people import Role
from knowledge.extraction import (
    CorruptDocument,
    DocumentRejected,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    NoTextFound,
    UnsupportedDocument,
)
from knowledge.indexing import DocumentIndexer
from knowledge.ingestion import (
    HelpDocumentNotFound,
    OnExisting,
    Unsaid,
    Upload,
    add_help_document,
    add_help_documents,
    remove_help_document,
)
from knowledge.ports import DocumentIndex, IndexedChunk, IndexStatus, NewHelpDocument
from tests.integration.builders import insert_user
from tests.integration.knowledge.evaluation import MANIFEST, fixture_files, ingest_fixtures
from tests.unit.knowledge.hostile_pdfs import (
    encrypted_pdf,
    flate_bomb_pdf,
    garbage_pdf,
    image_only_pdf,
    looping_page_tree_pdf,
    many_pages_pdf,
    nested_arrays_pdf,
    png_image,
    text_pdf,
    word_with_external_entity,
    word_zip_bomb,
    zero_pages_pdf,
)

MEGABYTE = 1024 * 1024


async def _rows(engine: AsyncEngine, query: Any) -> list[Any]:
    async with engine.connect() as connection:
        return list((await connection.execute(query)).mappings().all())


async def _count(engine: AsyncEngine, table: Any) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(select(func.count()).select_from(table))).scalar_one())


async def _nothing_stored(engine: AsyncEngine) -> bool:
    counts = [
        await _count(engine, table)
        for table in (help_documents, help_document_chunks, help_indexed_sources)
    ]
    return counts == [0, 0, 0]


async def test_every_fixture_document_is_stored_as_ticketflow_stores_an_upload(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    admin = await insert_user(engine, role="admin")

    filenames = await ingest_fixtures(uow=uow, indexer=indexer)

    rows = await _rows(engine, select(help_documents).order_by(help_documents.c.id))
    by_name = {entry["filename"]: entry for entry in MANIFEST["documents"]}
    files = {entry["filename"]: data for entry, data in fixture_files()}
    assert [row["filename"] for row in rows] == list(filenames.values()) == list(by_name)
    for row in rows:
        entry = by_name[row["filename"]]
        assert row["title"] == entry["title"]
        assert row["category"] == entry["category"]
        assert row["tags"] == entry["tags"]
        assert row["uploaded_by"] == admin
        assert base64.b64decode(row["file_data"]) == files[row["filename"]]
        assert len(row["content"]) > 500 and "\x00" not in row["content"]
        assert row["view_count"] == 0 and row["created_at"] is not None


async def test_pdf_chunks_name_their_page_and_other_formats_have_no_pages(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    filenames = await ingest_fixtures(uow=uow, indexer=indexer)

    c = help_document_chunks.c
    chunks = await _rows(engine, select(c.document_id, c.ordinal, c.page, c.text, c.title))
    for document_id, filename in filenames.items():
        entry = next(e for e in MANIFEST["documents"] if e["filename"] == filename)
        mine = sorted((row for row in chunks if row["document_id"] == document_id),
                      key=lambda row: row["ordinal"])
        assert [row["ordinal"] for row in mine] == list(range(len(mine)))
        assert all(row["title"] == entry["title"] and row["text"].strip() for row in mine)
        pages = [row["page"] for row in mine]
        if entry["pages"] is None:
            assert set(pages) == {None}
        else:
            assert pages == sorted(pages)
            assert set(pages) == set(range(1, entry["pages"] + 1))
    states = await _rows(engine, select(help_indexed_sources))
    assert {row["status"] for row in states} == {"indexed"}
    assert sum(row["chunk_count"] for row in states) == len(chunks)


async def test_the_uploader_is_the_person_named_or_else_the_first_admin_or_no_one(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    upload = Upload("note.txt", b"Printer toner lives in the cupboard by the lifts.")
    nobody = await add_help_document(uow=uow, indexer=indexer, upload=upload)
    later_admin = await insert_user(engine, role="admin")
    first_admin = await insert_user(engine, role="admin")
    async with engine.begin() as connection:
        for user_id, year in ((first_admin, 2020), (later_admin, 2021)):
            await connection.execute(
                update(users).where(users.c.id == user_id).values(created_at=datetime(year, 1, 1))
            )
    agent = await insert_user(engine, role="user", email="Agent@Example.com")

    again = OnExisting.ADD  # the same file each time: only who uploaded it differs
    defaulted = await add_help_document(uow=uow, indexer=indexer, upload=upload, on_existing=again)
    named = await add_help_document(
        uow=uow, indexer=indexer, upload=upload, uploaded_by="agent@example.com",
        on_existing=again,
    )

    uploaders = {
        row["id"]: row["uploaded_by"]
        for row in await _rows(engine, select(help_documents.c.id, help_documents.c.uploaded_by))
    }
    assert uploaders == {
        nobody.document_id: None, defaulted.document_id: first_admin, named.document_id: agent
    }


async def test_a_replaced_document_keeps_its_audience_unless_one_is_given_everyone_too(
    uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    staff = frozenset({Role.ADMIN, Role.MANAGER, Role.USER})

    async def add(text: str, audience: frozenset[Role] | None | Unsaid) -> int:
        added = await add_help_document(
            uow=uow, indexer=indexer, upload=Upload("vpn.md", f"# VPN\n\n{text}\n".encode()),
            audience=audience, on_existing=OnExisting.REPLACE)
        return added.document_id

    async def audiences() -> list[frozenset[Role] | None]:
        async with uow.reading() as reading:
            stored = await reading.library.stored_files(file_data="", filename="vpn.md")
        return [document.audience for document in stored]

    first = await add("Connect with the blue shield icon.", staff)
    assert await add("Connect with the green shield icon.", Unsaid.AUDIENCE) == first
    assert await audiences() == [staff]
    assert await add("Connect with the red shield icon.", None) == first  # everyone, said
    assert await audiences() == [None]
    assert await add("Connect with the grey shield icon.", Unsaid.AUDIENCE) == first
    assert await audiences() == [None]


async def test_an_unknown_uploader_is_refused_before_anything_is_stored(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    with pytest.raises(UserNotFound):
        await add_help_document(
            uow=uow, indexer=indexer, upload=Upload("a.txt", b"Some help text."),
            uploaded_by="nobody@example.com",
        )

    assert await _nothing_stored(engine)


@pytest.mark.parametrize(
    ("filename", "data", "rejection", "reason"),
    [
        ("secret.pdf", encrypted_pdf(text_pdf(["Quarterly figures"]), user_password="pw",
                                     owner_password="owner"), EncryptedDocument, "password"),
        ("bomb.pdf", flate_bomb_pdf(inflated_bytes=300 * MEGABYTE), DocumentRejected, ""),
        ("scan.pdf", image_only_pdf(), NoTextFound, "OCR"),
        ("broken.pdf", garbage_pdf(), CorruptDocument, "damaged"),
        ("photo.pdf", png_image(), UnsupportedDocument, "PNG image"),
        ("notes.docx", b"PK\x03\x04" + b"\x00" * 64, UnsupportedDocument, "not a Word document"),
        ("long.txt", b"word " * 50_000, DocumentTooLarge, "characters"),
        ("huge.txt", b"word " * MEGABYTE, DocumentTooLarge, "MB"),
        ("empty.md", b"  \n", NoTextFound, "empty"),
        ("nothing.pdf", zero_pages_pdf(), CorruptDocument, "no pages"),
        ("atlas.pdf", many_pages_pdf(5_000), DocumentTooLarge, "5,000 pages"),
        ("deep.pdf", nested_arrays_pdf(), CorruptDocument, "damaged"),
        ("loop.pdf", looping_page_tree_pdf(), CorruptDocument, "cyclic"),
        ("bomb.docx", word_zip_bomb(), DocumentTooLarge, "ZIP bomb"),
        ("xxe.docx", word_with_external_entity(), CorruptDocument, "entities"),
        ("mixed.txt", "Réglages\n".encode() * 50 + b"caf\xe9\n", UnsupportedDocument,
         "save it as UTF-8"),
        ("overlong.md", b"# Reset\n\nOpen \xc0\xaf and \xed\xa0\x80 now.\n",
         UnsupportedDocument, "bytes UTF-8 does not allow"),
        ("void.txt", b"", EmptyDocument, "empty"),
    ],
    ids=["encrypted", "bomb", "scanned", "damaged", "image", "office", "long", "huge", "empty",
         "no pages", "5,000 pages", "nested 100,000 deep", "page tree loop", "docx zip bomb",
         "docx external entity", "utf-8 mixed with windows-1252", "overlong utf-8",
         "no bytes"],
)
async def test_a_hostile_or_unusable_file_is_refused_with_its_reason_and_stores_nothing(
    engine: AsyncEngine,
    uow: SqlUnitOfWork,
    indexer: DocumentIndexer,
    filename: str,
    data: bytes,
    rejection: type[DocumentRejected],
    reason: str,
) -> None:
    with pytest.raises(rejection) as refused:
        await add_help_document(uow=uow, indexer=indexer, upload=Upload(filename, data))

    assert str(refused.value).startswith(f"{filename}: ")
    assert reason in str(refused.value)
    assert await _nothing_stored(engine)


async def test_a_document_whose_chunks_cannot_be_written_leaves_no_row_behind(
    engine: AsyncEngine, uow: SqlUnitOfWork
) -> None:
    document = NewHelpDocument(
        title="Doomed", filename="doomed.txt", content="text", file_data="dGV4dA==",
        uploaded_by=None, category=None, tags=(),
    )
    clashing = DocumentIndex(
        fingerprint="f", status=IndexStatus.INDEXED, title="Doomed",
        chunks=(IndexedChunk(0, None, None, "one"), IndexedChunk(0, None, None, "same ordinal")),
    )

    with pytest.raises(Exception, match="(?i)unique"):
        async with uow:
            await uow.library.add_document(document, clashing, now=utcnow())
            await uow.commit()

    assert await _nothing_stored(engine)


async def test_a_batch_adds_the_usable_files_and_reports_the_refused_ones(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    uploads = [
        Upload("one.md", b"# VPN\nConnect with AnyConnect."),
        Upload("bad.pdf", garbage_pdf()),
        Upload("two.pdf", text_pdf(["Printers are on every floor.", "Toner is ordered monthly."])),
    ]

    results = [
        result
        async for result in add_help_documents(
            uow=uow, indexer=indexer, uploads=uploads, category="IT", tags=["a", " a ", "b"]
        )
    ]

    assert [(r.filename, r.added is not None) for r in results] == [
        ("one.md", True), ("bad.pdf", False), ("two.pdf", True)
    ]
    assert isinstance(results[1].rejection, CorruptDocument)
    assert results[2].added is not None and results[2].added.page_count == 2
    rows = await _rows(engine, select(help_documents.c.filename, help_documents.c.tags,
                                      help_documents.c.category))
    assert sorted((row["filename"], tuple(row["tags"]), row["category"]) for row in rows) == [
        ("one.md", ("a", "b"), "IT"), ("two.pdf", ("a", "b"), "IT")
    ]


async def test_removing_a_document_deletes_it_with_its_chunks_and_nothing_else(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    filenames = await ingest_fixtures(uow=uow, indexer=indexer)
    gone = next(iter(filenames))
    before = await _count(engine, help_document_chunks)

    await remove_help_document(uow=uow, document_id=gone)

    c = help_document_chunks.c
    assert await _rows(engine, select(c.id).where(c.document_id == gone)) == []
    assert await _count(engine, help_documents) == len(filenames) - 1
    assert 0 < await _count(engine, help_document_chunks) < before
    async with uow.reading() as reading:
        assert gone not in {state.ref.document_id for state in await reading.library.index_states()}
    with pytest.raises(HelpDocumentNotFound, match=f"help document {gone} not found"):
        await remove_help_document(uow=uow, document_id=gone)
