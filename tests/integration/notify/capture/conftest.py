"""Change capture wired as `ticketflow` wires it, on the test's clock, and the stand-in web app."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
import pytest_asyncio
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.notification import NotificationCardSet
from db.repositories.notification_facts import notice_facts_reader
from db.repositories.outbox import SqlOutbox
from db.repositories.captured_changes import SqlChangeFeed
from db.tables import bot_ticket_changes
from domain.notifications import TargetKind
from notify.capture import CaptureConfig, ChangeCapture
from notify.deliverers import WebhookDeliverer
from notify.notices import NoticeLinks
from ticketflow.runtime import outbox_sink
from notify.worker import DeliveryWorker
from tests.integration.notify.capture.webapp import WebApp
from tests.integration.notify.conftest import LOOPBACK, Clock

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


@pytest_asyncio.fixture
async def webhook_worker(engine: AsyncEngine, clock: Clock) -> AsyncIterator[DeliveryWorker]:
    worker = DeliveryWorker(
        outbox=SqlOutbox(engine),
        facts=notice_facts_reader(engine),
        deliverers={
            TargetKind.WEBHOOK: WebhookDeliverer(cards=NotificationCardSet(), policy=LOOPBACK)
        },
        links=NoticeLinks(web_url="https://tickets.example.com"),
        worker_id="capture-test",
        clock=clock,
        random=lambda: 0.0,
    )
    yield worker
    await worker.close()


async def waiting_changes(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        count = await connection.scalar(select(func.count()).select_from(bot_ticket_changes))
    return int(count or 0)
