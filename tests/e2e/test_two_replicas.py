"""Two `ticketflow serve` processes on one PostgreSQL behave as one bot."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.served import free_port, serving, until_ready
from tests.e2e.service import Service, texts_in
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import BOT
from tests.integration.builders import insert_user

pytestmark = pytest.mark.postgres_only


@asynccontextmanager
async def two_servers(database_url: str) -> AsyncIterator[tuple[Service, Service]]:
    ports = (free_port(), free_port())
    while ports[1] == ports[0]:
        ports = (ports[0], free_port())
    async with ConnectorStandIn() as connector:
        teams = TeamsActivities(service_url=connector.service_url, bot=BOT)
        with serving(database_url, ports[0]) as one, serving(database_url, ports[1]) as other:
            async with aiohttp.ClientSession() as session:
                for port, process in zip(ports, (one, other), strict=True):
                    await until_ready(session, port, process)
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
