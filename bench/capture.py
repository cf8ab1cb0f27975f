"""Change capture on PostgreSQL: trigger overhead on web-app writes, and commit-to-post latency.

Seeds a fresh database (named `tfcapture_bench_…`, dropped afterwards) with
tickets, then:

1. **Overhead.** Web-app writes — one transaction each: `UPDATE tasks SET status`
   plus an `INSERT INTO task_history`, as TicketFlow's server does — from
   `--writers` concurrent connections, with the capture triggers removed and
   installed, alternating in the same run. Prints writes/s both ways and the
   ratio (goal ≤ 1.3×).
2. **Latency.** One real `ticketflow worker` process; the web app adds comments
   (comment + history row in one transaction) at `--rate` per second for
   `--seconds`; a webhook receiver on 127.0.0.1 notes when each comment's
   notification arrives. Prints p50 / p95 / max from the writer's commit to the
   receiver's request (goal p95 < 2 s at 50 changes/s with one worker), and how
   many were lost: first with the worker polling only (`--poll-only`, the
   behaviour before wake-ups), then woken when outbox rows are committed, both
   at the default 1 s poll.
3. **Kill.** The same stream, with the worker SIGKILLed halfway and a new one
   started: every change must still reach the outbox exactly once.

Run from the repository root (keep it short on a shared machine):

    python -m bench.capture [--writes 2000] [--rate 50] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import signal
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field

from aiohttp import web
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.scratch import WorkerStage, add_admin_url, start_worker, worker_stage
from db.capture_triggers import install_statements, remove_statements
from db.tables import bot_ticket_changes, notification_outbox

TICKETS = 200
POLL = 1.0
"""The worker's default seconds between looks when idle."""
STATUSES = ("in_progress", "on_hold")  # tickets start open: every write changes the status
MARK = re.compile(r"bench-(\d+)")


@dataclass
class Receiver:
    arrived: dict[int, float] = field(default_factory=dict)
    requests: int = 0

    async def take(self, request: web.Request) -> web.Response:
        now = time.perf_counter()
        self.requests += 1
        found = MARK.search(json.dumps(await request.json()))
        if found:
            self.arrived.setdefault(int(found.group(1)), now)
        return web.Response(status=202)


async def seed(engine: AsyncEngine, url: str) -> tuple[str, list[int]]:
    async with engine.begin() as connection:
        for user_id, role in (("admin", "admin"), ("agent", "user"), ("customer", "customer")):
            await connection.execute(
                text("INSERT INTO users (id, email, first_name, role) VALUES (:id, :e, :n, :r)"),
                {"id": user_id, "e": f"{user_id}@example.com", "n": user_id.title(), "r": role},
            )
        await connection.execute(
            text(
                "INSERT INTO teams_integration_settings (user_id, enabled, webhook_url,"
                " notification_types) VALUES ('admin', true, :url, ARRAY['ticket_commented'])"
            ),
            {"url": url},
        )
        ids = [
            (
                await connection.execute(
                    text(
                        "INSERT INTO tasks (ticket_number, title, category, created_by)"
                        " VALUES (:n, 'Bench', 'bug', 'customer') RETURNING id"
                    ),
                    {"n": f"WEB-2026-{n:04d}"},
                )
            ).scalar_one()
            for n in range(TICKETS)
        ]
    return "agent", [int(i) for i in ids]


async def set_capture(engine: AsyncEngine, on: bool) -> None:
    async with engine.begin() as connection:
        statements = install_statements("postgresql") if on else remove_statements("postgresql")
        for statement in statements:
            await connection.exec_driver_sql(statement)
        await connection.execute(bot_ticket_changes.delete())


async def write_statuses(engine: AsyncEngine, tickets: list[int], *, writes: int, writers: int) -> float:
    """Writes per second: status update + history row per transaction, `writers` at once."""
    counter = iter(range(writes))

    async def writer() -> None:
        for n in counter:
            ticket = tickets[n % len(tickets)]
            status = STATUSES[(n // len(tickets)) % len(STATUSES)]  # differs from the last
            async with engine.begin() as connection:
                await connection.execute(
                    text("UPDATE tasks SET status = :s, updated_at = now() WHERE id = :id"),
                    {"s": status, "id": ticket},
                )
                await connection.execute(
                    text(
                        "INSERT INTO task_history (task_id, user_id, action, field, new_value)"
                        " VALUES (:id, 'agent', 'status_changed', 'status', :s)"
                    ),
                    {"id": ticket, "s": status},
                )

    started = time.perf_counter()
    await asyncio.gather(*(writer() for _ in range(writers)))
    return writes / (time.perf_counter() - started)


async def comment_stream(
    engine: AsyncEngine, tickets: list[int], *, rate: float, seconds: float, first: int,
    on_half: asyncio.Event | None = None,
) -> dict[int, float]:
    """Comments at `rate` per second; returns each one's commit time by its number."""
    committed: dict[int, float] = {}
    total = int(rate * seconds)
    start = time.perf_counter()
    pending: set[asyncio.Task[None]] = set()

    async def one(n: int) -> None:
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO task_comments (task_id, user_id, content)"
                    " VALUES (:id, 'agent', :c)"
                ),
                {"id": tickets[n % len(tickets)], "c": f"bench-{n}"},
            )
            await connection.execute(
                text(
                    "INSERT INTO task_history (task_id, user_id, action, field, new_value)"
                    " VALUES (:id, 'agent', 'commented', 'comment', :c)"
                ),
                {"id": tickets[n % len(tickets)], "c": f"bench-{n}"},
            )
        committed[n] = time.perf_counter()

    for i in range(total):
        await asyncio.sleep(max(0.0, start + i / rate - time.perf_counter()))
        task = asyncio.create_task(one(first + i))
        pending.add(task)
        task.add_done_callback(pending.discard)
        if on_half is not None and i == total // 2:
            on_half.set()
    await asyncio.gather(*pending)
    return committed


