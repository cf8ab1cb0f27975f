"""A `ticketflow serve` killed in the middle of a turn: Teams' resend runs the turn once."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import aiohttp
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import bot_activity_receipts
from tests.e2e.service import Service
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import BOT
from tests.integration.builders import insert_user
from tests.waiting import eventually, until

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(database_url: str, port: int) -> Iterator[subprocess.Popen[bytes]]:
    env = {**os.environ, "TICKETFLOW_DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "ticketflow.cli", "serve", "--port", str(port)],
            env=env, cwd=ROOT, stdout=log, stderr=log,
        )
        try:
            yield process
        except BaseException:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace")[-20_000:])
            raise
        finally:
            if process.poll() is None:
                process.terminate()
            process.wait(timeout=60)


async def _ready(session: aiohttp.ClientSession, port: int) -> None:
    async def answers() -> bool:
        try:
            async with session.get(f"http://127.0.0.1:{port}/readyz") as answer:
                return answer.status == 200
        except aiohttp.ClientError:
            return False

    await eventually(answers, what=f"the server on port {port} ready", seconds=30, every=0.05)


async def _answered(engine: AsyncEngine) -> list[bool]:
    """Whether each redelivery receipt records an answer."""
    async with engine.connect() as connection:
        rows = await connection.execute(select(bot_activity_receipts.c.answered_at))
        return [answered is not None for (answered,) in rows]


async def test_a_message_whose_server_was_killed_mid_turn_is_run_by_the_resend_once(
    engine: AsyncEngine, database_url: str
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    port = _free_port()
    async with ConnectorStandIn() as connector, aiohttp.ClientSession() as session:
        service = Service(f"http://127.0.0.1:{port}", session, connector,
                          TeamsActivities(service_url=connector.service_url, bot=BOT))
        ada = service.person("ada@example.com", "Ada Lovelace")
        message = service.teams.personal_message("help", user=ada)

        with serving(database_url, port) as first:
            await _ready(session, port)
            connector.hold()  # the turn has claimed the message and waits on its reply
            posted = service.session.post(f"{service.base_url}/api/messages", json=message)
            sending = asyncio.ensure_future(posted)
            await until(lambda: connector.holding >= 1, what="the turn sending its reply")
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=30)
            try:
                await sending
            except aiohttp.ClientError:
                pass  # the connection died with the server, as Teams would see it
            connector.release()
            await until(lambda: connector.holding == 0, what="the dead turn's reply let go")
        assert await _answered(engine) == [False]

        with serving(database_url, port):
            await _ready(session, port)
            resent = await service.send(message)
            assert resent.answer.status == 200
            assert resent.texts or resent.cards, "the resend was taken for a duplicate"

            again = await service.send(message)
            assert again.answer.status == 200
            assert again.sent == []
        assert await _answered(engine) == [True]
