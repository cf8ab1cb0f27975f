"""End-to-end fixtures: the real service with the Teams doubles, on an emptied database."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service, running_service
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import BOT


@pytest_asyncio.fixture
async def service(engine: AsyncEngine, database_url: str) -> AsyncIterator[Service]:
    async with ConnectorStandIn() as connector:
        teams = TeamsActivities(service_url=connector.service_url, bot=BOT)
        async with running_service(database_url, connector, teams) as running:
            yield running
