"""Capture shared by workers, woken by NOTIFY, and a worker killed while the web app writes."""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from db.repositories.captured_changes import SqlChangeFeed
from db.repositories.outbox import DeliveryStatus
from domain.services.tickets import create_ticket
from notify.capture import CaptureConfig
from tests.actors import as_actor
from tests.integration.builders import insert_user
from tests.integration.notify.capture.conftest import CaptureFactory, waiting_changes
from tests.integration.notify.capture.webapp import WebApp
from tests.integration.notify.conftest import (
    Cast,
    Receiver,
    UnitOfWorkFactory,
    outbox_entries,
    subscribe,
)
from tests.integration.notify.processes import start_worker
from tests.waiting import eventually

WEB_APP_COMMENTS = 120
OUR_TICKETS = 12


@pytest.mark.postgres_only
async def test_a_worker_leaves_a_ticket_whose_earlier_change_another_worker_holds(
    engine: AsyncEngine, webapp: WebApp, feed: SqlChangeFeed
) -> None:
    admin = await insert_user(engine, role="admin")
    agent = await insert_user(engine, role="user")
    await subscribe(engine, admin, url="https://acme.webhook.office.com/webhookb2/x")
    first = await webapp.create_ticket(by=admin)
    second = await webapp.create_ticket(by=admin)
    await feed.drain(limit=10)
    await webapp.update(first, by=agent, status="in_progress")
    await webapp.update(second, by=agent, status="in_progress")
    await webapp.update(first, by=agent, status="resolved")
    start = len(await outbox_entries(engine))

    async with engine.connect() as other, other.begin():
        await other.execute(
            text("SELECT id FROM bot_ticket_changes ORDER BY id LIMIT 1 FOR UPDATE")
        )
        assert await feed.drain(limit=10) == 1
        assert [e.ticket_id for e in (await outbox_entries(engine))[start:]] == [second]

    assert await feed.drain(limit=10) == 2
    later = (await outbox_entries(engine))[start + 1 :]
    assert [(e.ticket_id, e.payload["changes"]) for e in later] == [
        (first, [["status", "open", "in_progress"]]),
        (first, [["status", "in_progress", "resolved"]]),
    ]


@pytest.mark.postgres_only
async def test_a_web_app_commit_wakes_the_capture_loop_without_waiting_for_a_poll(
    engine: AsyncEngine, webapp: WebApp, make_capture: CaptureFactory
) -> None:
    admin = await insert_user(engine, role="admin")
    customer = await insert_user(engine, role="customer")
    await subscribe(engine, admin, url="https://acme.webhook.office.com/webhookb2/x")
    stop = asyncio.Event()
    running = asyncio.create_task(
        make_capture(CaptureConfig(poll_interval=3600)).run_forever(stop)
    )
    try:
        await webapp.create_ticket(by=customer)
        await eventually(
            lambda: _entries_at_least(engine, 1), what="the first change captured", seconds=30
        )

        await webapp.create_ticket(by=customer)  # the loop is asleep for an hour now

        await eventually(
            lambda: _entries_at_least(engine, 2), what="the second change captured", seconds=30
        )
    finally:
        stop.set()
        await running


async def _entries_at_least(engine: AsyncEngine, count: int) -> bool:
    return len(await outbox_entries(engine)) >= count


async def test_a_worker_killed_while_the_web_app_writes_loses_no_change(
    engine: AsyncEngine,
    database_url: str,
    webapp: WebApp,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    tmp_path: Path,
    cast: Cast,
) -> None:
    admin, agent, customer = cast
    await subscribe(engine, admin, url=receiver.url("/ok"))
    ticket = await webapp.create_ticket(by=customer, assignee_id=agent)
    victim = await start_worker(database_url, tmp_path)
    survivor = None
    try:

        async def write() -> None:
            for n in range(WEB_APP_COMMENTS):
                await webapp.comment(ticket, by=agent, content=f"web-{n}")
                if n % (WEB_APP_COMMENTS // OUR_TICKETS) == 0:
                    await create_ticket(
                        uow=uow_factory(), actor=as_actor(customer), title=f"ours-{n}", category="bug"
                    )

        writing = asyncio.create_task(write())
        await eventually(
            lambda: _entries_at_least(engine, WEB_APP_COMMENTS // 4),
            what="a quarter of the comments captured", seconds=60,
        )
        victim.kill()  # SIGKILL, mid-stream: whatever it held goes back to the table
        assert await victim.wait() == -signal.SIGKILL
        await writing
        survivor = await start_worker(database_url, tmp_path)

        async def all_delivered() -> bool:
            if await waiting_changes(engine):
                return False
            entries = await outbox_entries(engine)
            return all(e.status is DeliveryStatus.DELIVERED for e in entries)

        await eventually(
            all_delivered, what="every change captured and delivered", seconds=120
        )
        survivor.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(survivor.wait(), timeout=20) == 0
    finally:
        for worker in (victim, survivor):
            if worker is not None and worker.returncode is None:
                worker.kill()
                await worker.wait()

    entries = await outbox_entries(engine)
    comments = Counter(
        e.payload["comment_excerpt"] for e in entries if e.event_type == "ticket_commented"
    )
    assert comments == Counter(f"web-{n}" for n in range(WEB_APP_COMMENTS)), "0 lost, 0 twice"
    created = [e for e in entries if e.event_type == "ticket_created"]
    assert len(created) == 1 + OUR_TICKETS, "ours once each, and the web app's ticket"
    assert Counter(e.payload["actor_id"] for e in created) == {customer: 1 + OUR_TICKETS}
    assert set(receiver.seen("/ok")) == {e.delivery_id for e in entries}
