"""The card and invoke turns of this checkout against another commit's, in one run.

    python -m bench.turns_against REV [--levels 1,10] [--turns 200] [--rounds 5]

REV's tree is exported (`git archive`) into a temporary folder and served by its own
code: its migrations make its database, its domain services seed it (`bench/turns_seed.py`
run with REV's code first on the path), its `ticketflow serve` answers. Both servers run
at once, pinned to the same core (`taskset`, where there are two cores); the driver and
the Bot Connector stand-in are on the other. At each level the two sides' card and
invoke stretches are interleaved round by round (A B, then B A, ...), so what the rest of
the machine does hits both alike; the medians over the rounds are reported with the ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from bench.turns import (
    BENCH,
    DRIVER_CORE,
    Run,
    TicketTurns,
    _can_pin,
    _wait_ready,
    bench_people,
    check_card_replies,
    measured,
    post,
    scratch_database,
    server,
)
from tests.e2e.teams_doubles.activities import TeamsActivities, TeamsBot
from tests.e2e.teams_doubles.connector import ConnectorStandIn

ROOT = BENCH.parent


@dataclass
class Side:
    """One commit's code, database and server."""

    label: str
    root: Path
    turns: TicketTurns | None = None
    pid: int = 0
    runs: dict[tuple[str, int], list[Run]] = field(default_factory=dict)

    @property
    def env(self) -> dict[str, str]:
        path = os.environ.get("PYTHONPATH")
        return {"PYTHONPATH": f"{self.root}{os.pathsep}{path}" if path else str(self.root)}

    def run(self, command: list[str], env: dict[str, str]) -> str:
        done = subprocess.run(command, cwd=self.root, env={**os.environ, **self.env, **env},
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{self.label}: {' '.join(command[:4])} failed:\n"
                               f"{done.stderr[-1500:]}")
        return done.stdout


def export(rev: str, folder: Path) -> str:
    """REV's tree into `folder`; its short commit id."""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", rev], check=True,
                            capture_output=True, text=True).stdout.strip()
    archive = folder.with_suffix(".tar")
    subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive),
                    commit], check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    archive.unlink()
    return commit


def check_code(side: Side) -> None:
    """The side's server must import its own code, not this checkout's installed one."""
    where = side.run([sys.executable, "-c", "import bot, domain; print(bot.__file__); "
                      "print(domain.__file__)"], {}).split()
    if not all(Path(path).resolve().is_relative_to(side.root.resolve()) for path in where):
        raise RuntimeError(f"{side.label} would not run its own code: {where}")


async def prepare(stack: AsyncExitStack, side: Side, port: int, people: int,
                  connector: ConnectorStandIn, session: aiohttp.ClientSession) -> None:
    check_code(side)
    url = await stack.enter_async_context(scratch_database("against"))
    env = {"TICKETFLOW_DATABASE_URL": url, "TICKETFLOW_LOG_LEVEL": "WARNING"}
    side.run([sys.executable, "-m", "ticketflow.cli", "migrate"], env)
    persons = await bench_people(connector, people, "bench")
    seeded = json.loads(side.run(
        [sys.executable, str(BENCH / "turns_seed.py"), url, str(people), "bench"], {}))
    tickets = [(int(id_), str(number), str(version)) for id_, number, version in seeded]
    # `server` runs in this process's folder: give the side its folder through a shell.
    command = ["sh", "-c", f'cd "{side.root}" && exec "{sys.executable}" -m ticketflow.cli '
               f"serve --port {port}"]
    side.pid = await stack.enter_async_context(server(command, {**env, **side.env}))
    base = f"http://127.0.0.1:{port}"
    await _wait_ready(session, f"{base}/healthz")
    teams = TeamsActivities(service_url=connector.service_url, bot=TeamsBot())
    for person in persons:  # enrolment: each person has said hello once
        await post(session, f"{base}/api/messages", teams.personal_message("help", user=person))
    side.turns = TicketTurns(session, f"{base}/api/messages", teams, persons, tickets)
    connector.calls.clear()
    await side.turns.card(0)
    check_card_replies(connector, {number for _, number, _ in tickets})


def _median(runs: list[Run], value: str) -> float:
    return statistics.median(getattr(run, value) if value != "p95" else run.percentile(.95)
                             for run in runs)


def report(sides: list[Side], levels: list[int]) -> None:
    this, other = sides
    print(f"\nmedians over the rounds; ratio = {this.label} / {other.label}")
    print(f"{'scenario':<8} {'conv':>4} | {'side':<10} {'CPU ms/turn':>11} {'turns/s':>8} "
          f"{'p95 ms':>7} | {'CPU ratio':>9}")
    for level in levels:
        for scenario in ("card", "invoke"):
            cpu = {}
            for side in sides:
                runs = side.runs[(scenario, level)]
                cpu[side.label] = _median(runs, "cpu_ms_per_turn")
                print(f"{scenario:<8} {level:>4} | {side.label:<10} {cpu[side.label]:>11.2f} "
                      f"{_median(runs, 'throughput'):>8.1f} {_median(runs, 'p95'):>7.0f} |")
            print(f"{'':<8} {'':>4} | {'':<10} {'':>11} {'':>8} {'':>7} | "
                  f"{cpu[this.label] / cpu[other.label]:>8.2f}x")


async def main(args: argparse.Namespace) -> None:
    if _can_pin():
        os.sched_setaffinity(0, {DRIVER_CORE})
    levels = [int(level) for level in args.levels.split(",")]
    with tempfile.TemporaryDirectory(prefix="tf-against-") as temporary:
        folder = Path(temporary) / "tree"
        commit = export(args.rev, folder)
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              check=True, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--",
                                *_code_folders()], capture_output=True, text=True).stdout.strip()
        sides = [Side(f"{head}{'+' if dirty else ''}", ROOT), Side(commit, folder)]
        print(f"this checkout {sides[0].label} against {commit}; load {_load()}")
        async with AsyncExitStack() as stack:
            connector = await stack.enter_async_context(ConnectorStandIn())
            session = await stack.enter_async_context(
                aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)))
            for offset, side in enumerate(sides):
                await prepare(stack, side, args.port + offset, args.people, connector, session)
            print(f"{'round':>5} {'scenario':<8} {'conv':>4} | {'side':<10} {'CPU ms/turn':>11} "
                  f"{'turns/s':>8}")
            for level in levels:
                for round_ in range(args.rounds):
                    for side in sides if round_ % 2 == 0 else sides[::-1]:
                        assert side.turns is not None
                        for scenario, turn in (("card", side.turns.card),
                                               ("invoke", side.turns.invoke)):
                            run = await measured(side.pid, scenario, level, args.turns, turn)
                            side.runs.setdefault((scenario, level), []).append(run)
                            print(f"{round_:>5} {scenario:<8} {level:>4} | {side.label:<10} "
                                  f"{run.cpu_ms_per_turn:>11.2f} {run.throughput:>8.1f}",
                                  flush=True)
                    connector.calls.clear()
            report(sides, levels)
        print(f"load at the end {_load()}")


def _code_folders() -> list[str]:
    return ["bot", "db", "domain", "ticketflow", "notify", "knowledge", "migrations"]


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="the commit to measure against, e.g. bc58b80")
    parser.add_argument("--levels", default="1,10")
    parser.add_argument("--turns", type=int, default=200, help="turns per stretch")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--people", type=int, default=200, help="conversations in the rota")
    parser.add_argument("--port", type=int, default=4090)
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse()))
