"""Chat turns while a large help document is indexed: latency p50/p95 idle and during.

    python -m bench.ingest_turns [--turns 40] [--copies 3] [--backend sqlite|postgresql]

The whole service (`create_app`) is served on loopback, with the Teams Bot Connector
stand-in; users ask "show my tickets" in their personal chats, one turn after another
(rotating over 40 chats, so that the bot's own pacing of sends to one chat, 8 per 2 s,
does not enter the figures), and each turn's time (the HTTP request to /api/messages, answer included) is recorded:
- idle: no indexing;
- ingest: while the service indexes a help document the web app just wrote (the
  evaluation manuals' text `--copies` times over, about 440,000 characters a copy),
  as start-up indexing does (`Knowledge.index_unindexed`): chunking and analysis in a
  reader process of the PDF sandbox;
- ingest, in a thread: the same with chunking and analysis in a worker thread of the
  service's process, which shares the GIL with the event loop;
- ingest, on the loop: the same on the event loop itself, as it was at first.
Every phase runs in the same process and on the same database, one after the other.
The driver shares the server's process, so its own work is in the figures too.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import itertools
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

import aiohttp
from sqlalchemy import delete

from bench.scratch import ADMIN_URL, scratch_database
from db.engine import create_engine
from db.migrate import upgrade
from db.tables import help_document_chunks, help_documents, help_indexed_sources
from knowledge.extraction import ExtractedDocument
from knowledge.indexing import DocumentIndexer
from knowledge.ports import IndexedChunk
from tests.e2e.service import WEB_URL, Service
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import BOT
from tests.integration.builders import insert_user
from tests.loopback import serving
from ticketflow.app import KNOWLEDGE, create_app
from ticketflow.settings import Settings

PEOPLE = 40  # turns rotate over their personal chats: Teams' per-chat send pacing stays out
MANUALS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "manuals"


class OnLoopIndexer(DocumentIndexer):
    """The indexer as it was: chunking and analysis in the event loop's own thread."""

    async def chunked(
        self, document: ExtractedDocument, *, title: str
    ) -> tuple[IndexedChunk, ...]:
        return self.chunks(document, title=title)


class ThreadIndexer(DocumentIndexer):
    """Chunking and analysis in a worker thread of the service's process (sharing its GIL)."""

    async def chunked(
        self, document: ExtractedDocument, *, title: str
    ) -> tuple[IndexedChunk, ...]:
        return await asyncio.to_thread(self.chunks, document, title=title)


@dataclass(frozen=True, slots=True)
class Phase:
    label: str
    latencies: list[float]
    ingest_seconds: float | None = None

    def line(self) -> str:
        ms = sorted(value * 1000 for value in self.latencies)
        p50 = statistics.median(ms)
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        ingest = "" if self.ingest_seconds is None else f"{self.ingest_seconds:.1f} s"
        return f"| {self.label} | {len(ms)} | {p50:.0f} | {p95:.0f} | {max(ms):.0f} | {ingest} |"


def manual_text(copies: int) -> str:
    texts = [path.read_text(encoding="utf-8") for path in sorted(MANUALS.glob("*.txt"))]
    return "\n\n".join(texts * copies)


async def timed_turns(turn: Callable[[], Awaitable[object]], *, count: int) -> list[float]:
    latencies = []
    for _ in range(count):
        started = time.perf_counter()
        await turn()
        latencies.append(time.perf_counter() - started)
    return latencies


async def turns_during(
    turn: Callable[[], Awaitable[object]], work: Awaitable[object]
) -> tuple[list[float], float]:
    """Turns one after another for as long as `work` runs; and how long it ran."""
    started = time.perf_counter()
    task = asyncio.ensure_future(work)
    latencies: list[float] = []
    while not task.done():
        latencies += await timed_turns(turn, count=1)
    await task
    return latencies, time.perf_counter() - started


async def run(database_url: str, *, turns: int, copies: int) -> list[Phase]:
    await upgrade(database_url)
    engine = create_engine(database_url)
    manual = manual_text(copies)
    emails = [f"user{n}@example.com" for n in range(PEOPLE)]
    for email in emails:
        await insert_user(engine, role="user", email=email)

    async def web_app_adds_the_manual() -> None:
        async with engine.begin() as connection:
            for table in (help_document_chunks, help_indexed_sources, help_documents):
                await connection.execute(delete(table))
            await connection.execute(help_documents.insert().values(
                title="Manuals", filename="manuals.txt", content=manual,
                file_data=base64.b64encode(manual.encode()).decode(),
            ))

    phases = []
    try:
        async with ConnectorStandIn() as connector:
            teams = TeamsActivities(service_url=connector.service_url, bot=BOT)
            app = await create_app(Settings(database_url=database_url, web_url=WEB_URL))
            knowledge = app[KNOWLEDGE]
            async with serving(app) as base_url, aiohttp.ClientSession() as session:
                service = Service(base_url, session, connector, teams)
                people = itertools.cycle(
                    [service.person(email, f"User {n}") for n, email in enumerate(emails)]
                )

                async def turn() -> object:
                    return await service.say("show my tickets", user=next(people))

                await timed_turns(turn, count=5)  # warm-up: caches, connections
                phases.append(Phase("idle", await timed_turns(turn, count=turns)))
                service_indexer = knowledge.indexer
                for label, indexer in (
                    ("ingest", service_indexer),
                    ("ingest, in a thread", ThreadIndexer(sandbox=knowledge.sandbox)),
                    ("ingest, on the loop", OnLoopIndexer(sandbox=knowledge.sandbox)),
                ):
                    await web_app_adds_the_manual()
                    knowledge.indexer = indexer
                    latencies, seconds = await turns_during(turn, knowledge.index_unindexed())
                    phases.append(Phase(label, latencies, seconds))
                knowledge.indexer = service_indexer
    finally:
        await engine.dispose()
    return phases


def scratch(backend: str, folder: str) -> AbstractAsyncContextManager[str]:
    if backend == "postgresql":
        return scratch_database(ADMIN_URL, prefix="tfknow_turns")
    return nullcontext(f"sqlite+aiosqlite:///{folder}/turns.db")


async def main_async(*, turns: int, copies: int, backend: str) -> None:
    with tempfile.TemporaryDirectory(prefix="tfknow_turns_") as folder:
        async with scratch(backend, folder) as url:
            phases = await run(url, turns=turns, copies=copies)
    characters = len(manual_text(copies))
    print(f"{backend}: one help document of {characters:,} characters indexed during the turns")
    print("| phase | turns | p50 ms | p95 ms | max ms | indexing took |")
    print("|---|---|---|---|---|---|")
    for phase in phases:
        print(phase.line())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--turns", type=int, default=40)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    arguments = parser.parse_args()
    asyncio.run(main_async(turns=arguments.turns, copies=arguments.copies,
                           backend=arguments.backend))


if __name__ == "__main__":
    main()