async def stop_worker(worker: asyncio.subprocess.Process) -> None:
    if worker.returncode is None:
        worker.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(worker.wait(), timeout=15)
        except TimeoutError:
            worker.kill()
            await worker.wait()


async def until_arrived(receiver: Receiver, wanted: set[int], timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while not wanted <= receiver.arrived.keys() and time.perf_counter() < deadline:
        await asyncio.sleep(0.05)


async def outbox_marks(engine: AsyncEngine) -> Counter[int]:
    async with engine.connect() as connection:
        excerpts = (
            await connection.execute(
                select(notification_outbox.c.payload["comment_excerpt"].as_string())
            )
        ).scalars()
        return Counter(int(m.group(1)) for e in excerpts if e and (m := MARK.search(e)))


async def waiting(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int(await connection.scalar(select(func.count()).select_from(bot_ticket_changes)) or 0)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def main(args: argparse.Namespace) -> None:
    receiver = Receiver()
    async with worker_stage(args.admin_url, prefix="tfcapture_bench", take=receiver.take) as stage:
        await measure_all(args, stage, receiver)


async def measure_all(args: argparse.Namespace, stage: WorkerStage, receiver: Receiver) -> None:
    engine, database_url = stage.engine, stage.database_url
    workers: list[asyncio.subprocess.Process] = []
    try:
        _, tickets = await seed(engine, stage.webhook_url)
        print(f"{os.cpu_count()} CPUs shared by PostgreSQL, the writers, the worker, the receiver")

        rates: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(args.rounds):
            for on in (False, True):
                await set_capture(engine, on)
                rates[on].append(
                    await write_statuses(engine, tickets, writes=args.writes, writers=args.writers)
                )
        off, on = statistics.median(rates[False]), statistics.median(rates[True])
        print(
            f"overhead: {args.writes} writes x {args.rounds} rounds, {args.writers} writers: "
            f"capture off {off:.0f} writes/s, on {on:.0f} writes/s, ratio {off / on:.2f}x "
            "(goal <= 1.3x)"
        )
        await set_capture(engine, True)

        with tempfile.TemporaryDirectory() as workdir:
            first = 0
            for label, options in (
                ("polling only (before)", ("--poll-only",)),
                ("woken on commit", ()),
            ):
                worker = await start_worker(database_url, workdir, *options)
                workers.append(worker)
                warm = await comment_stream(engine, tickets, rate=5, seconds=1, first=10**6 + first)
                await until_arrived(receiver, set(warm), timeout=60)
                committed = await comment_stream(
                    engine, tickets, rate=args.rate, seconds=args.seconds, first=first
                )
                first += len(committed)
                await until_arrived(receiver, set(committed), timeout=60)
                latencies = [
                    receiver.arrived[n] - t for n, t in committed.items() if n in receiver.arrived
                ]
                lost = len(set(committed) - receiver.arrived.keys())
                print(
                    f"latency, {label}: {len(committed)} comments at {args.rate}/s, 1 worker "
                    f"(poll {POLL} s): commit -> post "
                    f"p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
                    f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, "
                    f"max {max(latencies) * 1000:.0f} ms, lost {lost} (goal p95 < 2000 ms)"
                )
                if label != "woken on commit":
                    await stop_worker(worker)
                    workers.remove(worker)

            half = asyncio.Event()
            stream = asyncio.create_task(
                comment_stream(
                    engine, tickets, rate=args.rate, seconds=args.seconds, first=10**7,
                    on_half=half,
                )
            )
            await half.wait()
            workers[0].send_signal(signal.SIGKILL)
            await workers[0].wait()
            killed = await stream
            workers.append(await start_worker(database_url, workdir))
            deadline = time.perf_counter() + 60
            while await waiting(engine) and time.perf_counter() < deadline:
                await asyncio.sleep(0.1)
            marks = await outbox_marks(engine)
            reached = Counter({n: marks[n] for n in killed})
            print(
                f"kill: {len(killed)} comments at {args.rate}/s, worker SIGKILLed halfway: "
                f"{sum(1 for n in killed if reached[n] == 0)} lost, "
                f"{sum(1 for n in killed if reached[n] > 1)} turned into deliveries twice, "
                f"{await waiting(engine)} still waiting"
            )
    finally:
        for worker in workers:
            await stop_worker(worker)


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writes", type=int, default=2000, help="web-app writes per phase")
    parser.add_argument("--rounds", type=int, default=2, help="off/on phases each")
    parser.add_argument("--writers", type=int, default=4, help="concurrent web-app connections")
    parser.add_argument("--rate", type=float, default=50.0, help="comments per second")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each stream")
    add_admin_url(parser)
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse()))
