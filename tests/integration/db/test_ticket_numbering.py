"""Ticket numbers stay unique and gap-free when several OS processes create at once."""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from domain.clock import utcnow
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import create_engine
from db.tables import tasks
from db.uow import SqlUnitOfWork
from domain.services.company import update_company_settings
from domain.services.tickets import create_ticket
from tests.integration.builders import insert_ticket, insert_user
from tests.actors import as_actor

PROCESSES = 3
PER_PROCESS = 40
WEB_APP_TICKETS = 7


def _create_many(url: str, actor: str, count: int, start: Event, results: Queue) -> None:
    results.put(asyncio.run(_create(url, actor, count, start)))


async def _create(url: str, actor: str, count: int, start: Event) -> tuple[list[str], float]:
    engine = create_engine(url)
    try:
        start.wait()
        began = time.perf_counter()
        numbers = []
        for index in range(count):
            ticket = await create_ticket(
                uow=SqlUnitOfWork(engine), actor=as_actor(actor), title=f"Load {index}",
                category="support",
            )
            numbers.append(ticket.ticket_number)
        return numbers, time.perf_counter() - began
    finally:
        await engine.dispose()


async def test_concurrent_creations_from_several_processes_get_unique_gapless_numbers(
    engine: AsyncEngine, database_url: str
) -> None:
    actor = await insert_user(engine, role="user")
    year = utcnow().year
    for sequence in range(1, WEB_APP_TICKETS + 1):  # the web app got there first
        await insert_ticket(engine, created_by=actor, number=f"TKT-{year}-{sequence:04d}")

    context = multiprocessing.get_context("spawn")
    start, queue = context.Event(), context.Queue()
    workers = [
        context.Process(target=_create_many, args=(database_url, actor, PER_PROCESS, start, queue))
        for _ in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    began = time.perf_counter()
    start.set()
    results = [await asyncio.to_thread(queue.get, True, 120) for _ in workers]
    elapsed = time.perf_counter() - began
    for worker in workers:
        await asyncio.to_thread(worker.join, 30)
        assert worker.exitcode == 0

    created = [number for numbers, _ in results for number in numbers]
    async with engine.connect() as connection:
        stored = list((await connection.execute(select(tasks.c.ticket_number))).scalars())
    sequences = sorted(int(number.rsplit("-", 1)[1]) for number in stored)
    total = WEB_APP_TICKETS + PROCESSES * PER_PROCESS
    assert len(created) == len(set(created)) == PROCESSES * PER_PROCESS
    assert sequences == list(range(1, total + 1)), "numbers must be unique and without gaps"
    print(f"\n{len(created)} creations from {PROCESSES} processes in {elapsed:.2f}s "
          f"({len(created) / elapsed:.0f}/s), duplicates: 0, gaps: 0")


async def test_numbers_grow_past_9999_and_follow_the_company_prefix(engine: AsyncEngine) -> None:
    admin = await insert_user(engine, role="admin")
    year = utcnow().year
    await insert_ticket(engine, created_by=admin, number=f"TKT-{year}-9999")
    await insert_ticket(engine, created_by=admin, number=f"TKT-{year}-0042x")  # not ours to parse
    first = await create_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(admin), title="A",
                                category="bug")
    assert first.ticket_number == f"TKT-{year}-10000"
    second = await create_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(admin), title="B",
                                 category="bug")
    assert second.ticket_number == f"TKT-{year}-10001"

    await update_company_settings(uow=SqlUnitOfWork(engine), actor=as_actor(admin), ticket_prefix="ops")
    third = await create_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(admin), title="C",
                                category="bug")
    assert third.ticket_number == f"OPS-{year}-0001"
