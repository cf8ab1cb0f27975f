"""`GET /metrics`: what an operator graphs and alerts on, in the Prometheus text format.

Everything lives in a `CollectorRegistry` built per application by `build_metrics`
(prometheus_client's global default registry is never used, so two apps in one
process, as in tests, never share counts).

- turns by activity type and outcome, and how long the turns that ran took
  (`TurnObserver`, fed by the messages endpoint);
- ticket events, created tickets among them, made through this service
  (`counting_sink` around the unit of work's event sink; changes the web app makes
  itself are not seen here);
- the notification outbox by status, its depth and the age of its oldest unfinished
  delivery, read from the database at each scrape; delivery attempts by result and
  help-assistant answers by outcome, counted by the code that makes them;
- the database pool, and the process (CPU, memory, file descriptors, GC).

Label values are bounded: the activity type arrives in an unauthenticated body, so
anything but a Bot Framework activity type is counted as "other".
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from importlib import metadata as distribution
from typing import Any

from aiohttp import web
from prometheus_client import (
    CollectorRegistry,
    Counter,
    GCCollector,
    Histogram,
    Info,
    PlatformCollector,
    ProcessCollector,
)
from prometheus_client.exposition import choose_encoder
from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.transport.observer import ACTIVITY_TYPES, MESSAGE, TurnOutcome
from domain.clock import utcnow
from domain.events import EventType, TicketEvent
from domain.ports import EventSink
from ticketflow.runtime import Runtime

log = logging.getLogger(__name__)

OTHER = "other"
# Teams resends after ~15 s and gives message extensions 5 s: buckets around both.
TURN_BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 15.0, 30.0)
DELIVERY_RESULTS = ("delivered", "retry_later", "gone", "rejected")
"""`notify.webhook.DeliveryResult` values."""
OUTBOX_STATUSES = ("pending", "leased", "delivered", "dead", "disabled")
UNFINISHED = ("pending", "leased")

EventSinkFactory = Callable[[AsyncConnection], EventSink]


class AnswerOutcome(StrEnum):
    ANSWERED = "answered"
    """An answer grounded in the help documents, with citations."""
    NO_ANSWER = "no_answer"
    """Nothing in the documents answered it (the person may file a ticket instead)."""
    FAILED = "failed"
    """The model endpoint failed or timed out."""


ANSWER_OUTCOMES = frozenset(outcome.value for outcome in AnswerOutcome)


@dataclass(frozen=True, slots=True)
class OutboxSnapshot:
    counts: dict[str, int]
    oldest_unfinished_age: float | None


class Metrics:
    """The service's instruments; also the `TurnObserver` the messages endpoint reports to."""

    def __init__(self, registry: CollectorRegistry, *, engine: AsyncEngine | None = None) -> None:
        self.registry = registry
        self._engine = engine
        self._outbox: OutboxSnapshot | None = None
        self._turns = Counter(
            "ticketflow_turns", "Requests on /api/messages by activity type and outcome.",
            ("activity_type", "outcome"), registry=registry,
        )
        self._turn_seconds = Histogram(
            "ticketflow_turn_duration_seconds",
            "Time from request to answer for turns that ran (processed or failed).",
            ("activity_type",), buckets=TURN_BUCKETS, registry=registry,
        )
        self._ticket_events = Counter(
            "ticketflow_ticket_events",
            "Ticket changes made through this service, by event (ticket_created: new tickets).",
            ("event",), registry=registry,
        )
        self._assistant_answers = Counter(
            "ticketflow_assistant_answers", "Help-assistant answers by outcome.",
            ("outcome",), registry=registry,
        )
        self._delivery_attempts = Counter(
            "ticketflow_delivery_attempts", "Notification delivery attempts by result.",
            ("result",), registry=registry,
        )
        for outcome in TurnOutcome:  # every series exists from the start: rate() needs a zero
            self._turns.labels(MESSAGE, outcome.value)
        for event in EventType:
            self._ticket_events.labels(event.value)
        for answer in AnswerOutcome:
            self._assistant_answers.labels(answer.value)
        for result in DELIVERY_RESULTS:
            self._delivery_attempts.labels(result)

    # TurnObserver

    def turn_started(
        self, *, activity_type: str, activity_id: str | None, conversation_id: str | None
    ) -> None:
        """Nothing to count until the turn ends."""

    def turn_finished(self, activity_type: str, outcome: TurnOutcome, seconds: float) -> None:
        kind = activity_type if activity_type in ACTIVITY_TYPES else OTHER
        self._turns.labels(kind, outcome.value).inc()
        if outcome in (TurnOutcome.PROCESSED, TurnOutcome.FAILED):
            self._turn_seconds.labels(kind).observe(seconds)

    # Called by the code that does the work

    def ticket_changed(self, event: EventType) -> None:
        self._ticket_events.labels(event.value).inc()

    def assistant_answered(self, outcome: AnswerOutcome | str) -> None:
        value = str(outcome)
        self._assistant_answers.labels(value if value in ANSWER_OUTCOMES else OTHER).inc()

    def delivery_attempted(self, result: str) -> None:
        value = str(result)
        self._delivery_attempts.labels(value if value in DELIVERY_RESULTS else OTHER).inc()

    # Read at each scrape

    async def refresh(self) -> None:
        """Reads what lives in the database; a failure drops those series, never the scrape."""
        if self._engine is None:
            return
        try:
            self._outbox = await read_outbox(self._engine)
        except SQLAlchemyError as error:
            log.warning("metrics: could not read the notification outbox: %s", error)
            self._outbox = None

    @property
    def outbox(self) -> OutboxSnapshot | None:
        return self._outbox

    def exposition(self, accept: str | None = None) -> tuple[bytes, str]:
        """The body and content type for a scraper that sent this `Accept` header."""
        encode, content_type = choose_encoder(accept or "")
        return encode(self.registry), content_type


