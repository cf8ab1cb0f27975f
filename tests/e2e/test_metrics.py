"""/metrics and turn observation over real HTTP, with the real bot on the real database.

`metered_service` wires the pieces the way `create_app` is to wire them (the metrics
route, the endpoint's observer, the counting event sink); until it does, this module
builds the app itself from the same public functions.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from botbuilder.core import ActivityHandler, TurnContext
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.handler import TicketFlowBot
from bot.identity import TeamsMemberDirectory
from bot.transport.adapter import create_adapter
from bot.transport.endpoint import MessagesEndpoint, add_messages_route
from bot.transport.observer import Observers, TurnOutcome
from bot.transport.settings import TransportSettings
from db.repositories.activity_receipts import SqlActivityReceipts
from db.uow import SqlUnitOfWork
from tests.e2e.service import WEB_URL, Service
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.integration.builders import insert_user
from tests.loopback import serving
from ticketflow.logs import TurnLog, configure_logging
from ticketflow.metrics import Metrics, add_metrics_route, build_metrics, counting_sink
from ticketflow.msteams import ReceiptDeduplicator, bot_dependencies, transport_settings
from ticketflow.runtime import open_runtime
from ticketflow.settings import Settings

Samples = dict[str, dict[tuple[tuple[str, str], ...], float]]


@dataclass
class Metered:
    service: Service
    metrics: Metrics

    async def scrape(self, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
        async with self.service.session.get(
            f"{self.service.base_url}/metrics", headers=headers or {}
        ) as response:
            return response.status, response.headers["Content-Type"], await response.text()


def parse(exposition: str) -> Samples:
    found: Samples = {}
    for family in text_string_to_metric_families(exposition):
        for sample in family.samples:
            found.setdefault(sample.name, {})[tuple(sorted(sample.labels.items()))] = sample.value
    return found


@asynccontextmanager
async def metered_service(
    database_url: str, connector: ConnectorStandIn, teams: TeamsActivities,
    *, bearer_token: str | None = None,
) -> AsyncIterator[Metered]:
    settings = Settings(database_url=database_url, web_url=WEB_URL)
    runtime = await open_runtime(settings)
    metrics = build_metrics(runtime)
    deps = replace(
        bot_dependencies(runtime),
        uow=lambda: SqlUnitOfWork(runtime.engine, event_sink=counting_sink(None, metrics)),
    )
    app = web.Application()
    add_messages_route(app, MessagesEndpoint(
        create_adapter(transport_settings(runtime)),
        TicketFlowBot(deps, TeamsMemberDirectory()),
        deduplicator=ReceiptDeduplicator(SqlActivityReceipts(runtime.engine)),
        observer=Observers(metrics, TurnLog()),
    ))
    add_metrics_route(app, metrics, bearer_token=bearer_token)
    try:
        async with serving(app) as base_url, aiohttp.ClientSession() as session:
            yield Metered(Service(base_url, session, connector, teams), metrics)
    finally:
        await runtime.close()


@pytest.fixture
def json_logs() -> Iterator[io.StringIO]:
    """JSON logging into a buffer, for this test only."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    output = io.StringIO()
    configure_logging(Settings(database_url="sqlite+aiosqlite:///unused", log_format="json"),
                      stream=output)
    yield output
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)


