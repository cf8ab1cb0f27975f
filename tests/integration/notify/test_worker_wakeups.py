"""A delivery worker that polls once an hour still delivers at once: committed rows wake it."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import create_engine
from db.uow import SqlUnitOfWork
from domain.services.tickets import comment_on_ticket, create_ticket
from tests.actors import as_actor
from tests.integration.notify.conftest import (
    ASLEEP,
    LOOPBACK,
    Clock,
    Receiver,
    UnitOfWorkFactory,
    WorkerFactory,
    admin_subscribed,
)
from tests.waiting import until
from ticketflow.runtime import outbox_sink


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
            await until(lambda: len(receiver.received) == 2 * n - 1, what="its post", seconds=30)
            await comment_on_ticket(
                uow=uow_factory(), actor=as_actor(customer), ticket=ticket.id, content=f"again {n}"
            )
            await until(lambda: len(receiver.received) == 2 * n, what="its comment", seconds=30)
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
            await until(lambda: len(receiver.received) == n, what=f"post {n}", seconds=30)
    finally:
        stop.set()
        await running
        await elsewhere.dispose()

