"""The index follows what the web app writes: new, changed, deleted documents and published guides."""

from __future__ import annotations

import asyncio
import base64
import threading
from typing import Any

from sqlalchemy import delete, event, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import create_engine
from db.repositories.chunks import write_index
from db.uow import SqlUnitOfWork
from db.tables import help_document_chunks, help_documents, help_indexed_sources, user_guides
from domain.clock import utcnow
from knowledge.extraction import ExtractionLimits, PdfSandbox
from knowledge.indexing import DocumentIndexer
from knowledge.ingestion import Change, ReindexReport, Upload, add_help_document, reindex
from knowledge.passages import SourceKind
from knowledge.ports import DocumentIndex, SourceRef, content_digest
from knowledge.retrieval import LexicalRetriever
from tests.integration.builders import insert_user
from tests.integration.knowledge.evaluation import HELP
from tests.unit.knowledge.hostile_pdfs import garbage_pdf
from tests.waiting import eventually

VPN_PDF = (HELP / "vpn-remote-access.pdf").read_bytes()


async def _web_app_document(
    engine: AsyncEngine, *, filename: str, data: bytes | None, content: str, title: str = "Web"
) -> int:
    """A row as the web app writes it: its own extracted text, the file as base64."""
    file_data = "" if data is None else base64.b64encode(data).decode()
    async with engine.begin() as connection:
        result = await connection.execute(
            help_documents.insert()
            .values(title=title, filename=filename, content=content, file_data=file_data,
                    tags=["web"])
            .returning(help_documents.c.id)
        )
        return int(result.scalar_one())


async def _guide(engine: AsyncEngine, *, title: str, content: str, published: bool | None) -> int:
    author = await insert_user(engine, role="admin")
    values: dict[str, Any] = {"title": title, "category": "How to", "type": "html",
                              "content": content, "created_by": author}
    if published is not None:
        values["is_published"] = published
    async with engine.begin() as connection:
        result = await connection.execute(
            user_guides.insert().values(**values).returning(user_guides.c.id)
        )
        return int(result.scalar_one())


async def _pages(engine: AsyncEngine, source: SourceKind, document_id: int) -> list[int | None]:
    c = help_document_chunks.c
    query = (
        select(c.page)
        .where(c.source == source.value, c.document_id == document_id)
        .order_by(c.ordinal)
    )
    async with engine.connect() as connection:
        return list((await connection.execute(query)).scalars())


def _changes(report: ReindexReport) -> list[tuple[str, Change]]:
    return [(str(item.ref), item.change) for item in report.changes]


async def test_documents_the_web_app_inserted_are_indexed_at_start_up_with_their_pages(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer,
    retriever: LexicalRetriever,
) -> None:
    document_id = await _web_app_document(
        engine, filename="vpn-remote-access.pdf", data=VPN_PDF, content="VPN guide"
    )

    report = await reindex(uow=uow, indexer=indexer, only_unindexed=True)

    assert _changes(report) == [(f"help_document:{document_id}", Change.INDEXED)]
    assert set(await _pages(engine, SourceKind.HELP_DOCUMENT, document_id)) == {1, 2, 3, 4, 5}
    passages = await retriever.search("vpn error 809", limit=3)
    assert passages[0].document_id == document_id and passages[0].page == 5


