"""Turn throughput and latency: our ticket turns against the stock botbuilder echo bot.

    python -m bench.turns [--turns 400] [--levels 1,10,50] [--database-url postgresql://…]

Both bots run as separate server processes on loopback and reply to the same Bot
Connector stand-in; this process drives them at 1, 10 and 50 concurrent
conversations. Our realistic turn alternates "show the ticket card" (a message
that replies with the card) and the card's `ticket.status` Action.Execute (an
invoke answered with the fresh card). Without --database-url a fresh PostgreSQL
database is created on 127.0.0.1:5432 and dropped afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from typing import Any, AsyncIterator

import aiohttp

from bench.echo_baseline import echo_activity
from bot.cards.elements import card_actions
from tests.e2e.teams_doubles.activities import TeamsActivities, TeamsBot, TeamsUser
from tests.e2e.teams_doubles.connector import ConnectorStandIn, TeamsMember

ADMIN_PG = "postgresql://postgres@127.0.0.1:5432/postgres"


@dataclass
class Run:
    label: str
    latencies: list[float]
    seconds: float
    server_cpu: float = 0.0

    @property
    def cpu_ms_per_turn(self) -> float:
        """Server CPU per turn: what bounds throughput when the server has a core to itself."""
        return self.server_cpu / len(self.latencies) * 1000

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def _row(run: Run, *, width: int = 10) -> str:
    return (f"{run.throughput:>{width}.1f} {run.percentile(.5):>6.1f} {run.percentile(.95):>6.1f} "
            f"{run.percentile(.99):>6.1f} {run.cpu_ms_per_turn:>5.1f} "
            f"{1000 / run.cpu_ms_per_turn:>5.0f}")


async def _wait_ready(session: aiohttp.ClientSession, url: str) -> None:
    for _ in range(200):
        try:
            async with session.get(url) as answer:
                if answer.status in (200, 405):
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.05)
    raise RuntimeError(f"{url} did not come up")


@asynccontextmanager
async def server(command: list[str], env: dict[str, str]) -> AsyncIterator[int]:
    with tempfile.TemporaryFile() as log:  # a pipe nobody reads would block the server
        process = subprocess.Popen(command, env={**os.environ, **env}, stdout=log, stderr=log)
        try:
            yield process.pid
        finally:
            process.terminate()
            process.wait(timeout=60)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc), all threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def drive(label: str, conversations: int, turns: int,
                turn: Callable[[int], Awaitable[None]]) -> Run:
    latencies: list[float] = []
    remaining = turns

    async def conversation(index: int) -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            began = time.perf_counter()
            await turn(index)
            latencies.append(time.perf_counter() - began)

    began = time.perf_counter()
    await asyncio.gather(*(conversation(i) for i in range(conversations)))
    return Run(label, latencies, time.perf_counter() - began)


async def post(session: aiohttp.ClientSession, url: str, activity: dict[str, Any]) -> Any:
    async with session.post(url, json=activity) as answer:
        body = await answer.read()
        if answer.status >= 300:
            raise RuntimeError(f"{answer.status}: {body[:200]!r}")
        return await answer.json(content_type=None) if body else None


def _version_of(card: dict[str, Any]) -> str:
    for action in card_actions(card):
        if action.get("verb") == "ticket.status":
            return str(action["data"]["version"])
    raise RuntimeError("the card has no status button")


async def main(args: argparse.Namespace) -> None:
    levels = [int(level) for level in args.levels.split(",")]
    # Turns rotate over many people so no conversation reaches Teams' per-conversation
    # pacing (60 messages / 30 s): the figures measure the bot, not the pacer.
    conversations = args.people
    async with AsyncExitStack() as stack:
        url = args.database_url or await stack.enter_async_context(scratch_database())
        connector = await stack.enter_async_context(ConnectorStandIn())
        teams = TeamsActivities(service_url=connector.service_url, bot=TeamsBot())
        people = [TeamsUser(id=f"29:bench{i}", name=f"Bench {i}", aad_object_id=f"aad-bench{i}")
                  for i in range(conversations)]
        for person in people:
            connector.members[person.id] = TeamsMember(
                id=person.id, name=person.name, aad_object_id=person.aad_object_id,
                email=f"bench{person.id[8:]}@example.com")
        env = {"TICKETFLOW_DATABASE_URL": url, "TICKETFLOW_LOG_LEVEL": "WARNING"}
        subprocess.run([sys.executable, "-m", "ticketflow.cli", "migrate"], env={**os.environ, **env},
                       check=True, capture_output=True)
        ours = f"http://127.0.0.1:{args.port}/api/messages"
        echo = f"http://127.0.0.1:{args.port + 1}/api/messages"
        ours_pid = await stack.enter_async_context(server(
            [sys.executable, "-m", "ticketflow.cli", "serve", "--port", str(args.port)], env))
        echo_pid = await stack.enter_async_context(server(
            [sys.executable, "-m", "bench.turns", "--serve-echo", str(args.port + 1)], {}))
        session = await stack.enter_async_context(
            aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)))
        await _wait_ready(session, f"http://127.0.0.1:{args.port}/healthz")
        await _wait_ready(session, echo)

        # Every person has a ticket assigned to them and has said hello once (enrolment).
        tickets = await seed_tickets(url, len(people))
        for person in people:
            await post(session, ours, teams.personal_message("help", user=person))
        versions = {index: version for index, (_, _, version) in enumerate(tickets)}
        statuses = ["in_progress", "on_hold"]
        turn_count = 0

        async def ticket_turn(worker: int) -> None:
            """The next person in the rota shows their ticket, or presses its status button."""
            nonlocal turn_count
            turn_count += 1
            index = turn_count % len(people)
            person, (ticket_id, number, _) = people[index], tickets[index]
            if (turn_count // len(people)) % 2 == 0:
                await post(session, ours, teams.personal_message(number, user=person))
                return
            data = {"ticket_id": ticket_id, "version": versions[index],
                    "status": statuses[(turn_count // (2 * len(people))) % 2]}
            answer = await post(session, ours, teams.card_action("ticket.status", data,
                                                                 user=person))
            versions[index] = _version_of(answer["value"])

        echo_count = 0

        async def echo_turn(worker: int) -> None:
            nonlocal echo_count
            echo_count += 1
            conversation = f"a:1bench-{echo_count % len(people)}"
            await post(session, echo, echo_activity(connector_url=connector.service_url,
                                                    conversation_id=conversation))

        print("turns/s and latency as measured end to end (load generator and connector share")
        print("this machine's 2 cores with both servers); cpu = server CPU per turn; capacity =")
        print("turns/s one core could serve at that cost (1000 / cpu)\n")
        print(f"{'conv':>4} | {'ticket t/s':>10} {'p50':>6} {'p95':>6} {'p99':>6} {'cpu':>5} "
              f"{'cap':>5} | {'echo t/s':>8} {'p50':>6} {'p95':>6} {'p99':>6} {'cpu':>5} "
              f"{'cap':>5} | t/s ratio | capacity ratio")
        for level in levels:
            await drive("warm", level, min(40, args.turns), ticket_turn)
            await drive("warm", level, min(40, args.turns), echo_turn)
            connector.calls.clear()
            before = cpu_seconds(ours_pid)
            mine = await drive("ticket", level, args.turns, ticket_turn)
            mine.server_cpu = cpu_seconds(ours_pid) - before
            before = cpu_seconds(echo_pid)
            stock = await drive("echo", level, args.turns, echo_turn)
            stock.server_cpu = cpu_seconds(echo_pid) - before
            connector.calls.clear()
            print(f"{level:>4} | {_row(mine)} | {_row(stock, width=8)} | "
                  f"{mine.throughput / stock.throughput:>8.2f}x | "
                  f"{stock.cpu_ms_per_turn / mine.cpu_ms_per_turn:>13.2f}x")


async def seed_tickets(url: str, count: int) -> list[tuple[int, str, str]]:
    """One ticket per bench person, assigned to them: (id, number, version)."""
    from db.engine import create_engine
    from db.uow import SqlUnitOfWork
    from domain.actors import Operator
    from domain.services import people, tickets
    from domain.services.overview import current_user
    from domain.tickets import Assignee

    engine = create_engine(url.replace("postgresql://", "postgresql+asyncpg://"))
    seeded = []
    try:
        for index in range(count):
            user = await people.add_user(uow=SqlUnitOfWork(engine), actor=Operator("bench"),
                                         email=f"bench{index}@example.com")
            viewer = await current_user(uow=SqlUnitOfWork(engine), user_id=user.id)
            ticket = await tickets.create_ticket(uow=SqlUnitOfWork(engine), actor=viewer,
                                                 title=f"Bench ticket {index}", category="support")
            ticket = await tickets.assign_ticket(uow=SqlUnitOfWork(engine), actor=viewer,
                                                 ticket=ticket.id, to=Assignee.user(user.id))
            seeded.append((ticket.id, ticket.ticket_number, ticket.version))
    finally:
        await engine.dispose()
    return seeded


@asynccontextmanager
async def scratch_database() -> AsyncIterator[str]:
    import asyncpg

    name = f"tf_bench_turns_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(ADMIN_PG)
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def serve_echo(port: int) -> None:
    from bench.echo_baseline import serve_stock_echo

    async with serve_stock_echo(port=port):
        await asyncio.Event().wait()


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=400, help="turns measured per level")
    parser.add_argument("--levels", default="1,10,50")
    parser.add_argument("--people", type=int, default=200, help="conversations in the rota")
    parser.add_argument("--port", type=int, default=3990)
    parser.add_argument("--database-url", help="an existing PostgreSQL database to use")
    parser.add_argument("--serve-echo", type=int, help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse()
    if arguments.serve_echo:
        asyncio.run(serve_echo(arguments.serve_echo))
    else:
        asyncio.run(main(arguments))
