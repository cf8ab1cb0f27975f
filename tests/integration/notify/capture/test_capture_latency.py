"""A web-app change reaches the webhook at once with capture and worker polling once an hour."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from notify.capture import CaptureConfig
from tests.integration.notify.capture.conftest import CaptureFactory
from tests.integration.notify.capture.webapp import WebApp
from tests.integration.notify.conftest import ASLEEP, Receiver, WorkerFactory, admin_subscribed
from tests.waiting import until


@pytest.mark.postgres_only
async def test_a_web_app_change_reaches_the_webhook_with_capture_and_worker_both_asleep(
    engine: AsyncEngine,
    webapp: WebApp,
    make_capture: CaptureFactory,
    receiver: Receiver,
    make_worker: WorkerFactory,
) -> None:
    _, customer = await admin_subscribed(engine, url=receiver.url("/ok"))
    stop = asyncio.Event()
    capturing = asyncio.create_task(
        make_capture(CaptureConfig(poll_interval=3600)).run_forever(stop)
    )
    running = asyncio.create_task(make_worker(config=ASLEEP).run_forever(stop))
    try:
        ticket = await webapp.create_ticket(by=customer)
        await until(lambda: len(receiver.received) == 1, what="the ticket's post", seconds=30)
        await webapp.comment(ticket, by=customer, content="Still jamming on tray 2")
        await until(lambda: len(receiver.received) == 2, what="the comment's post", seconds=30)
    finally:
        stop.set()
        await asyncio.gather(capturing, running)
