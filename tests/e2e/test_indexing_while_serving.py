"""A help document being indexed does not stall the service: chat turns and health checks are
answered while its chunking runs, and what is indexed appears only once it is whole.

The chunking is held as it is handed to a reader process (a latch, not a clock): if that
hand-over ran on the event loop, holding it would hold every request, and the turn below
could not be answered until the latch gave up.
"""

from __future__ import annotations

import asyncio
import base64
import threading
from typing import Any

import aiohttp
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import help_document_chunks, help_documents, help_indexed_sources
from knowledge.extraction import ExtractionLimits, PdfSandbox
from knowledge.indexing import DocumentIndexer
from tests.e2e.service import WEB_URL, Service
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import BOT
from tests.integration.builders import insert_user
from tests.loopback import serving
from tests.waiting import eventually
from ticketflow.app import KNOWLEDGE, create_app
from ticketflow.settings import Settings

LATCH_SECONDS = 60.0  # only reached when the test fails: the loop was held by the indexer


class HeldSandbox(PdfSandbox):
    """The service's reader processes, but a job other than reading a PDF (chunking a
    document) starts only once the test lets it: `chunking` is set when it has been
    asked for, on whichever thread asked, and it waits for `release` there."""

    def __init__(self) -> None:
        super().__init__(workers=1)
        self.chunking = threading.Event()
        self.release = threading.Event()
        self.on_loop: bool | None = None

    def run_job(self, payload: bytes, *, job: str, filename: str, limits: ExtractionLimits
                ) -> dict[str, Any]:
        self.on_loop = _running_loop_here()
        self.chunking.set()
        if not self.release.wait(LATCH_SECONDS):
            raise TimeoutError("the indexer was never released: the event loop was held")
        return super().run_job(payload, job=job, filename=filename, limits=limits)


def _running_loop_here() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


async def _chunk_count(engine: AsyncEngine) -> tuple[int, int]:
    async with engine.connect() as connection:
        chunks = await connection.scalar(select(func.count()).select_from(help_document_chunks))
        states = await connection.scalar(select(func.count()).select_from(help_indexed_sources))
    return int(chunks or 0), int(states or 0)


async def test_turns_and_health_checks_are_answered_while_a_document_is_chunked(
    engine: AsyncEngine, database_url: str
) -> None:
    manual = "\n\n".join(
        f"Section {n}\nTo reset printer {n}, hold the power button for ten seconds." for n in
        range(2_000)
    )
    async with engine.begin() as connection:
        await connection.execute(help_documents.insert().values(
            title="Printer manual", filename="printers.txt", content=manual,
            file_data=base64.b64encode(manual.encode()).decode(),
        ))
    await insert_user(engine, role="user", email="ada@example.com")
    async with ConnectorStandIn() as connector:
        teams = TeamsActivities(service_url=connector.service_url, bot=BOT)
        app = await create_app(Settings(database_url=database_url, web_url=WEB_URL))
        knowledge = app[KNOWLEDGE]
        knowledge.sandbox.close()  # never started: its readers start on first use
        held = knowledge.sandbox = HeldSandbox()
        knowledge.indexer = DocumentIndexer(sandbox=held)
        async with serving(app) as base_url, aiohttp.ClientSession() as session:
            service = Service(base_url, session, connector, teams)
            ada = service.person("ada@example.com", "Ada Lovelace")
            assert await asyncio.to_thread(held.chunking.wait, LATCH_SECONDS)

            async with session.get(f"{base_url}/healthz") as health:
                assert health.status == 200
            turn = await service.say("show my tickets", user=ada)
            half_way = await _chunk_count(engine)
            held.release.set()

            async def indexed() -> bool:
                return (await _chunk_count(engine))[1] == 1

            await eventually(indexed, what="the manual indexed", seconds=LATCH_SECONDS)

    assert held.on_loop is False
    assert turn.answer.status == 200 and turn.cards  # her (empty) list of tickets
    assert half_way == (0, 0)  # nothing of the document was searchable before it was whole
    chunks, _ = await _chunk_count(engine)
    assert chunks > 50
