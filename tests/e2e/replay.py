"""The whole service as deployed, for replaying Teams activities through the signed
endpoint; and what a replay may change (rows, conversation references, connector writes)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.metadata import metadata
from db.tables import bot_conversation_refs
from db.tables.bot import bot_activity_receipts, bot_state
from tests.e2e.service import Service, running_service
from tests.e2e.teams_doubles.bot_server import BotAnswer
from tests.e2e.teams_doubles import published as p
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.credentials import StaticTokenCredentialsFactory
from tests.e2e.teams_doubles.fixtures import BOT, CONNECTOR_HOSTS
from tests.e2e.teams_doubles.openid import OpenIdStandIn
from tests.e2e.teams_doubles.tokens import TokenSigner
from tests.integration.builders import insert_user

Build = Callable[[TeamsActivities], dict[str, Any]]


@dataclass(frozen=True)
class Shape:
    id: str
    build: Build

    def param(self) -> Any:
        return pytest.param(self.build, id=self.id)


BOOKKEEPING = {bot_activity_receipts.name, bot_state.name, "sessions"}


@pytest_asyncio.fixture
async def teams_service(
    engine: AsyncEngine, database_url: str, connector: ConnectorStandIn, openid: OpenIdStandIn,
    token_signer: TokenSigner, outbound_credentials: StaticTokenCredentialsFactory,
) -> AsyncIterator[Service]:
    """The whole service as deployed: every request signed, every token checked."""
    teams = TeamsActivities(service_url=connector.service_url, bot=BOT)
    token = token_signer.valid(service_url=connector.service_url)
    async with running_service(
        database_url, connector, teams, credentials_factory=outbound_credentials,
        headers={"Authorization": f"Bearer {token}"}, app_id=BOT.app_id,
        app_password="not-used", openid_metadata_url=openid.metadata_url,
        connector_hosts=CONNECTOR_HOSTS,
    ) as running:
        yield running


async def state(engine: AsyncEngine) -> dict[str, object]:
    """Rows per table (bookkeeping aside), and the conversations the bot may post to."""
    async with engine.connect() as connection:
        found: dict[str, object] = {
            table.name: (await connection.execute(
                select(func.count()).select_from(table))).scalar_one()
            for table in metadata.sorted_tables if table.name not in BOOKKEEPING
        }
        found["conversations"] = sorted((await connection.execute(
            select(bot_conversation_refs.c.conversation_id))).scalars())
    return found


def changes(before: dict[str, object], after: dict[str, object]) -> dict[str, object]:
    return {name: (before.get(name), value) for name, value in after.items()
            if before.get(name) != value}


async def conversations(engine: AsyncEngine) -> list[str]:
    known: list[str] = (await state(engine))["conversations"]  # type: ignore[assignment]
    return known


async def known_everywhere(service: Service, engine: AsyncEngine) -> str:
    """Ada (her user id is returned) has talked to the bot, which is installed in her team
    and a group chat."""
    ada_id = await insert_user(engine, role="user", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    service.teams.user = ada
    await service.say("help", user=ada)
    for install in (p.installed("add", where="team"), p.installed("add", where="groupChat")):
        assert (await service.post(install(service.teams))).status == 200
    return ada_id


def writes(connector: ConnectorStandIn, since: int) -> list[str]:
    return [call.operation for call in connector.calls[since:]
            if call.operation in ("send", "reply", "update", "delete")]


async def count(engine: AsyncEngine, table: Any) -> int:
    async with engine.connect() as connection:
        found: int = (await connection.execute(
            select(func.count()).select_from(table))).scalar_one()
    return found


async def posted_quietly(
    service: Service, engine: AsyncEngine, activity: dict[str, Any]
) -> BotAnswer:
    """The answer to `activity`, which must have written nothing to Teams and changed no
    row or conversation reference."""
    before, since = await state(engine), len(service.connector.calls)
    answer = await service.post(activity)
    assert writes(service.connector, since) == [], answer.text
    assert changes(before, await state(engine)) == {}, answer.text
    return answer
