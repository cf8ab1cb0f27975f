"""A `ticketflow serve` killed in the middle of a turn: Teams' resend runs the turn once."""

from __future__ import annotations

import asyncio
import signal
import subprocess
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import aiohttp
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import bot_activity_receipts, tasks
from tests.e2e.served import free_port, serving, until_ready
from tests.e2e.service import Service, texts_in
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import BOT
from tests.integration.builders import insert_user
from tests.waiting import until

T = TypeVar("T")



async def _answered(engine: AsyncEngine) -> list[bool]:
    """Whether each redelivery receipt records an answer."""
    async with engine.connect() as connection:
        rows = await connection.execute(select(bot_activity_receipts.c.answered_at))
        return [answered is not None for (answered,) in rows]


async def _killed_while_replying(
    service: Service, server: subprocess.Popen[bytes], activity: dict[str, Any],
    *, then: Callable[[], Awaitable[T]] | None = None,
) -> T | None:
    """Posts `activity`, holds its reply at the Bot Connector, reads `then()` while the turn
    waits there, and kills the server with SIGKILL, as a crash or the OOM killer would."""
    connector = service.connector
    connector.hold()
    sending = asyncio.ensure_future(
        service.session.post(f"{service.base_url}/api/messages", json=activity))
    await until(lambda: connector.holding >= 1, what="the turn sending its reply")
    seen = await then() if then is not None else None
    server.send_signal(signal.SIGKILL)
    server.wait(timeout=30)
    try:
        await sending
    except aiohttp.ClientError:
        pass  # the connection died with the server, as Teams would see it
    connector.release()
    await until(lambda: connector.holding == 0, what="the dead turn's reply let go")
    return seen


async def test_a_message_whose_server_was_killed_mid_turn_is_run_by_the_resend_once(
    engine: AsyncEngine, database_url: str
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    port = free_port()
    async with ConnectorStandIn() as connector, aiohttp.ClientSession() as session:
        service = Service(f"http://127.0.0.1:{port}", session, connector,
                          TeamsActivities(service_url=connector.service_url, bot=BOT))
        ada = service.person("ada@example.com", "Ada Lovelace")
        message = service.teams.personal_message("help", user=ada)

        with serving(database_url, port) as first:
            await until_ready(session, port)
            # the turn has claimed the message and waits on its reply
            await _killed_while_replying(service, first, message)
        assert await _answered(engine) == [False]

        with serving(database_url, port):
            await until_ready(session, port)
            resent = await service.send(message)
            assert resent.answer.status == 200
            assert resent.texts or resent.cards, "the resend was taken for a duplicate"

            again = await service.send(message)
            assert again.answer.status == 200
            assert again.sent == []
        assert await _answered(engine) == [True]


async def _tickets(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as connection:
        return list((await connection.execute(select(tasks.c.ticket_number))).scalars())


async def test_a_ticket_filed_by_a_turn_killed_before_its_reply_is_not_filed_again_by_the_resend(
    engine: AsyncEngine, database_url: str
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    port = free_port()
    async with ConnectorStandIn() as connector, aiohttp.ClientSession() as session:
        service = Service(f"http://127.0.0.1:{port}", session, connector,
                          TeamsActivities(service_url=connector.service_url, bot=BOT))
        ada = service.person("ada@example.com", "Ada Lovelace")
        last_answer = service.teams.personal_message("high", user=ada)

        with serving(database_url, port) as first:
            await until_ready(session, port)
            for said in ("new ticket", "Screen is black", "No signal on HDMI", "incident"):
                await service.say(said, user=ada)
            # the ticket is committed; its "Filed" reply waits on Teams
            filed = await _killed_while_replying(service, first, last_answer,
                                                 then=lambda: _tickets(engine))
        assert len(filed) == 1

        with serving(database_url, port):
            await until_ready(session, port)
            resent = await service.send(last_answer)

        assert resent.answer.status == 200
        assert await _tickets(engine) == filed
        assert any(f"Filed {filed[0]}" in texts_in(card) for card in resent.cards), resent.texts
