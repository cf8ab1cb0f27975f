"""Deliveries per second from the outbox to a local webhook receiver, on PostgreSQL.

Seeds a fresh database (named `tfnotify_bench_…`, dropped afterwards) with
tickets and one webhook subscription, writes the outbox rows (4 events per
ticket: created, assigned, status changed, commented — so per-ticket ordering is
exercised), then runs real `ticketflow worker` processes against it:

- 1 worker, then 2 workers;
- 2 workers where one is SIGKILLed halfway; its leases run out and the other
  worker delivers its rows again.

Each run prints delivered (distinct delivery ids the receiver saw), lost (rows
whose delivery id never arrived: must be 0), duplicates (requests beyond the
first per delivery id) and throughput (distinct deliveries per second, from the
first request received to the last). Run from the repository root:

    python -m bench.outbox [--events 20000] [--admin-url postgresql+asyncpg://postgres@127.0.0.1/postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from functools import partial

from aiohttp import web
from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.scratch import WorkerStage, add_admin_url, start_worker, worker_stage
from db.repositories.outbox import add_deliveries
from db.repositories.outbox_lanes import promote_next
from db.tables import notification_outbox, tasks, teams_integration_settings, users
from domain.clock import utcnow
from domain.events import EventType
from domain.notifications import Target
from notify.deliveries import DeliveryStatus, NewDelivery
from notify.webhook import DELIVERY_ID_HEADER

EVENTS_PER_TICKET = (
    EventType.CREATED,
    EventType.ASSIGNED,
    EventType.STATUS_CHANGED,
    EventType.COMMENTED,
)
LEASE_SECONDS = 10
WORKER_OPTIONS = (
    "--lease", str(LEASE_SECONDS), "--poll", "0.05", "--concurrency", "64", "--batch", "100",
)


@dataclass
class Receiver:
    seen: Counter[str] = field(default_factory=Counter)
    first: float | None = None
    last: float = 0.0

    async def take(self, request: web.Request) -> web.Response:
        now = time.perf_counter()
        self.first = self.first or now
        self.last = now
        self.seen[request.headers.get(DELIVERY_ID_HEADER, "")] += 1
        await request.read()
        return web.Response(status=202)

    def reset(self) -> None:
        self.seen.clear()
        self.first, self.last = None, 0.0


@dataclass(frozen=True)
class Result:
    name: str
    rows: int
    delivered: int
    lost: int
    duplicates: int
    seconds: float

    def line(self) -> str:
        rate = self.delivered / self.seconds if self.seconds else 0.0
        return (
            f"{self.name:<28} delivered {self.delivered:>6}  lost {self.lost:>3}  "
            f"duplicates {self.duplicates:>4}  {self.seconds:6.2f} s  {rate:7.0f} deliveries/s"
        )


async def seed(engine: AsyncEngine, *, events: int, url: str) -> int:
    tickets = events // len(EVENTS_PER_TICKET)
    now = utcnow()
    admin, customer, agent = (str(uuid.uuid4()) for _ in range(3))
    async with engine.begin() as connection:
        await connection.execute(
            insert(users),
            [
                {"id": admin, "email": "admin@bench.test", "role": "admin", "first_name": "Ada"},
                {
                    "id": customer,
                    "email": "carla@bench.test",
                    "role": "customer",
                    "first_name": "Carla",
                },
                {"id": agent, "email": "arun@bench.test", "role": "user", "first_name": "Arun"},
            ],
        )
        await connection.execute(
            insert(teams_integration_settings).values(
                user_id=admin,
                enabled=True,
                webhook_url=url,
                notification_types=[t.value for t in EventType],
            )
        )
        ids = (
            (
                await connection.execute(
                    insert(tasks).returning(tasks.c.id),
                    [
                        {
                            "ticket_number": f"TKT-2026-{n:05d}",
                            "title": f"Bench ticket {n}",
                            "category": "bug",
                            "created_by": customer,
                            "assignee_type": "user",
                            "assignee_id": agent,
                            "status": "in_progress",
                            "created_at": now,
                            "updated_at": now,
                        }
                        for n in range(tickets)
                    ],
                )
            )
            .scalars()
            .all()
        )
        deliveries = [
            NewDelivery(
                str(uuid.uuid4()),
                event.value,
                ticket_id,
                Target.webhook(url),
                {
                    "ticket_number": f"TKT-2026-{ticket_id:05d}",
                    "actor_id": agent,
                    "occurred_at": now.isoformat(),
                    "reason": "subscription",
                    "on_behalf_of": admin,
                    "changes": [["status", "open", "in_progress"]]
                    if event is EventType.STATUS_CHANGED
                    else [],
                    "comment_excerpt": "Rebooted the router."
                    if event is EventType.COMMENTED
                    else None,
                },
            )
            for ticket_id in ids
            for event in EVENTS_PER_TICKET
        ]
        for start in range(0, len(deliveries), 2000):
            await add_deliveries(connection, deliveries[start : start + 2000], now=now)
    return len(ids) * len(EVENTS_PER_TICKET)


async def requeue(engine: AsyncEngine) -> None:
    """Every row undelivered again, each lane's first row claimable and the rest waiting."""
    async with engine.begin() as connection:
        await connection.execute(
            update(notification_outbox).values(
                status=DeliveryStatus.WAITING.value,
                attempts=0,
                next_attempt_at=utcnow(),
                lease_owner=None,
                lease_until=None,
                delivered_at=None,
                last_error=None,
            )
        )
        tickets = (
            (await connection.execute(select(notification_outbox.c.ticket_id).distinct()))
            .scalars()
            .all()
        )
        await promote_next(connection, tickets, now=utcnow())
    async with engine.connect() as connection:
        # Each run starts clean of the last one's dead rows, as autovacuum would leave it.
        autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
        await autocommit.exec_driver_sql("VACUUM ANALYZE notification_outbox")


