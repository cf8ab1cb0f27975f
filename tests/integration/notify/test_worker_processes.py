"""Two `ticketflow worker` processes on one PostgreSQL; one is SIGKILLed mid-delivery; none lost."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import notification_outbox as outbox
from notify.deliveries import DeliveryStatus
from tests.integration.builders import insert_user
from tests.integration.notify.conftest import (
    Receiver,
    UnitOfWorkFactory,
    file_a_bug,
    outbox_entries,
    subscribe,
)
from tests.integration.notify.processes import CONCURRENCY, start_worker
from tests.waiting import eventually

TICKETS = 60


async def lease_owners(engine: AsyncEngine) -> dict[str, int]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(outbox.c.lease_owner, func.count())
            .where(outbox.c.status == DeliveryStatus.LEASED.value)
            .group_by(outbox.c.lease_owner)
        )
        return {owner: count for owner, count in rows.all()}


@pytest.mark.postgres_only
async def test_a_worker_killed_mid_delivery_loses_nothing(
    engine: AsyncEngine,
    database_url: str,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    tmp_path: Path,
) -> None:
    customer = await insert_user(engine, role="customer")
    await subscribe(engine, await insert_user(engine, role="admin"), url=receiver.url("/ok"))
    for n in range(TICKETS):
        await file_a_bug(uow_factory, customer, f"#{n}")
    receiver.gate.clear()  # every request is held until the victim is dead
    workers = [await start_worker(database_url, tmp_path) for _ in range(2)]
    try:

        async def both_hold_requests() -> bool:
            owners = await lease_owners(engine)
            return len(owners) == 2 and receiver.held == 2 * CONCURRENCY

        await eventually(both_hold_requests, what="both workers holding their requests", seconds=60)
        victim_owner = sorted(await lease_owners(engine))[0]
        victim_pid = int(victim_owner.split(":")[-2])
        victim = next(w for w in workers if w.pid == victim_pid)
        victim.kill()  # SIGKILL: no cleanup, its leases stay behind
        assert await victim.wait() == -signal.SIGKILL
        receiver.gate.set()

        async def all_delivered() -> bool:
            entries = await outbox_entries(engine)
            return all(e.status is DeliveryStatus.DELIVERED for e in entries)

        await eventually(all_delivered, what="every row delivered", seconds=60)
        survivor = next(w for w in workers if w is not victim)
        survivor.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(survivor.wait(), timeout=20) == 0
    finally:
        for worker in workers:
            if worker.returncode is None:
                worker.kill()
                await worker.wait()

    entries = await outbox_entries(engine)
    seen = receiver.seen("/ok")
    assert set(seen) == {e.delivery_id for e in entries}, "nothing lost"
    assert len(entries) == TICKETS
    taken_over = [e for e in entries if e.attempts == 2]
    assert len(taken_over) == CONCURRENCY, "the victim's in-flight rows were delivered again"
    assert all(seen[e.delivery_id] == 2 for e in taken_over), "and recognisable as duplicates"
