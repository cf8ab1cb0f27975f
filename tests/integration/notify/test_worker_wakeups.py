"""A delivery worker that polls once an hour still delivers at once: committed rows wake it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import create_engine
from domain.services.tickets import comment_on_ticket, create_ticket
from notify.worker import WorkerConfig
from tests.actors import as_actor
from tests.integration.notify.conftest import (
    LOOPBACK,
    Clock,
    Receiver,
    UnitOfWorkFactory,
    admin_subscribed,
)
from tests.integration.notify.test_webhook_delivery import WorkerFactory, make_worker
from db.uow import SqlUnitOfWork
from ticketflow.runtime import outbox_sink

__all__ = ["make_worker"]  # the fixture, shared with the webhook delivery tests

ASLEEP = WorkerConfig(poll_interval=3600, lease=3 * 3600)
"""A worker that would not look at the outbox again for an hour unless woken."""


async def until_true(condition: Callable[[], bool], *, timeout: float = 30.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


async def _running(worker_factory: WorkerFactory, stop: asyncio.Event) -> asyncio.Task[None]:
    worker = worker_factory(config=ASLEEP)
    return asyncio.create_task(worker.run_forever(stop))


async def test_a_change_committed_in_the_workers_process_is_delivered_without_waiting_for_a_poll(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    make_worker: WorkerFactory,
) -> None:
    _, customer = await admin_subscribed(engine, url=receiver.url("/ok"))
    stop = asyncio.Event()
    running = await _running(make_worker, stop)
    try:
        for n in range(1, 4):
            ticket = await create_ticket(
                uow=uow_factory(), actor=as_actor(customer), title=f"Printer {n}", category="bug"
            )
            await until_true(lambda: len(receiver.received) == 2 * n - 1)
            await comment_on_ticket(
                uow=uow_factory(), actor=as_actor(customer), ticket=ticket.id, content=f"again {n}"
            )
            await until_true(lambda: len(receiver.received) == 2 * n)
    finally:
        stop.set()
        await running


@pytest.mark.postgres_only
async def test_a_change_committed_by_another_process_wakes_the_worker_through_notify(
    engine: AsyncEngine, database_url: str, clock: Clock, receiver: Receiver,
    make_worker: WorkerFactory,
) -> None:
    _, customer = await admin_subscribed(engine, url=receiver.url("/ok"))
    elsewhere = create_engine(database_url)  # its commits ring no bell in this process
    stop = asyncio.Event()
    running = await _running(make_worker, stop)
    try:
        for n in range(1, 3):
            await create_ticket(
                uow=SqlUnitOfWork(elsewhere, event_sink=outbox_sink(LOOPBACK, clock=clock)),
                actor=as_actor(customer), title=f"Scanner {n}", category="bug",
            )
            await until_true(lambda: len(receiver.received) == n)
    finally:
        stop.set()
        await running
        await elsewhere.dispose()

