"""End-to-end fixtures: the real service with the Teams doubles, on an emptied database (with
the help assistant: `helpdesk` and its `model`), and the doubles themselves (`connector`,
`teams`, `serve_bot`, `openid`, …) for every e2e test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.assistant import running_helpdesk
from tests.e2e.service import Service, running_service
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import BOT
from tests.e2e.teams_doubles.fixtures import *  # noqa: F403 - the doubles' fixtures, by name
from tests.integration.knowledge.answering_openai_stand_in import CompletionsStandIn


@pytest_asyncio.fixture
async def service(engine: AsyncEngine, database_url: str) -> AsyncIterator[Service]:
    async with ConnectorStandIn() as connector:
        teams = TeamsActivities(service_url=connector.service_url, bot=BOT)
        async with running_service(database_url, connector, teams) as running:
            yield running


@pytest_asyncio.fixture
async def model() -> AsyncIterator[CompletionsStandIn]:
    """An OpenAI-compatible server on loopback that answers as the test scripts it."""
    async with CompletionsStandIn() as server:
        yield server


@pytest_asyncio.fixture
async def helpdesk(
    engine: AsyncEngine, database_url: str, model: CompletionsStandIn
) -> AsyncIterator[Service]:
    """The service with help documents indexed and `model` answering its questions."""
    async with running_helpdesk(engine, database_url, model) as running:
        yield running