async def leased_by(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(notification_outbox.c.lease_owner, func.count())
            .where(notification_outbox.c.status == DeliveryStatus.LEASED.value)
            .group_by(notification_outbox.c.lease_owner)
            .order_by(func.count().desc())
        )
        return [owner for owner, _ in rows.all()]


async def undelivered(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int(
            (
                await connection.execute(
                    select(func.count()).where(
                        notification_outbox.c.status != DeliveryStatus.DELIVERED.value
                    )
                )
            ).scalar_one()
        )


async def all_delivery_ids(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        return set((await connection.execute(select(notification_outbox.c.delivery_id))).scalars())


async def run(
    name: str,
    *,
    engine: AsyncEngine,
    database_url: str,
    receiver: Receiver,
    rows: int,
    workers: int,
    kill_at: float | None,
    workdir: str,
) -> Result:
    await requeue(engine)
    receiver.reset()
    processes = [await start_worker(database_url, workdir, *WORKER_OPTIONS) for _ in range(workers)]
    try:
        if kill_at is not None:
            while len(receiver.seen) < rows * kill_at:
                await asyncio.sleep(0.01)
            owners = await leased_by(engine)
            pid = int(owners[0].split(":")[-2]) if owners else processes[0].pid
            victim = next(p for p in processes if p.pid == pid)
            victim.send_signal(signal.SIGKILL)
            await victim.wait()
        while await undelivered(engine):
            await asyncio.sleep(0.1)
    finally:
        for process in processes:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
        await asyncio.gather(*(process.wait() for process in processes))
    expected = await all_delivery_ids(engine)
    seen = receiver.seen
    return Result(
        name=name,
        rows=rows,
        delivered=len(expected & set(seen)),
        lost=len(expected - set(seen)),
        duplicates=sum(seen.values()) - len(seen),
        seconds=receiver.last - (receiver.first or receiver.last),
    )


async def main(args: argparse.Namespace) -> None:
    receiver = Receiver()
    async with worker_stage(args.admin_url, prefix="tfnotify_bench", take=receiver.take) as stage:
        await measure_all(args, stage, receiver)


async def measure_all(args: argparse.Namespace, stage: WorkerStage, receiver: Receiver) -> None:
    rows = await seed(stage.engine, events=args.events, url=stage.webhook_url)
    print(
        f"{rows} outbox rows ({rows // len(EVENTS_PER_TICKET)} tickets x "
        f"{len(EVENTS_PER_TICKET)} events) to one webhook; lease {LEASE_SECONDS} s; "
        f"{os.cpu_count()} CPUs shared by PostgreSQL, the workers and the receiver"
    )
    with tempfile.TemporaryDirectory() as workdir:
        measure = partial(
            run,
            engine=stage.engine,
            database_url=stage.database_url,
            receiver=receiver,
            rows=rows,
            workdir=workdir,
        )
        for name, workers, kill_at in [
            ("1 worker", 1, None),
            ("2 workers", 2, None),
            ("2 workers, one SIGKILLed", 2, 0.5),
        ]:
            result = await measure(name, workers=workers, kill_at=kill_at)
            print(result.line(), flush=True)


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=20_000)
    add_admin_url(parser)
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse()))
