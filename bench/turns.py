"""Turn cost: the ticket card and its status button against two echo bots, server on one core.

    python -m bench.turns [--turns 400] [--levels 1,10,50] [--org 10000,200]

Every server is a separate process pinned to core 0 (`taskset`, where there are two
cores), this driver and the Bot Connector stand-in it runs are pinned to core 1;
PostgreSQL floats. Each server's CPU per turn is read from /proc before and after a
measured stretch. Scenarios, each at 1, 10 and 50 concurrent conversations:

- card:   a manager types their ticket's number and gets the ticket card (the card path:
          the viewer may see the ticket, so the card carries the assign picker);
- invoke: the card's `ticket.status` button (Action.Execute), answered with the new card;
- stock:  the stock botbuilder 4.17 echo bot (`bench.echo_baseline`);
- agents: the Microsoft 365 Agents SDK echo agent (`bench/agents_echo.py`), installed into
          bench/.venv-agents by the set-up step; skipped with a message where it cannot be.

Then the organisation-size check: the card turn for 10 managers in an organisation of
10 users, and again after 9,990 more users and 199 more teams are added (`--org`), each
in its own fresh database. Without --database-url, fresh PostgreSQL databases are
created on 127.0.0.1:5432 and dropped afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from bench.echo_baseline import echo_activity
from bot.cards.elements import card_actions
from tests.e2e.teams_doubles.activities import TeamsActivities, TeamsBot, TeamsUser
from tests.e2e.teams_doubles.connector import ConnectorStandIn, TeamsMember

ADMIN_PG = "postgresql://postgres@127.0.0.1:5432/postgres"
BENCH = Path(__file__).resolve().parent
AGENTS_VENV = BENCH / ".venv-agents"
AGENTS_REQUIREMENT = "microsoft-agents-hosting-aiohttp>=1.9,<2"
SERVER_CORE, DRIVER_CORE = 0, 1
CARD = "application/vnd.microsoft.card.adaptive"


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


@dataclass
class Server:
    label: str
    url: str
    pid: int


@dataclass
class Results:
    runs: dict[tuple[str, int], Run] = field(default_factory=dict)


def pinned(command: list[str]) -> list[str]:
    if _can_pin():
        return ["taskset", "-c", str(SERVER_CORE), *command]
    return command


def _can_pin() -> bool:
    return shutil.which("taskset") is not None and len(os.sched_getaffinity(0)) >= 2


async def _wait_ready(session: aiohttp.ClientSession, url: str) -> None:
    for _ in range(600):
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
        process = subprocess.Popen(pinned(command), env={**os.environ, **env}, stdout=log,
                                   stderr=log)
        try:
            yield process.pid
        finally:
            process.terminate()
            process.wait(timeout=60)
            if process.returncode not in (0, -15):
                log.seek(0)
                tail = log.read()[-2000:].decode(errors="replace")
                print(f"server {command[:4]} exited {process.returncode}:\n{tail}")


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


async def measured(pid: int, label: str, conversations: int, turns: int,
                   turn: Callable[[int], Awaitable[None]]) -> Run:
    await drive("warm", conversations, min(40, turns), turn)
    before = cpu_seconds(pid)
    run = await drive(label, conversations, turns, turn)
    run.server_cpu = cpu_seconds(pid) - before
    return run


async def profiled(pid: int, conversations: int, turns: int,
                   turn: Callable[[int], Awaitable[None]], *, top: int = 18) -> str:
    """py-spy samples the server through another stretch of turns: where a turn's CPU goes."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(spy).exists():
        return "  (no py-spy: pip install py-spy to see where the time goes)"
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "stacks.txt"
        sampler = subprocess.Popen(
            [spy, "record", "--pid", str(pid), "--rate", "500", "--format", "raw", "--output",
             str(out), "--nonblocking", "--gil"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        await asyncio.sleep(1.0)  # py-spy attaches
        before = cpu_seconds(pid)
        run = await drive("profile", conversations, turns, turn)
        cpu_ms = (cpu_seconds(pid) - before) / len(run.latencies) * 1000
        sampler.send_signal(signal.SIGINT)
        _, errors = sampler.communicate(timeout=60)
        if not out.exists():
            return f"  (py-spy failed: {errors.decode(errors='replace')[-300:]})"
        return summarise_stacks(out.read_text(), cpu_ms=cpu_ms, top=top)


def summarise_stacks(collapsed: str, *, cpu_ms: float, top: int) -> str:
    """Self and cumulative shares of the sampled stacks, as milliseconds of a turn's CPU.

    Only samples holding the GIL count (`--gil`): Python running. A thread inside a socket
    write has released it, and on a loaded machine such a write mostly waits to be
    scheduled again, which is not the server's CPU. The shares are then spread over the
    measured CPU per turn (user + system), so system time is attributed pro rata.
    """
    own: dict[str, int] = {}
    inclusive: dict[str, int] = {}
    busy = 0
    for line in collapsed.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        frames = [frame for frame in stack.split(";") if frame]
        if not frames or _idle(frames[-1]):
            continue
        count = int(count_text)
        busy += count
        names = [_frame_name(frame) for frame in frames[1:]]  # the first is the thread
        if names:
            own[names[-1]] = own.get(names[-1], 0) + count
        for name in set(names):
            inclusive[name] = inclusive.get(name, 0) + count
    if not busy:
        return "  (no busy samples)"
    lines = [f"  {busy} samples holding the GIL; {cpu_ms:.2f} ms CPU per turn",
             "  self ms/turn  function"]
    for name, count in sorted(own.items(), key=lambda item: -item[1])[:top]:
        lines.append(f"  {count / busy * cpu_ms:>12.3f}  {name}")
    lines.append("  cumulative ms/turn  function (this project's, and where it calls out)")
    ours = {name: count for name, count in inclusive.items() if _ours(name)}
    for name, count in sorted(ours.items(), key=lambda item: -item[1])[:top]:
        lines.append(f"  {count / busy * cpu_ms:>18.3f}  {name}")
    return "\n".join(lines)


_OUR_PACKAGES = ("bot/", "db/", "domain/", "ticketflow/", "knowledge/", "notify/")
_CALLS_OUT = ("AsyncConnection.execute", "AsyncConnection.begin", "AsyncEngine.connect",
              "AsyncConnection.close", "AsyncConnection.commit", "TurnContext.send_activity",
              "deepcopy", "BotState.load", "BotState.save_changes", "DialogSet.create_context",
              "Pickler.flatten", "Unpickler.restore", "Logger._log", "Handler.handle")


def _ours(name: str) -> bool:
    where = name.rpartition(" (")[2]
    if where.startswith("ticketflow/cli.py"):
        return False
    return where.startswith(_OUR_PACKAGES) or name.startswith(_CALLS_OUT)


def _idle(frame: str) -> bool:
    return any(word in frame for word in ("select (selectors.py", "poll (selectors.py",
                                          "_run_once (asyncio/base_events.py"))


def _frame_name(frame: str) -> str:
    """`function (path/to/module.py:line)` without the line and the site-packages prefix."""
    name, _, where = frame.partition(" (")
    where = where.rstrip(")").rsplit(":", 1)[0]
    for marker in ("site-packages/", "/lib/python3"):
        if marker in where:
            where = where.split(marker, 1)[1]
    if where.startswith(str(BENCH.parent)):
        where = where[len(str(BENCH.parent)) + 1:]
    return f"{name} ({where})"


async def post(session: aiohttp.ClientSession, url: str, activity: dict[str, Any]) -> Any:
    async with session.post(url, json=activity) as answer:
        body = await answer.read()
        if answer.status >= 300:
            raise RuntimeError(f"{answer.status}: {body[:200]!r}")
        return await answer.json(content_type=None) if body else None


def status_version(card: dict[str, Any]) -> str:
    for action in card_actions(card):
        if action.get("verb") == "ticket.status":
            return str(action["data"]["version"])
    raise RuntimeError(f"the answer is not a ticket card with a status button: {card!r:.300}")


class TicketTurns:
    """People who each manage a ticket assigned to them, shown and moved along in a rota."""

    def __init__(self, session: aiohttp.ClientSession, url: str, teams: TeamsActivities,
                 people: list[TeamsUser], tickets: list[tuple[int, str, str]]) -> None:
        self._session, self._url, self._teams = session, url, teams
        self._people, self._tickets = people, tickets
        self._versions = {index: version for index, (_, _, version) in enumerate(tickets)}
        self._shown = 0
        self._pressed = 0

    async def card(self, _: int) -> None:
        self._shown += 1
        index = self._shown % len(self._people)
        await post(self._session, self._url,
                   self._teams.personal_message(self._tickets[index][1], user=self._people[index]))

    async def invoke(self, _: int) -> None:
        self._pressed += 1
        index = self._pressed % len(self._people)
        status = ("in_progress", "on_hold")[(self._pressed // len(self._people)) % 2]
        data = {"ticket_id": self._tickets[index][0], "version": self._versions[index],
                "status": status}
        answer = await post(self._session, self._url,
                            self._teams.card_action("ticket.status", data, user=self._people[index]))
        if answer.get("type") != CARD:
            raise RuntimeError(f"the status button was not answered with a card: {answer!r:.300}")
        self._versions[index] = status_version(answer["value"])


def check_card_replies(connector: ConnectorStandIn, numbers: set[str]) -> None:
    """The card scenario must measure the card path: every reply is a ticket card."""
    replies = [call.body for call in connector.calls if call.operation in ("send", "reply")]
    cards = [reply for reply in replies
             if any(a.get("contentType") == CARD for a in reply.get("attachments") or [])]
    if not replies or len(cards) != len(replies):
        texts = [reply.get("text") for reply in replies if reply not in cards][:3]
        raise RuntimeError(f"not every reply is a ticket card: {texts}")
    if not any(number in str(card) for card in cards for number in numbers):
        raise RuntimeError("the cards do not show the bench tickets")


async def bench_people(connector: ConnectorStandIn, count: int, prefix: str) -> list[TeamsUser]:
    people = [TeamsUser(id=f"29:{prefix}{i}", name=f"Bench {i}", aad_object_id=f"aad-{prefix}{i}")
              for i in range(count)]
    for index, person in enumerate(people):
        connector.members[person.id] = TeamsMember(
            id=person.id, name=person.name, aad_object_id=person.aad_object_id,
            email=f"{prefix}{index}@example.com")
    return people


async def seed_managers(url: str, count: int, prefix: str) -> list[tuple[int, str, str]]:
    """`count` managers in teams of ten, each with a ticket assigned to them: (id, number,
    version). A manager sees tickets of their teammates too, so the team size shapes the
    viewer read; ten is a service desk's size."""
    from bench.turns_seed import seed_managers as seed

    return await seed(url, count, prefix)


async def grow_organisation(url: str, *, users: int, teams: int) -> None:
    """Add `users` staff and `teams` teams (each user in one team), as a large company has."""
    import asyncpg

    connection = await asyncpg.connect(url)
    try:
        team_ids = [row["id"] for row in await connection.fetch(
            "INSERT INTO teams (name, created_at) SELECT 'Team ' || n, now() "
            "FROM generate_series(1, $1) AS n RETURNING id", teams)]
        roles = ("user", "user", "user", "manager", "customer")
        rows = [(f"org-{uuid.uuid4().hex}", f"person{n}@org.example.com", "Person", f"No {n}",
                 roles[n % len(roles)]) for n in range(users)]
        await connection.executemany(
            "INSERT INTO users (id, email, first_name, last_name, role, is_active, created_at, "
            "updated_at) VALUES ($1, $2, $3, $4, $5, true, now(), now())", rows)
        await connection.executemany(
            "INSERT INTO team_members (team_id, user_id, role) VALUES ($1, $2, 'member')",
            [(team_ids[n % len(team_ids)], row[0]) for n, row in enumerate(rows)])
        await connection.execute("ANALYZE")
    finally:
        await connection.close()


@asynccontextmanager
async def scratch_database(purpose: str) -> AsyncIterator[str]:
    import asyncpg

    name = f"tf_bench_{purpose}_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(ADMIN_PG)
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def migrate(url: str) -> dict[str, str]:
    env = {"TICKETFLOW_DATABASE_URL": url, "TICKETFLOW_LOG_LEVEL": "WARNING"}
    subprocess.run([sys.executable, "-m", "ticketflow.cli", "migrate"], env={**os.environ, **env},
                   check=True, capture_output=True)
    return env


def agents_python() -> Path | None:
    """The set-up step: bench/.venv-agents with the Agents SDK, made once; None if it cannot be."""
    python = AGENTS_VENV / "bin" / "python"
    probe = [str(python), "-c", "import microsoft_agents.hosting.aiohttp"]
    if python.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return python
    print(f"setting up the Agents SDK baseline in {AGENTS_VENV} ...", flush=True)
    steps = [[sys.executable, "-m", "venv", str(AGENTS_VENV)],
             [str(python), "-m", "pip", "install", "-q", AGENTS_REQUIREMENT]]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"Agents SDK echo agent skipped: `{' '.join(step[-3:])}` failed:\n"
                  f"{done.stderr.strip()[-600:]}")
            return None
    return python


async def start_servers(stack: AsyncExitStack, args: argparse.Namespace, env: dict[str, str],
                        session: aiohttp.ClientSession) -> dict[str, Server]:
    port = args.port
    servers = {"ours": Server("ours", f"http://127.0.0.1:{port}/api/messages", await
                              stack.enter_async_context(server(
                                  [sys.executable, "-m", "ticketflow.cli", "serve", "--port",
                                   str(port)], env)))}
    await _wait_ready(session, f"http://127.0.0.1:{port}/healthz")
    servers["stock"] = Server("stock", f"http://127.0.0.1:{port + 1}/api/messages", await
                              stack.enter_async_context(server(
                                  [sys.executable, "-m", "bench.turns", "--serve-echo",
                                   str(port + 1)], {})))
    await _wait_ready(session, servers["stock"].url)
    python = agents_python()
    if python is not None:
        servers["agents"] = Server("agents", f"http://127.0.0.1:{port + 2}/api/messages", await
                                   stack.enter_async_context(server(
                                       [str(python), str(BENCH / "agents_echo.py"),
                                        str(port + 2)], {})))
        await _wait_ready(session, servers["agents"].url)
    return servers


def echo_turn(session: aiohttp.ClientSession, url: str, connector_url: str,
              people: int) -> Callable[[int], Awaitable[None]]:
    count = 0

    async def turn(_: int) -> None:
        nonlocal count
        count += 1
        await post(session, url, echo_activity(connector_url=connector_url,
                                               conversation_id=f"a:1bench-{count % people}"))

    return turn


def _header() -> None:
    print(f"{'scenario':<8} {'conv':>4} | {'turns/s':>8} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'p99 ms':>7} | {'CPU ms/turn':>11}")


def _line(run: Run, level: int) -> None:
    print(f"{run.label:<8} {level:>4} | {run.throughput:>8.1f} {run.percentile(.5):>7.1f} "
          f"{run.percentile(.95):>7.1f} {run.percentile(.99):>7.1f} | "
          f"{run.cpu_ms_per_turn:>11.2f}", flush=True)


async def main(args: argparse.Namespace) -> None:
    if _can_pin():
        os.sched_setaffinity(0, {DRIVER_CORE})
        print(f"servers pinned to core {SERVER_CORE}; driver and connector stand-in on core "
              f"{DRIVER_CORE}; PostgreSQL unpinned\n")
    else:
        print("cannot pin (no taskset or one core): servers and driver share the cores\n")
    levels = [int(level) for level in args.levels.split(",")]
    results = Results()
    async with AsyncExitStack() as stack:
        url = args.database_url or await stack.enter_async_context(scratch_database("turns"))
        env = migrate(url)
        connector = await stack.enter_async_context(ConnectorStandIn())
        teams = TeamsActivities(service_url=connector.service_url, bot=TeamsBot())
        people = await bench_people(connector, args.people, "bench")
        tickets = await seed_managers(url, len(people), "bench")
        session = await stack.enter_async_context(
            aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)))
        servers = await start_servers(stack, args, env, session)
        for person in people:  # enrolment: each person has said hello once
            await post(session, servers["ours"].url, teams.personal_message("help", user=person))
        ticket_turns = TicketTurns(session, servers["ours"].url, teams, people, tickets)
        connector.calls.clear()
        await ticket_turns.card(0)
        check_card_replies(connector, {number for _, number, _ in tickets})

        _header()
        for level in levels:
            scenarios: list[tuple[str, Server, Callable[[int], Awaitable[None]]]] = [
                ("card", servers["ours"], ticket_turns.card),
                ("invoke", servers["ours"], ticket_turns.invoke),
                ("stock", servers["stock"],
                 echo_turn(session, servers["stock"].url, connector.service_url, len(people))),
            ]
            if "agents" in servers:
                scenarios.append(("agents", servers["agents"], echo_turn(
                    session, servers["agents"].url, connector.service_url, len(people))))
            for label, target, turn in scenarios:
                connector.calls.clear()
                run = await measured(target.pid, label, level, args.turns, turn)
                if label == "card":
                    check_card_replies(connector, {number for _, number, _ in tickets})
                results.runs[(label, level)] = run
                _line(run, level)
            connector.calls.clear()
        summarise(results, levels)
        if args.profile:
            for label, turn in (("card", ticket_turns.card), ("invoke", ticket_turns.invoke)):
                print(f"\nprofile of the {label} turn, {args.profile_level} conversations "
                      "(py-spy --gil, idle samples left out):")
                print(await profiled(servers["ours"].pid, args.profile_level, args.turns, turn))
    if args.org:
        users, org_teams = (int(part) for part in args.org.split(","))
        await organisation_size(args, users=users, teams=org_teams)


def summarise(results: Results, levels: list[int]) -> None:
    runs = results.runs
    print()
    for level in levels:
        agents = runs.get(("agents", level))
        stock = runs[("stock", level)]
        card, invoke = runs[("card", level)], runs[("invoke", level)]
        parts = [f"conv {level:>2}:"]
        if agents is not None:
            parts.append(f"card CPU / Agents echo CPU {card.cpu_ms_per_turn / agents.cpu_ms_per_turn:.2f}x"
                         f" (goal <= 1.0x); invoke {invoke.cpu_ms_per_turn / agents.cpu_ms_per_turn:.2f}x"
                         " (goal <= 1.3x);")
        both = statistics.mean([card.throughput, invoke.throughput])
        parts.append(f"card+invoke turns/s / stock echo turns/s {both / stock.throughput:.2f}x")
        if level == max(levels):
            parts.append(f"(goal >= 3x); card p95 {card.percentile(.95):.0f} ms, "
                         f"invoke p95 {invoke.percentile(.95):.0f} ms (goal < 250 ms)")
        print(" ".join(parts))


async def organisation_size(args: argparse.Namespace, *, users: int, teams: int) -> None:
    """The card turn's CPU with 10 users, then with `users` users and `teams` teams."""
    print(f"\norganisation size: the card turn, 10 managers, {args.org_level} conversations")
    async with AsyncExitStack() as stack:
        url = await stack.enter_async_context(scratch_database("org"))
        env = migrate(url)
        connector = await stack.enter_async_context(ConnectorStandIn())
        teams_activities = TeamsActivities(service_url=connector.service_url, bot=TeamsBot())
        people = await bench_people(connector, 10, "org")
        tickets = await seed_managers(url, len(people), "org")
        session = await stack.enter_async_context(
            aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)))
        port = args.port + 3
        pid = await stack.enter_async_context(server(
            [sys.executable, "-m", "ticketflow.cli", "serve", "--port", str(port)], env))
        await _wait_ready(session, f"http://127.0.0.1:{port}/healthz")
        ours = f"http://127.0.0.1:{port}/api/messages"
        for person in people:
            await post(session, ours, teams_activities.personal_message("help", user=person))
        ticket_turns = TicketTurns(session, ours, teams_activities, people, tickets)
        small = await measured(pid, "10 users", args.org_level, args.org_turns, ticket_turns.card)
        await grow_organisation(url, users=users - len(people), teams=teams - 1)
        connector.calls.clear()
        large = await measured(pid, f"{users} users", args.org_level, args.org_turns,
                               ticket_turns.card)
        check_card_replies(connector, {number for _, number, _ in tickets})
        for run in (small, large):
            print(f"  {run.label:>12}, {teams if run is large else 1:>3} teams: "
                  f"{run.cpu_ms_per_turn:.2f} ms CPU/turn, p50 {run.percentile(.5):.1f} ms")
        print(f"  ratio {large.cpu_ms_per_turn / small.cpu_ms_per_turn:.2f}x (goal <= 1.10x)")


async def serve_echo(port: int) -> None:
    from bench.echo_baseline import serve_stock_echo

    async with serve_stock_echo(port=port):
        await asyncio.Event().wait()


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=400, help="turns measured per scenario")
    parser.add_argument("--levels", default="1,10,50")
    parser.add_argument("--people", type=int, default=200, help="conversations in the rota")
    parser.add_argument("--org", default="10000,200",
                        help="users,teams of the large organisation ('' to skip)")
    parser.add_argument("--org-level", type=int, default=10)
    parser.add_argument("--org-turns", type=int, default=200)
    parser.add_argument("--profile", action="store_true",
                        help="sample our server with py-spy through the card and invoke turns")
    parser.add_argument("--profile-level", type=int, default=10)
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