async def read_outbox(engine: AsyncEngine) -> OutboxSnapshot | None:
    """Counts by status and the oldest unfinished row; None where the table is not there."""
    try:
        from db.tables import notification_outbox as outbox
    except ImportError:  # a build without notifications: nothing to report
        return None
    async with engine.connect() as connection:
        rows = (
            await connection.execute(
                select(outbox.c.status, func.count()).group_by(outbox.c.status)
            )
        ).all()
        oldest = await connection.scalar(
            select(func.min(outbox.c.created_at)).where(outbox.c.status.in_(UNFINISHED))
        )
    counts = {status: 0 for status in OUTBOX_STATUSES}
    counts.update({str(status): int(count) for status, count in rows})
    age = None if oldest is None else max(0.0, (utcnow() - oldest).total_seconds())
    return OutboxSnapshot(counts=counts, oldest_unfinished_age=age)


class OutboxCollector:
    """Series from the last snapshot `Metrics.refresh` took; none when it could not take one."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    def collect(self) -> Iterable[Metric]:
        snapshot = self._metrics.outbox
        up = GaugeMetricFamily(
            "ticketflow_outbox_readable", "1 if this scrape could read the notification outbox."
        )
        up.add_metric([], 1 if snapshot is not None else 0)
        yield up
        if snapshot is None:
            return
        rows = GaugeMetricFamily(
            "ticketflow_outbox_deliveries", "Outbox rows by status.", labels=["status"]
        )
        for status, count in sorted(snapshot.counts.items()):
            rows.add_metric([status], count)
        yield rows
        yield GaugeMetricFamily(
            "ticketflow_outbox_depth", "Deliveries not finished yet (pending or leased).",
            value=sum(snapshot.counts.get(status, 0) for status in UNFINISHED),
        )
        if snapshot.oldest_unfinished_age is not None:
            yield GaugeMetricFamily(
                "ticketflow_outbox_oldest_unfinished_age_seconds",
                "Age of the oldest delivery not finished yet.",
                value=snapshot.oldest_unfinished_age,
            )


class PoolCollector:
    """Connections of the SQLAlchemy pool, read live at each scrape."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    def collect(self) -> Iterable[Metric]:
        pool: Any = self._engine.sync_engine.pool  # `dispose()` swaps the pool: look it up now
        if not all(hasattr(pool, name) for name in ("size", "checkedout", "checkedin")):
            return  # a pool without counts (NullPool, StaticPool) has nothing to show
        yield GaugeMetricFamily(
            "ticketflow_db_pool_size", "Connections the pool keeps open.", value=pool.size()
        )
        yield GaugeMetricFamily(
            "ticketflow_db_pool_checked_out", "Connections in use now.", value=pool.checkedout()
        )
        yield GaugeMetricFamily(
            "ticketflow_db_pool_idle", "Open connections waiting in the pool.",
            value=pool.checkedin(),
        )


class CountingSink:
    """An `EventSink` that counts ticket events (created tickets among them), then hands them on."""

    def __init__(self, inner: EventSink | None, metrics: Metrics) -> None:
        self._inner = inner
        self._metrics = metrics

    async def record(self, events: list[TicketEvent]) -> None:
        if self._inner is not None:
            await self._inner.record(events)
        # Counted just before the commit; a commit failing after this (rare) over-counts.
        for event in events:
            self._metrics.ticket_changed(event.type)


def counting_sink(inner_factory: EventSinkFactory | None, metrics: Metrics) -> EventSinkFactory:
    """The factory `SqlUnitOfWork(engine, event_sink=...)` takes, counting ticket events."""

    def sink(connection: AsyncConnection) -> EventSink:
        inner = inner_factory(connection) if inner_factory is not None else None
        return CountingSink(inner, metrics)

    return sink


def build_metrics(runtime: Runtime) -> Metrics:
    """A fresh registry with every TicketFlow instrument and the process collectors."""
    registry = CollectorRegistry()
    metrics = Metrics(registry, engine=runtime.engine)
    registry.register(OutboxCollector(metrics))
    registry.register(PoolCollector(runtime.engine))
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)
    GCCollector(registry=registry)
    Info("ticketflow_build", "Version and database backend.", registry=registry).info(
        {"version": _version(), "backend": runtime.settings.backend}
    )
    return metrics


def add_metrics_route(
    app: web.Application,
    metrics: Metrics,
    *,
    path: str = "/metrics",
    bearer_token: str | None = None,
) -> None:
    """Serve the registry; with `bearer_token`, only to scrapers that send it.

    /metrics shares the port of /api/messages, which faces the internet: set a token
    (Prometheus `authorization: credentials`) or keep the path off the public proxy.
    """
    expected = f"Bearer {bearer_token}".encode() if bearer_token else None

    async def scrape(request: web.Request) -> web.Response:
        if expected is not None and not hmac.compare_digest(
            request.headers.get("Authorization", "").encode(), expected
        ):
            return web.json_response(
                {"error": "unauthorized", "message": "send the metrics bearer token"},
                status=401, headers={"WWW-Authenticate": "Bearer"},
            )
        await metrics.refresh()
        body, content_type = metrics.exposition(request.headers.get("Accept"))
        return web.Response(body=body, headers={"Content-Type": content_type})

    app.router.add_get(path, scrape)


def _version() -> str:
    try:
        return distribution.version("ticketflow-teams")
    except distribution.PackageNotFoundError:
        return "unknown"

