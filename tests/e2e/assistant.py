"""The help assistant's side of the e2e service: documents in its library, a model stand-in,
and the answer cards it sends later, proactively."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.elements import card_actions
from knowledge.ingestion import Upload, add_help_document
from tests.e2e.service import Service, card_of, running_service
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import BOT
from tests.integration.knowledge.answering_openai_stand_in import CompletionsStandIn
from tests.paths import FIXTURES
from ticketflow.knowledge import build_knowledge
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings

HELP = FIXTURES / "help"
MODEL = "gpt-e2e"


async def add_documents(engine: AsyncEngine, database_url: str) -> dict[str, int]:
    knowledge = build_knowledge(Runtime(settings=Settings(database_url=database_url),
                                        engine=engine))
    ids = {}
    try:
        for filename, title in (("wifi-networks.txt", "Wi-Fi Networks"),
                                ("email-calendar.md", "Email and Calendar")):
            added = await add_help_document(
                uow=knowledge.uow(), indexer=knowledge.indexer, title=title,
                upload=Upload(filename, (HELP / filename).read_bytes()),
            )
            ids[filename] = added.document_id
    finally:
        await knowledge.close()
    return ids


@asynccontextmanager
async def running_helpdesk(
    engine: AsyncEngine, database_url: str, model: CompletionsStandIn
) -> AsyncIterator[Service]:
    """The service with two help documents indexed and `model` as its OpenAI endpoint."""
    await add_documents(engine, database_url)
    async with ConnectorStandIn() as connector:
        async with running_with_model(database_url, connector, model) as running:
            yield running


@asynccontextmanager
async def running_with_model(
    database_url: str,
    connector: ConnectorStandIn,
    model: CompletionsStandIn,
    *,
    model_name: str = MODEL,
) -> AsyncIterator[Service]:
    """The service with `model` as its OpenAI-compatible endpoint, talking to `connector`."""
    teams = TeamsActivities(service_url=connector.service_url, bot=BOT)
    async with running_service(
        database_url, connector, teams, openai_api_key="sk-e2e",
        openai_base_url=model.base_url, openai_model=model_name,
    ) as running:
        yield running


def answer_cards(service: Service) -> list[dict[str, Any]]:
    """Answer cards that reached the conversation: the ones offering "Create a ticket"."""
    return [
        card for activity in service.connector.sent_activities()
        if (card := card_of(activity)) is not None
        and any(action.get("verb") == "help.escalate" for action in card_actions(card))
    ]


async def wait_for_answers(service: Service, count: int = 1) -> list[dict[str, Any]]:
    await service.connector.wait_until(lambda _: len(answer_cards(service)) >= count)
    return answer_cards(service)


def button(card: dict[str, Any], title: str) -> dict[str, Any]:
    found = [a for a in card_actions(card) if a.get("title") == title]
    assert found, f"no {title} button: {[a.get('title') for a in card.get('actions', [])]}"
    return found[0]
