"""What the PostgreSQL benchmarks share: a scratch database, a loopback webhook receiver,
and `ticketflow worker` processes pointed at them."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from aiohttp import web
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from db.engine import create_engine
from db.migrate import upgrade

ADMIN_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"


def add_admin_url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--admin-url",
        default=ADMIN_URL,
        help="a PostgreSQL URL allowed to create and drop databases",
    )


async def administer(admin_url: str, statement: str) -> None:
    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            await connection.exec_driver_sql(statement)
    finally:
        await engine.dispose()


@asynccontextmanager
async def scratch_database(admin_url: str, *, prefix: str) -> AsyncIterator[str]:
    """A new database named `<prefix>_<random>`, dropped afterwards; yields its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    await administer(admin_url, f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        await administer(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@asynccontextmanager
async def webhook_receiver(
    take: Callable[[web.Request], Awaitable[web.Response]],
) -> AsyncIterator[str]:
    """Serves `take` for POST /bench on 127.0.0.1; yields the webhook URL."""
    app = web.Application()
    app.router.add_post("/bench", take)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}/bench"
    finally:
        await runner.cleanup()


@dataclass(frozen=True, slots=True)
class WorkerStage:
    """A migrated scratch database and the loopback webhook its worker posts to."""

    database_url: str
    engine: AsyncEngine
    webhook_url: str


@asynccontextmanager
async def worker_stage(
    admin_url: str, *, prefix: str, take: Callable[[web.Request], Awaitable[web.Response]]
) -> AsyncIterator[WorkerStage]:
    """A scratch database at the newest schema and a receiver serving `take`; both removed
    afterwards."""
    async with (
        scratch_database(admin_url, prefix=prefix) as database_url,
        webhook_receiver(take) as webhook_url,
    ):
        engine = create_engine(database_url)
        try:
            await upgrade(database_url)
            yield WorkerStage(database_url, engine, webhook_url)
        finally:
            await engine.dispose()


async def start_worker(
    database_url: str, workdir: str, *options: str
) -> asyncio.subprocess.Process:
    """A real `ticketflow worker` that may post to the loopback receiver."""
    env = {
        **os.environ,
        "TICKETFLOW_DATABASE_URL": database_url,
        "TICKETFLOW_ENV": "test",
        "TICKETFLOW_TEST_ALLOW_LOOPBACK_WEBHOOKS": "1",
        "TICKETFLOW_LOG_LEVEL": "WARNING",
    }
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "ticketflow.cli", "worker", *options,
        cwd=workdir, env=env, stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )


@asynccontextmanager
async def scratch_url(backend: str, *, prefix: str) -> AsyncIterator[str]:
    """A fresh, empty database for one run on `backend` ("sqlite" or "postgresql"), removed
    afterwards; yields its URL."""
    if backend == "postgresql":
        async with scratch_database(ADMIN_URL, prefix=prefix) as url:
            yield url
        return
    with tempfile.TemporaryDirectory(prefix=f"{prefix}_") as folder:
        yield f"sqlite+aiosqlite:///{folder}/{prefix}.db"