async def test_start_up_indexing_touches_nothing_already_indexed(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    await _web_app_document(engine, filename="a.txt", data=b"Printers jam.", content="")
    await reindex(uow=uow, indexer=indexer, only_unindexed=True)

    again = await reindex(uow=uow, indexer=indexer, only_unindexed=True)

    assert again.changes == ()


async def test_a_stored_file_that_cannot_be_read_falls_back_to_the_web_apps_text(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer,
    retriever: LexicalRetriever,
) -> None:
    document_id = await _web_app_document(
        engine, filename="guide.pdf", data=garbage_pdf(),
        content="Badge readers at reception reset every night at 2am.",
    )

    report = await reindex(uow=uow, indexer=indexer)

    (change,) = report.changes
    assert change.change is Change.INDEXED
    assert change.warning is not None and "stored text instead" in change.warning
    assert await _pages(engine, SourceKind.HELP_DOCUMENT, document_id) == [None]
    (passage, *_) = await retriever.search("when do badge readers reset")
    assert passage.document_id == document_id


async def test_a_document_with_no_usable_text_is_remembered_as_rejected_not_retried_at_start(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    document_id = await _web_app_document(engine, filename="x.pdf", data=garbage_pdf(), content="")

    first = await reindex(uow=uow, indexer=indexer, only_unindexed=True)
    at_next_start = await reindex(uow=uow, indexer=indexer, only_unindexed=True)
    explicit = await reindex(uow=uow, indexer=indexer)

    assert _changes(first) == [(f"help_document:{document_id}", Change.REJECTED)]
    assert first.changes[0].warning is not None and "damaged" in first.changes[0].warning
    assert at_next_start.changes == ()
    assert _changes(explicit) == [(f"help_document:{document_id}", Change.REJECTED)]
    async with uow.reading() as reading:
        (entry,) = await reading.library.entries()
    assert entry.status is not None and entry.status.value == "rejected"
    assert entry.error is not None and "damaged" in entry.error and entry.chunk_count == 0


async def test_reindex_reads_again_only_what_the_web_app_changed(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer,
    retriever: LexicalRetriever,
) -> None:
    kept = await _web_app_document(engine, filename="k.txt", data=b"Kettles descale monthly.",
                                   content="")
    edited = await _web_app_document(engine, filename="e.txt", data=b"Old words.", content="")
    await reindex(uow=uow, indexer=indexer)
    async with engine.begin() as connection:
        await connection.execute(
            update(help_documents).where(help_documents.c.id == edited)
            .values(file_data=base64.b64encode(b"Projectors are booked at reception.").decode())
        )

    report = await reindex(uow=uow, indexer=indexer)

    assert _changes(report) == [
        (f"help_document:{kept}", Change.UNCHANGED), (f"help_document:{edited}", Change.INDEXED)
    ]
    (passage, *_) = await retriever.search("how do i book a projector")
    assert passage.document_id == edited and "Projectors" in passage.text
    assert await retriever.search("old words") == []


async def test_reindex_all_reads_every_document_again(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    document_id = await _web_app_document(engine, filename="k.txt", data=b"Kettles.", content="")
    await reindex(uow=uow, indexer=indexer)

    report = await reindex(uow=uow, indexer=indexer, force=True)

    assert _changes(report) == [(f"help_document:{document_id}", Change.INDEXED)]


async def test_a_document_the_web_app_deleted_loses_its_chunks_at_the_next_run(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer,
    retriever: LexicalRetriever,
) -> None:
    document_id = await _web_app_document(engine, filename="k.txt", data=b"Kettles descale.",
                                          content="")
    await reindex(uow=uow, indexer=indexer)
    async with engine.begin() as connection:
        await connection.execute(delete(help_documents).where(help_documents.c.id == document_id))

    report = await reindex(uow=uow, indexer=indexer, only_unindexed=True)

    assert _changes(report) == [(f"help_document:{document_id}", Change.REMOVED)]
    assert await retriever.search("kettles descale") == []
    async with engine.connect() as connection:
        assert (await connection.execute(select(help_indexed_sources))).all() == []


async def test_published_user_guides_are_indexed_and_unpublished_ones_are_not(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer,
    retriever: LexicalRetriever,
) -> None:
    published = await _guide(
        engine, title="Booking meeting rooms",
        content="<h1>Rooms</h1><p>Book rooms in Outlook with the Room Finder.</p>"
                "<script>alert('x')</script>",
        published=None,  # the column default: published
    )
    draft = await _guide(engine, title="Draft", content="<p>Room Finder secrets</p>",
                         published=False)

    report = await reindex(uow=uow, indexer=indexer, only_unindexed=True)

    assert _changes(report) == [(f"user_guide:{published}", Change.INDEXED)]
    (passage,) = await retriever.search("how do i book a meeting room", limit=5)
    assert passage.source is SourceKind.USER_GUIDE and passage.document_id == published
    assert passage.title == "Booking meeting rooms" and passage.page is None
    assert "alert" not in passage.text
    assert draft not in {p.document_id for p in await retriever.search("room finder secrets")}


async def test_unpublishing_a_guide_removes_it_from_search(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer,
    retriever: LexicalRetriever,
) -> None:
    guide = await _guide(engine, title="Coffee", content="<p>Descale the coffee machine.</p>",
                         published=True)
    await reindex(uow=uow, indexer=indexer)
    async with engine.begin() as connection:
        await connection.execute(
            update(user_guides).where(user_guides.c.id == guide).values(is_published=False)
        )

    report = await reindex(uow=uow, indexer=indexer)

    assert _changes(report) == [(f"user_guide:{guide}", Change.REMOVED)]
    assert await retriever.search("descale coffee machine") == []
    async with uow.reading() as reading:
        assert await reading.library.chunks(SourceRef(SourceKind.USER_GUIDE, guide)) == []


async def test_a_deleted_document_is_never_cited_even_before_the_next_run(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer,
    retriever: LexicalRetriever,
) -> None:
    document_id = await _web_app_document(engine, filename="k.txt", data=b"Kettles descale.",
                                          content="")
    await reindex(uow=uow, indexer=indexer)
    async with engine.begin() as connection:
        await connection.execute(delete(help_documents).where(help_documents.c.id == document_id))

    assert await retriever.search("kettles descale") == []


async def test_two_processes_indexing_the_same_document_at_once_leave_one_index(
    engine: AsyncEngine,
    database_url: str,
    backend: str,
    uow: SqlUnitOfWork,
    indexer: DocumentIndexer,
) -> None:
    """The second writer waits on the first one's chunk keys (PostgreSQL) or its write
    lock (SQLite); either way one complete index remains, whoever commits last, and the
    second writer's unit of work stays usable after the collision."""
    document_id = await _web_app_document(engine, filename="vpn.pdf", data=VPN_PDF, content="")
    async with uow.reading() as reading:
        source = await reading.library.load(SourceRef(SourceKind.HELP_DOCUMENT, document_id))
    assert source is not None
    outcome = await indexer.index_source(source)
    other_engine = create_engine(database_url)  # a second service process has its own pool
    connecting = asyncio.Event()

    def connected(*_: Any) -> None:
        connecting.set()

    event.listen(other_engine.sync_engine, "connect", connected, insert=True)
    try:
        async with engine.begin() as first:
            await write_index(first, source.ref, outcome.index, now=utcnow())
            second = asyncio.create_task(_store_index(other_engine, source.ref, outcome.index))
            await connecting.wait()  # from here on SQLite makes it wait for our write lock
            if backend == "postgresql":
                await _until_a_session_waits_for_a_lock(engine)  # on our chunk keys
        await second
    finally:
        await other_engine.dispose()

    async with uow.reading() as reading:
        assert len(await reading.library.chunks(source.ref)) == len(outcome.index.chunks) == 5
        assert [state.ref for state in await reading.library.index_states()] == [source.ref]


async def _store_index(engine: AsyncEngine, ref: SourceRef, index: DocumentIndex) -> None:
    async with SqlUnitOfWork(engine) as uow:
        await uow.library.store_index(ref, index, now=utcnow())
        await uow.commit()


async def _until_a_session_waits_for_a_lock(engine: AsyncEngine) -> None:
    """Polls the server's own view of its sessions (a fresh snapshot each transaction)."""
    query = text(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    async with engine.connect() as watcher:

        async def a_session_waits() -> bool:
            waiting = await watcher.scalar(query)
            await watcher.rollback()
            return bool(waiting)

        await eventually(a_session_waits, what="a session waiting for a lock", every=0.01)


async def _content(engine: AsyncEngine, document_id: int) -> tuple[str, Any, str | None]:
    """The document's text, its `updated_at`, and the digest of the text the service wrote."""
    d, s = help_documents.c, help_indexed_sources.c
    query = (
        select(d.content, d.updated_at, s.content_sha256)
        .outerjoin(help_indexed_sources, s.document_id == d.id)
        .where(d.id == document_id)
    )
    async with engine.connect() as connection:
        row = (await connection.execute(query)).one()
    return row.content, row.updated_at, row.content_sha256


async def _as_an_older_release_wrote_it(engine: AsyncEngine, document_id: int, text: str) -> None:
    """The text `docs add` stored before the extraction was repaired, and its digest."""
    async with engine.begin() as connection:
        await connection.execute(
            update(help_documents).where(help_documents.c.id == document_id).values(content=text)
        )
        await connection.execute(
            update(help_indexed_sources)
            .where(help_indexed_sources.c.document_id == document_id)
            .values(content_sha256=content_digest(text), fingerprint="from an older release")
        )


async def test_reindex_rewrites_the_text_the_service_stored_with_the_repaired_extraction(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    added = await add_help_document(
        uow=uow, indexer=indexer, upload=Upload("vpn-remote-access.pdf", VPN_PDF)
    )
    repaired, added_at, digest = await _content(engine, added.document_id)
    assert digest == content_digest(repaired)
    broken = repaired.replace("connection", "connec tion").replace("VPN", "V PN")
    assert broken != repaired
    await _as_an_older_release_wrote_it(engine, added.document_id, broken)

    first = await reindex(uow=uow, indexer=indexer)
    again = await reindex(uow=uow, indexer=indexer)

    assert _changes(first) == [(f"help_document:{added.document_id}", Change.INDEXED)]
    content, updated_at, digest = await _content(engine, added.document_id)
    assert content == repaired and digest == content_digest(repaired)
    assert updated_at > added_at
    assert _changes(again) == [(f"help_document:{added.document_id}", Change.UNCHANGED)]


async def test_reindex_gives_a_document_added_before_its_table_rows_whole(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    """Added before a PDF table's row was read as one line, a document holds one cell a
    line, in its text and its chunks; the next reindex reads it again with its rows."""
    setup = (HELP / "new-starter-it-setup.pdf").read_bytes()
    added = await add_help_document(
        uow=uow, indexer=indexer, upload=Upload("new-starter-it-setup.pdf", setup)
    )
    rows, _, _ = await _content(engine, added.document_id)
    row = "HR and payroll portal | Head of People"
    assert row in rows
    await _as_an_older_release_wrote_it(
        engine, added.document_id, rows.replace(" | ", "\n"))

    reindexed = await reindex(uow=uow, indexer=indexer)

    assert _changes(reindexed) == [(f"help_document:{added.document_id}", Change.INDEXED)]
    content, _, _ = await _content(engine, added.document_id)
    async with engine.connect() as connection:
        chunks = list((await connection.execute(
            select(help_document_chunks.c.text)
            .where(help_document_chunks.c.document_id == added.document_id)
        )).scalars())
    assert row in content
    assert any(row in chunk for chunk in chunks)


async def test_reindex_never_rewrites_the_text_the_web_app_stored(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    web_text = "VPN remote access, as the web app's own extractor read it."
    document_id = await _web_app_document(
        engine, filename="vpn.pdf", data=VPN_PDF, content=web_text
    )

    await reindex(uow=uow, indexer=indexer)
    await reindex(uow=uow, indexer=indexer, force=True)

    content, _, digest = await _content(engine, document_id)
    assert (content, digest) == (web_text, None)
    assert await _pages(engine, SourceKind.HELP_DOCUMENT, document_id) == [1, 2, 3, 4, 5]


async def test_a_text_the_web_app_replaced_after_docs_add_is_the_web_apps_from_then_on(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    added = await add_help_document(
        uow=uow, indexer=indexer, upload=Upload("vpn-remote-access.pdf", VPN_PDF)
    )
    edited = "Edited in the web app: connect to the VPN before opening the intranet."
    async with engine.begin() as connection:
        await connection.execute(
            update(help_documents)
            .where(help_documents.c.id == added.document_id)
            .values(content=edited)
        )

    report = await reindex(uow=uow, indexer=indexer)

    assert _changes(report) == [(f"help_document:{added.document_id}", Change.INDEXED)]
    assert (await _content(engine, added.document_id))[::2] == (edited, None)


async def test_a_text_the_web_app_writes_while_the_file_is_read_again_is_kept(
    engine: AsyncEngine, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    added = await add_help_document(
        uow=uow, indexer=indexer, upload=Upload("vpn-remote-access.pdf", VPN_PDF)
    )
    await _as_an_older_release_wrote_it(engine, added.document_id, "V PN")
    ref = SourceRef(SourceKind.HELP_DOCUMENT, added.document_id)
    async with uow.reading() as reading:
        source = await reading.library.load(ref)
    assert source is not None
    outcome = await indexer.index_source(source)
    assert outcome.index.content is not None and "VPN" in outcome.index.content
    edited = "Written in the web app while the file was being read."
    async with engine.begin() as connection:
        await connection.execute(
            update(help_documents).where(help_documents.c.id == ref.document_id)
            .values(content=edited)
        )

    async with uow:
        await uow.library.store_index(ref, outcome.index, now=utcnow(), replacing=source.content)
        await uow.commit()

    assert (await _content(engine, ref.document_id))[::2] == (edited, None)
    report = await reindex(uow=uow, indexer=indexer)
    assert _changes(report) == [(str(ref), Change.INDEXED)]  # read again: its text changed


class _StoppingSandbox(PdfSandbox):
    """Reader processes whose first chunk job waits for `release`: the moment a service
    is stopped (or killed) halfway through indexing a long document."""

    def __init__(self) -> None:
        super().__init__(workers=1)
        self.chunking = threading.Event()
        self.release = threading.Event()

    def run_job(self, payload: bytes, *, job: str, filename: str, limits: ExtractionLimits
                ) -> dict[str, Any]:
        self.chunking.set()
        self.release.wait(60)
        return super().run_job(payload, job=job, filename=filename, limits=limits)


async def test_indexing_stopped_halfway_leaves_nothing_and_the_next_start_does_it_all(
    engine: AsyncEngine, uow: SqlUnitOfWork, limits: ExtractionLimits,
    retriever: LexicalRetriever,
) -> None:
    manual = "\n\n".join(f"Printer {n}\nHold the reset button of printer {n} for ten seconds."
                         for n in range(1_500))
    document_id = await _web_app_document(
        engine, filename="printers.txt", data=manual.encode(), content=""
    )
    with _StoppingSandbox() as sandbox:
        indexer = DocumentIndexer(sandbox=sandbox, limits=limits)
        starting = asyncio.create_task(reindex(uow=uow, indexer=indexer, only_unindexed=True))
        assert await asyncio.to_thread(sandbox.chunking.wait, 60)

        starting.cancel()  # the service stops while the reader chunks the manual
        await asyncio.gather(starting, return_exceptions=True)
        sandbox.release.set()

        async with engine.connect() as connection:
            for table in (help_document_chunks, help_indexed_sources):
                assert (await connection.execute(select(table))).all() == []
        assert await retriever.search("reset printer 7") == []

        restart = await reindex(uow=uow, indexer=indexer, only_unindexed=True)

    assert _changes(restart) == [(f"help_document:{document_id}", Change.INDEXED)]
    (passage, *_) = await retriever.search("how do I reset printer 1234")
    assert passage.document_id == document_id and "printer 1234" in passage.text
