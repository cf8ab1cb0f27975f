"""Two `ticketflow serve` processes on one PostgreSQL behave as one bot."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, texts_in
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import BOT
from tests.integration.builders import insert_user
from tests.waiting import eventually

pytestmark = pytest.mark.postgres_only
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def server_process(database_url: str, port: int) -> Iterator[None]:
    env = {**os.environ, "TICKETFLOW_DATABASE_URL": database_url}
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "ticketflow.cli", "serve", "--port", str(port)],
            env=env, cwd=ROOT, stdout=log, stderr=log,
        )
        try:
            yield
        except BaseException:
            log.seek(0)
            sys.stderr.write(f"--- the server on port {port} logged:\n")
            sys.stderr.write(log.read().decode(errors="replace")[-20_000:])
            raise
        finally:
            process.terminate()
            process.wait(timeout=60)


async def _until_ready(session: aiohttp.ClientSession, port: int) -> None:
    async def ready() -> bool:
        try:
            async with session.get(f"http://127.0.0.1:{port}/readyz") as answer:
                return answer.status == 200
        except aiohttp.ClientError:
            return False

    await eventually(ready, what=f"the server on port {port} ready", seconds=30, every=0.05)


@asynccontextmanager
async def two_servers(database_url: str) -> AsyncIterator[tuple[Service, Service]]:
    ports = (_free_port(), _free_port())
    async with ConnectorStandIn() as connector:
        teams = TeamsActivities(service_url=connector.service_url, bot=BOT)
        with server_process(database_url, ports[0]), server_process(database_url, ports[1]):
            async with aiohttp.ClientSession() as session:
                for port in ports:
                    await _until_ready(session, port)
                yield tuple(  # type: ignore[misc]
                    Service(f"http://127.0.0.1:{port}", session, connector, teams) for port in ports
                )


async def test_a_dialog_moves_between_replicas_and_concurrent_creations_stay_unique(
    engine: AsyncEngine, database_url: str
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    async with two_servers(database_url) as (first, second):
        ada = first.person("ada@example.com", "Ada Lovelace")
        second.users = first.users
        steps = [(first, "new ticket", "What's the problem"),
                 (second, "Conference room screen is black", "Describe it"),
                 (first, "No signal on HDMI 1", "Which kind of ticket"),
                 (second, "incident", "How urgent"),
                 (first, "high", "Filed TKT-")]
        for replica, said, expected in steps:
            turn = await replica.say(said, user=ada)
            shown = turn.texts + [texts_in(card) for card in turn.cards]
            assert any(expected in text for text in shown), (said, shown)

        async def create(replica: Service, index: int) -> None:
            card = await replica.press(
                "ticket.create", {"title": f"Load {index}", "category": "support"}, user=ada)
            assert "Filed TKT-" in texts_in(card)

        await asyncio.gather(*(create((first, second)[i % 2], i) for i in range(30)))

    async with engine.connect() as connection:
        numbers = list((await connection.execute(select(tasks.c.ticket_number))).scalars())
    sequences = sorted(int(number.rsplit("-", 1)[1]) for number in numbers)
    assert sequences == list(range(1, 32))
