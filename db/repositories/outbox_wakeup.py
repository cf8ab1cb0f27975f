"""Waking delivery workers as soon as outbox rows are committed, instead of at their next poll.

Every transaction that writes claimable outbox rows marks its connection. Two
signals follow from that mark:

- in the same process, a commit of a marked connection sets the event of every
  worker listening on that engine (the writer may be a unit of work, change
  capture, the reminder loop or the worker promoting a lane's next row);
- on PostgreSQL the transaction also sends `NOTIFY ticketflow_outbox`, which the
  database delivers at commit to workers in other processes (`serve` replicas,
  `ticketflow worker`).

The in-process signal is set just before the database commits. That is safe:
on SQLite a worker's claim begins with `BEGIN IMMEDIATE`, which waits for the
writer's commit; on PostgreSQL a claim that ran too early finds nothing, and
the `NOTIFY` sent at commit wakes the worker again. A missed signal only costs
one poll interval: polling stays as the fallback.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

OUTBOX_CHANNEL = "ticketflow_outbox"
_WRITTEN = "ticketflow_outbox_written"


async def mark_outbox_written(connection: AsyncConnection) -> None:
    """Say, in the writer's transaction, that it leaves rows for a worker to claim."""
    connection.info[_WRITTEN] = connection.sync_connection.get_transaction()
    if connection.dialect.name == "postgresql":
        # Identical notifications of one transaction reach listeners once, at commit.
        await connection.execute(text(f"SELECT pg_notify('{OUTBOX_CHANNEL}', '')"))


@asynccontextmanager
async def outbox_wakeups(engine: AsyncEngine) -> AsyncIterator[asyncio.Event]:
    """An event set whenever outbox rows were committed, here or (PostgreSQL) anywhere."""
    woken = asyncio.Event()
    loop = asyncio.get_running_loop()

    def on_commit(connection: Connection) -> None:
        # The mark is the transaction that wrote; one left from an earlier transaction
        # on this pooled connection is not this one.
        written = connection.info.get(_WRITTEN)
        if written is not None and written is connection.get_transaction():
            loop.call_soon_threadsafe(woken.set)

    # Only a "commit" listener: it never awaits, so adding or removing one cannot
    # happen while SQLAlchemy iterates them ("begin" listeners run BEGIN IMMEDIATE).
    sync_engine = engine.sync_engine
    async with AsyncExitStack() as stack:
        event.listen(sync_engine, "commit", on_commit)
        stack.callback(event.remove, sync_engine, "commit", on_commit)
        if engine.dialect.name == "postgresql":
            await stack.enter_async_context(_notifications(engine, woken))
        yield woken


@asynccontextmanager
async def _notifications(engine: AsyncEngine, woken: asyncio.Event) -> AsyncIterator[None]:
    def on_notify(*_: object) -> None:
        woken.set()

    async with engine.connect() as connection:
        driver: Any = (await connection.get_raw_connection()).driver_connection
        await driver.add_listener(OUTBOX_CHANNEL, on_notify)
        try:
            yield
        finally:
            if not driver.is_closed():
                await driver.remove_listener(OUTBOX_CHANNEL, on_notify)
