"""The documents answers draw on, with who may read each, as the database keeps them: what
"what help documents do you have?" is told from."""

from __future__ import annotations

from db.uow import SqlUnitOfWork
from domain.people import Role
from knowledge.audience import STAFF_ROLES, ShelvedDocument
from knowledge.indexing import DocumentIndexer
from knowledge.ingestion import Upload, add_help_document
from knowledge.passages import SourceKind
from knowledge.ports import SourceRef


async def test_the_indexed_documents_are_shelved_with_their_audience_and_no_others(
    uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    async def add(filename: str, text: str, audience: frozenset[Role] | None = None) -> int:
        added = await add_help_document(
            uow=uow, indexer=indexer, upload=Upload(filename, text.encode()), audience=audience)
        return added.document_id

    await add("vpn.md", "# VPN guide\n\nConnect with the blue shield icon.\n")
    await add("wlc.md", "# Controller runbook\n\nReboot WLC-01 from Maintenance.\n", STAFF_ROLES)
    dropped = await add("old.md", "# Old printers\n\nThe old printers are gone.\n")
    async with uow as work:
        await work.library.drop_index(SourceRef(SourceKind.HELP_DOCUMENT, dropped))
        await work.commit()

    async with uow.reading() as reading:
        shelved = await reading.audiences.shelved()

    assert sorted(shelved, key=lambda document: document.title) == [
        ShelvedDocument("Controller runbook", STAFF_ROLES), ShelvedDocument("VPN guide", None)]
