"""`docs add` of one file into a library that already holds many documents.

    python -m bench.docs_add_at_scale [--stored 1000] [--size 200000] [--backend sqlite,postgresql]

Seeds `--stored` help documents whose files are `--size` bytes each (written straight
into `help_documents`, as the web app or earlier runs would have), then times
`add_help_document` of one small new file, then of a byte-identical copy of a stored
document (refused as already held), each the fastest of three. Whether an upload is held
already used to be decided by comparing it with every stored file's bytes; with
`bot_help_file_digests` it is one indexed lookup of its sha256. The first add after the
seeding also hashes the seeded rows (they have no digest yet): shown apart, once.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import os
import tempfile
import time
from collections.abc import Awaitable, Callable

from sqlalchemy import insert

from bench.scratch import ADMIN_URL, scratch_database
from db.engine import create_engine
from db.migrate import upgrade
from db.tables import help_documents
from db.uow import SqlUnitOfWork
from knowledge.extraction import PdfSandbox
from knowledge.indexing import DocumentIndexer
from knowledge.ingestion import DocumentExists, OnExisting, Upload, add_help_document
from domain.clock import utcnow


async def _seed(url: str, stored: int, size: int) -> bytes:
    engine = create_engine(url)
    now = utcnow()
    first = b""
    try:
        async with engine.begin() as connection:
            for start in range(0, stored, 100):
                rows = []
                for number in range(start, min(stored, start + 100)):
                    data = os.urandom(size)
                    first = first or data
                    rows.append({"title": f"Stored {number}", "filename": f"stored-{number}.pdf",
                                 "content": f"stored document {number}",
                                 "file_data": base64.b64encode(data).decode("ascii"),
                                 "created_at": now, "updated_at": now})
                await connection.execute(insert(help_documents), rows)
    finally:
        await engine.dispose()
    return first


async def _fastest(run: Callable[[int], Awaitable[None]], times: int = 3) -> float:
    best = float("inf")
    for attempt in range(times):
        started = time.perf_counter()
        await run(attempt)
        best = min(best, time.perf_counter() - started)
    return best


async def _measure(url: str, *, stored: int, size: int) -> None:
    await upgrade(url)
    held = await _seed(url, stored, size)
    engine = create_engine(url)
    try:
        with PdfSandbox(workers=1) as sandbox:
            uow = SqlUnitOfWork(engine)
            indexer = DocumentIndexer(sandbox=sandbox)

            async def add(attempt: int) -> None:
                text = f"# New page {attempt}\n\nHow to reset the VPN token, take {attempt}.\n"
                await add_help_document(uow=uow, indexer=indexer, upload=Upload(
                    f"new-{attempt}-{time.perf_counter_ns()}.md", text.encode()))

            async def add_held(_: int) -> None:
                try:
                    await add_help_document(uow=uow, indexer=indexer,
                                            upload=Upload("copy.pdf", held))
                except DocumentExists:
                    return
                raise AssertionError("a stored file was stored again")

            started = time.perf_counter()
            await add(99)
            print(f"  first add after seeding   {time.perf_counter() - started:8.3f} s")
            print(f"  add a new file            {await _fastest(add):8.3f} s")
            print(f"  add a file held already   {await _fastest(add_held):8.3f} s")
    finally:
        await engine.dispose()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, default=1000)
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--backend", default="sqlite,postgresql")
    arguments = parser.parse_args()
    backends = arguments.backend.split(",")
    shape = f"{arguments.stored} stored files of {arguments.size:,} bytes"
    if "sqlite" in backends:
        with tempfile.TemporaryDirectory() as folder:
            print(f"SQLite, {shape}:")
            await _measure(f"sqlite+aiosqlite:///{folder}/docs.db", stored=arguments.stored,
                           size=arguments.size)
    if "postgresql" in backends:
        async with scratch_database(ADMIN_URL, prefix="tfdocs_bench") as url:
            print(f"PostgreSQL, {shape}:")
            await _measure(url, stored=arguments.stored, size=arguments.size)


if __name__ == "__main__":
    asyncio.run(main())