async def test_metrics_follow_turns_tickets_and_refusals_through_the_real_bot(
    engine: AsyncEngine, database_url: str, connector: ConnectorStandIn,
    teams: TeamsActivities,
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    async with metered_service(database_url, connector, teams) as metered:
        service = metered.service
        ada = service.person("ada@example.com", "Ada Lovelace")
        for said in ("help", "new ticket VPN drops every hour", "skip", "support", "low"):
            await service.say(said, user=ada)
        resent = teams.personal_message("my tickets", user=ada)
        assert (await service.post(resent)).status == 200
        assert (await service.post(resent)).status == 200
        async with service.session.post(f"{service.base_url}/api/messages", data=b"{not json",
                                         headers={"Content-Type": "application/json"}) as bad:
            assert bad.status == 400

        status, content_type, body = await metered.scrape()

    assert status == 200
    assert content_type.startswith("text/plain; version=0.0.4")
    found = parse(body)
    turns = found["ticketflow_turns_total"]
    assert turns[(("activity_type", "message"), ("outcome", "processed"))] == 6
    assert turns[(("activity_type", "message"), ("outcome", "duplicate"))] == 1
    assert turns[(("activity_type", "unread"), ("outcome", "refused"))] == 1
    assert found["ticketflow_ticket_events_total"][(("event", "ticket_created"),)] == 1
    buckets = found["ticketflow_turn_duration_seconds_bucket"]
    message_buckets = {dict(labels)["le"]: value for labels, value in buckets.items()
                       if dict(labels)["activity_type"] == "message"}
    assert {"0.1", "1.0", "5.0", "15.0", "+Inf"} <= set(message_buckets)
    assert message_buckets["+Inf"] == 6
    assert found["ticketflow_turn_duration_seconds_count"][(("activity_type", "message"),)] == 6
    assert found["ticketflow_outbox_readable"][()] == 1
    assert found["ticketflow_db_pool_checked_out"][()] == 0
    assert "process_resident_memory_bytes" in found or "process_cpu_seconds_total" in found


async def test_json_log_lines_of_a_turn_carry_its_activity_and_conversation(
    engine: AsyncEngine, database_url: str, connector: ConnectorStandIn,
    teams: TeamsActivities, json_logs: io.StringIO,
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    async with metered_service(database_url, connector, teams) as metered:
        ada = metered.service.person("ada@example.com", "Ada Lovelace")
        message = teams.personal_message("my tickets", user=ada)
        assert (await metered.service.post(message)).status == 200

    entries = [json.loads(line) for line in json_logs.getvalue().splitlines()]
    assert all({"time", "level", "logger", "message"} <= set(entry) for entry in entries)
    (finished,) = [e for e in entries if e["logger"] == "ticketflow.turns"]
    assert finished["activity_id"] == message["id"]
    assert finished["conversation_id"] == message["conversation"]["id"]
    assert finished["outcome"] == "processed"
    assert not [e for e in entries if e.get("activity_id") not in (None, message["id"])]


async def test_with_a_token_only_scrapers_that_send_it_are_answered(
    engine: AsyncEngine, database_url: str, connector: ConnectorStandIn,
    teams: TeamsActivities,
) -> None:
    async with metered_service(database_url, connector, teams,
                               bearer_token="scrape-token-123") as metered:
        refused = await metered.scrape()
        wrong = await metered.scrape({"Authorization": "Bearer nope"})
        allowed = await metered.scrape({"Authorization": "Bearer scrape-token-123"})
    assert (refused[0], wrong[0], allowed[0]) == (401, 401, 200)
    assert "ticketflow_turns_total" in allowed[2]


async def test_an_openmetrics_scraper_gets_openmetrics(
    engine: AsyncEngine, database_url: str, connector: ConnectorStandIn,
    teams: TeamsActivities,
) -> None:
    async with metered_service(database_url, connector, teams) as metered:
        _, content_type, body = await metered.scrape(
            {"Accept": "application/openmetrics-text; version=1.0.0,text/plain;q=0.5"})
    assert content_type.startswith("application/openmetrics-text")
    assert body.rstrip().endswith("# EOF")


# The endpoint's observer, with a small bot and no database


@dataclass
class RecordingObserver:
    started: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    finished: list[tuple[str, TurnOutcome]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)

    def turn_started(self, *, activity_type: str, activity_id: str | None,
                     conversation_id: str | None) -> None:
        self.started.append((activity_type, activity_id, conversation_id))

    def turn_finished(self, activity_type: str, outcome: TurnOutcome, seconds: float) -> None:
        self.finished.append((activity_type, outcome))
        self.seconds.append(seconds)


class EchoOrFail(ActivityHandler):
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        if turn_context.activity.text == "fail":
            raise RuntimeError("a bug in the turn")
        await turn_context.send_activity(f"echo: {turn_context.activity.text}")


@asynccontextmanager
async def observed_bot(observer: RecordingObserver, engine: AsyncEngine) -> AsyncIterator[str]:
    app = web.Application()
    add_messages_route(app, MessagesEndpoint(
        create_adapter(TransportSettings()), EchoOrFail(),
        deduplicator=ReceiptDeduplicator(SqlActivityReceipts(engine)), observer=observer,
    ))
    async with serving(app) as base_url:
        yield f"{base_url}/api/messages"


async def post(url: str, body: Any, content_type: str = "application/json") -> int:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    async with aiohttp.ClientSession() as session, session.post(
        url, data=data, headers={"Content-Type": content_type}
    ) as response:
        return response.status


async def test_the_endpoint_reports_each_request_once_with_how_it_ended(
    teams: TeamsActivities, connector: ConnectorStandIn, engine: AsyncEngine,
) -> None:
    observer = RecordingObserver()
    hello = teams.personal_message("hello")
    off_machine = {
        **teams.personal_message("hi"), "serviceUrl": "https://smba.trafficmanager.net/emea/"
    }
    async with observed_bot(observer, engine) as url:
        statuses = [
            await post(url, hello),
            await post(url, hello),
            await post(url, teams.personal_message("fail")),
            await post(url, off_machine),
            await post(url, hello, content_type="text/plain"),
            await post(url, b"[1, 2]"),
        ]
    assert statuses == [200, 200, 500, 403, 415, 400]
    assert observer.finished == [
        ("message", TurnOutcome.PROCESSED),
        ("message", TurnOutcome.DUPLICATE),
        ("message", TurnOutcome.FAILED),
        ("message", TurnOutcome.REFUSED),
        ("unread", TurnOutcome.REFUSED),
        ("unread", TurnOutcome.REFUSED),
    ]
    assert observer.started[0] == ("message", hello["id"], hello["conversation"]["id"])
    assert len(observer.started) == 4  # the unread bodies never started a turn
    assert all(seconds >= 0 for seconds in observer.seconds)
    assert connector.texts() == ["echo: hello"]
