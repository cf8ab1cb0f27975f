"""Load on the served process: many conversations talking at once for a while.

    python -m bench.soak [--conversations 200] [--seconds 30] [--database-url URL]

`ticketflow serve` on a fresh PostgreSQL database, a Bot Connector stand-in on loopback.
`--conversations` managers each run one conversation for `--seconds`, back to back: their
ticket's card ("TKT-…"), its status button (Action.Execute, answered with the new card),
a comment ("comment on TKT-…: …"). Then the stock botbuilder echo bot
(`bench.echo_baseline`) gets the same number of conversations for the same time: the
baseline measured in the same run, on the same machine.

Reported for each: turns, errors (any answer other than 2xx, or a broken connection),
p50/p95/p99 turn latency, and the server's resident memory before and after the load
(VmRSS; growth that does not level off is a leak). For ours also: the rows of the tables
each turn writes to, before and after, and whether the housekeeping purge ran at start:
receipts and delivery records dated two days back are put in before the server starts,
and must be gone once it is ready.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
import uuid
from collections import Counter
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp

from bench.echo_baseline import echo_activity
from bench.turns import (
    _wait_ready,
    bench_people,
    migrate,
    post,
    scratch_database,
    seed_managers,
    server,
    status_version,
)
from tests.e2e.teams_doubles.activities import TeamsActivities, TeamsBot, TeamsUser
from tests.e2e.teams_doubles.connector import ConnectorStandIn

CARD = "application/vnd.microsoft.card.adaptive"
WATCHED = ("bot_activity_receipts", "bot_delivery_changes", "bot_delivery_tickets",
           "bot_state", "notification_outbox", "bot_ticket_changes", "task_comments",
           "task_history")
AGED = 500
"""Rows dated two days back put in each purged table before the server starts."""


@dataclass
class Load:
    label: str
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    rss_before_kb: int = 0
    rss_after_kb: int = 0
    rss_samples_kb: list[int] = field(default_factory=list)
    """Sampled through the run: memory that levels off is a cache, one that climbs a leak."""

    def all(self) -> list[float]:
        return [value for values in self.latencies.values() for value in values]

    @staticmethod
    def percentile(values: list[float], q: float) -> float:
        if not values:
            return float("nan")
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def run_load(label: str, pid: int, conversations: int, seconds: float,
                   step: Any) -> Load:
    """Each conversation calls `step(index, n)` (which names its turn kind and posts) until
    the time is up."""
    load = Load(label)
    deadline = time.perf_counter() + seconds

    async def conversation(index: int) -> None:
        n = 0
        while time.perf_counter() < deadline:
            began = time.perf_counter()
            try:
                kind = await step(index, n)
            except (aiohttp.ClientError, RuntimeError, asyncio.TimeoutError) as error:
                load.errors[str(error)[:60] or type(error).__name__] += 1
            else:
                load.latencies.setdefault(kind, []).append(time.perf_counter() - began)
            n += 1

    async def sample() -> None:
        while time.perf_counter() < deadline:
            load.rss_samples_kb.append(rss_kb(pid))
            await asyncio.sleep(seconds / 10)

    load.rss_before_kb = rss_kb(pid)
    began = time.perf_counter()
    await asyncio.gather(sample(), *(conversation(index) for index in range(conversations)))
    load.seconds = time.perf_counter() - began
    load.rss_after_kb = rss_kb(pid)
    return load


class TicketConversations:
    """Each manager shows their ticket, presses its status button, comments on it."""

    def __init__(self, session: aiohttp.ClientSession, url: str, teams: TeamsActivities,
                 people: list[TeamsUser], tickets: list[tuple[int, str, str]]) -> None:
        self._session, self._url, self._teams = session, url, teams
        self._people, self._tickets = people, tickets
        self._versions = {index: version for index, (_, _, version) in enumerate(tickets)}

    async def step(self, index: int, n: int) -> str:
        person, (ticket_id, number, _) = self._people[index], self._tickets[index]
        kind = ("card", "invoke", "comment")[n % 3]
        if kind == "card":
            await post(self._session, self._url,
                        self._teams.personal_message(number, user=person))
        elif kind == "invoke":
            status = ("in_progress", "on_hold")[(n // 3) % 2]
            data = {"ticket_id": ticket_id, "version": self._versions[index], "status": status}
            answer = await post(self._session, self._url,
                                 self._teams.card_action("ticket.status", data, user=person))
            if not isinstance(answer, dict) or answer.get("type") != CARD:
                raise RuntimeError("the status button was not answered with a card")
            self._versions[index] = status_version(answer["value"])
        else:
            await post(self._session, self._url, self._teams.personal_message(
                f"comment on {number}: soak note {n}", user=person))
        return kind


async def table_rows(url: str) -> dict[str, int]:
    import asyncpg

    connection = await asyncpg.connect(url)
    try:
        return {table: int(await connection.fetchval(f"SELECT count(*) FROM {table}"))
                for table in WATCHED}
    finally:
        await connection.close()


async def age_rows(url: str) -> None:
    """Receipts and delivery records of two days ago, for the purge at start to remove."""
    import asyncpg

    old = datetime.utcnow() - timedelta(days=2)  # the columns are naive UTC
    connection = await asyncpg.connect(url)
    try:
        ticket = await connection.fetchval("SELECT min(id) FROM tasks")
        await connection.executemany(
            "INSERT INTO bot_activity_receipts (activity_id, conversation_id, received_at, "
            "answered_at) VALUES ($1, 'aged', $2, $2)",
            [(f"aged-{uuid.uuid4().hex}", old) for _ in range(AGED)])
        await connection.executemany(
            "INSERT INTO bot_delivery_changes (delivery_key, ticket_id, created_at) "
            "VALUES ($1, $2, $3)", [(uuid.uuid4().hex, ticket, old) for _ in range(AGED)])
    finally:
        await connection.close()


async def aged_left(url: str) -> int:
    import asyncpg

    connection = await asyncpg.connect(url)
    try:
        cutoff = datetime.utcnow() - timedelta(days=1)
        receipts = await connection.fetchval(
            "SELECT count(*) FROM bot_activity_receipts WHERE received_at < $1", cutoff)
        changes = await connection.fetchval(
            "SELECT count(*) FROM bot_delivery_changes WHERE created_at < $1", cutoff)
        return int(receipts) + int(changes)
    finally:
        await connection.close()


def report(load: Load) -> None:
    everything = load.all()
    print(f"{load.label:<14} turns {len(everything):>6} ({len(everything) / load.seconds:6.1f}/s)"
          f"  errors {sum(load.errors.values()):>4}  p50 {Load.percentile(everything, .5):7.1f} ms"
          f"  p95 {Load.percentile(everything, .95):7.1f} ms"
          f"  p99 {Load.percentile(everything, .99):7.1f} ms"
          f"  RSS {load.rss_before_kb / 1024:6.1f} -> {load.rss_after_kb / 1024:6.1f} MiB")
    print("  RSS through the run (MiB): "
          + " ".join(f"{sample / 1024:.0f}" for sample in load.rss_samples_kb))
    for kind, values in sorted(load.latencies.items()):
        if len(load.latencies) > 1:
            print(f"  {kind:<12} turns {len(values):>6}  p50 {Load.percentile(values, .5):7.1f} ms"
                  f"  p95 {Load.percentile(values, .95):7.1f} ms")
    for error, count in load.errors.most_common(5):
        print(f"  error x{count}: {error}")


async def main(args: argparse.Namespace) -> None:
    port = args.port
    async with AsyncExitStack() as stack:
        url = args.database_url or await stack.enter_async_context(scratch_database("soak"))
        env = migrate(url)
        connector = await stack.enter_async_context(ConnectorStandIn())
        teams = TeamsActivities(service_url=connector.service_url, bot=TeamsBot())
        people = await bench_people(connector, args.conversations, "soak")
        tickets = await seed_managers(url, len(people), "soak")
        await age_rows(url)
        session = await stack.enter_async_context(aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=0),
            timeout=aiohttp.ClientTimeout(total=60)))
        ours_pid = await stack.enter_async_context(server(
            [sys.executable, "-m", "ticketflow.cli", "serve", "--port", str(port)], env))
        await _wait_ready(session, f"http://127.0.0.1:{port}/readyz")
        ours = f"http://127.0.0.1:{port}/api/messages"
        print(f"housekeeping at start: {await aged_left(url)} of {2 * AGED} aged receipts and "
              "delivery records left (0: the purge ran)")
        await asyncio.gather(*(post(session, ours, teams.personal_message("help", user=person))
                               for person in people))  # enrolment, not measured
        before = await table_rows(url)
        conversations = TicketConversations(session, ours, teams, people, tickets)
        load = await run_load("ticketflow", ours_pid, args.conversations, args.seconds,
                              conversations.step)
        after = await table_rows(url)
        connector.calls.clear()

        echo_port = port + 1
        echo_pid = await stack.enter_async_context(server(
            [sys.executable, "-m", "bench.turns", "--serve-echo", str(echo_port)], {}))
        echo_url = f"http://127.0.0.1:{echo_port}/api/messages"
        await _wait_ready(session, echo_url)

        async def echo_step(index: int, _: int) -> str:
            await post(session, echo_url, echo_activity(
                connector_url=connector.service_url, conversation_id=f"a:1soak-{index}"))
            return "echo"

        baseline = await run_load("stock echo", echo_pid, args.conversations, args.seconds,
                                  echo_step)

    print(f"\n{args.conversations} conversations for {args.seconds:.0f} s each, "
          f"on {os.cpu_count()} cores shared with the driver and PostgreSQL")
    report(load)
    report(baseline)
    ours_all, echo_all = load.all(), baseline.all()
    print(f"p50 / stock echo p50: {Load.percentile(ours_all, .5) / Load.percentile(echo_all, .5):.2f}x"
          f"; p95 / stock echo p95: {Load.percentile(ours_all, .95) / Load.percentile(echo_all, .95):.2f}x")
    print("rows (before -> after the load):")
    turns = len(ours_all)
    for table in WATCHED:
        grown = after[table] - before[table]
        print(f"  {table:<24} {before[table]:>7} -> {after[table]:>7}  "
              f"({grown / max(turns, 1):.2f} per turn)")


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--port", type=int, default=3970)
    parser.add_argument("--database-url", help="an existing, empty PostgreSQL database to use")
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse()))
