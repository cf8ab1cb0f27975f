"""Change capture wired as `ticketflow` wires it, on the test's clock, and the stand-in web app."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.notification import NotificationCardSet
from db.repositories.captured_changes import SqlChangeFeed
from db.tables import bot_ticket_changes
from domain.notifications import TargetKind
from notify.capture import CaptureConfig, ChangeCapture
from notify.deliverers import WebhookDeliverer
from notify.worker import DeliveryWorker
from tests.integration.notify.capture.webapp import WebApp
from tests.integration.notify.conftest import LOOPBACK, Clock, WorkerFactory
from ticketflow.runtime import outbox_sink

CaptureFactory = Callable[..., ChangeCapture]


@pytest.fixture
def webapp(engine: AsyncEngine) -> WebApp:
    return WebApp(engine)


@pytest.fixture
def feed(engine: AsyncEngine, clock: Clock) -> SqlChangeFeed:
    return SqlChangeFeed(engine, event_sink=outbox_sink(LOOPBACK, clock=clock))


@pytest.fixture
def make_capture(feed: SqlChangeFeed, clock: Clock) -> CaptureFactory:
    def make(config: CaptureConfig = CaptureConfig()) -> ChangeCapture:
        return ChangeCapture(feed=feed, config=config, clock=clock)

    return make


@pytest.fixture
def webhook_worker(build_worker: WorkerFactory) -> DeliveryWorker:
    deliverer = WebhookDeliverer(cards=NotificationCardSet(), policy=LOOPBACK)
    return build_worker(deliverers={TargetKind.WEBHOOK: deliverer}, worker_id="capture-test")


async def waiting_changes(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        count = await connection.scalar(select(func.count()).select_from(bot_ticket_changes))
    return int(count or 0)
