"""Redelivery receipts and finished deliveries are purged on a schedule by `serve` and the
worker; receipts keep the first answer of an invoke for its resends."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.repositories.activity_receipts import SqlActivityReceipts, StoredReceipt
from db.repositories.outbox_status import SqlOutboxStatus
from db.tables import bot_activity_receipts, notification_outbox
from tests.waiting import eventually
from ticketflow.housekeeping import RECEIPT_LIFETIME, Housekeeping, Retention

NOW = datetime(2026, 12, 2, 10, 0)


async def _claim(engine: AsyncEngine, key: str, *, hours_ago: float, now: datetime = NOW) -> None:
    claimed_at = now - timedelta(hours=hours_ago)
    assert await SqlActivityReceipts(engine, clock=lambda: claimed_at).claim(key, None)


async def _kept(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        rows = await connection.execute(select(bot_activity_receipts.c.activity_id))
        return {row.activity_id for row in rows}


async def _nothing_kept(engine: AsyncEngine) -> bool:
    return not await _kept(engine)


async def _delivery(
    engine: AsyncEngine, key: str, *, status: str, days_ago: float, now: datetime = NOW
) -> None:
    """An outbox row last touched `days_ago`, as the worker leaves it in `status`."""
    touched = now - timedelta(days=days_ago)
    async with engine.begin() as connection:
        await connection.execute(insert(notification_outbox).values(
            delivery_id=str(uuid.uuid4()), event_type="ticket.created", target_kind="webhook",
            target_key=key, payload={}, status=status, next_attempt_at=touched,
            created_at=touched - timedelta(minutes=1),
            last_attempt_at=None if status == "pending" else touched,
            delivered_at=touched if status == "delivered" else None,
        ))


async def _deliveries(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        rows = await connection.execute(select(notification_outbox.c.target_key))
        return {row.target_key for row in rows}


def _receipts(engine: AsyncEngine) -> Retention:
    return Retention("redelivery receipts", RECEIPT_LIFETIME,
                     SqlActivityReceipts(engine).forget_older_than)


def _finished_deliveries(engine: AsyncEngine, *, days: int, batch: int = 1000) -> Retention:
    outbox = SqlOutboxStatus(engine)

    async def purge(cutoff: datetime) -> int:
        return await outbox.purge(finished_before=cutoff, batch=batch)

    return Retention("finished deliveries", timedelta(days=days), purge)


async def test_receipts_older_than_a_day_are_purged_by_the_clock_s_reading(
    engine: AsyncEngine,
) -> None:
    for key, hours_ago in (("two-days", 48), ("a-day-and-a-minute", 24 + 1 / 60),
                           ("almost-a-day", 23.9), ("just-now", 0)):
        await _claim(engine, key, hours_ago=hours_ago)
    housekeeping = Housekeeping([_receipts(engine)], clock=lambda: NOW)

    assert await housekeeping.purge_once() == {"redelivery receipts": 2}
    assert await _kept(engine) == {"almost-a-day", "just-now"}
    later = Housekeeping([_receipts(engine)], clock=lambda: NOW + timedelta(hours=1))
    assert await later.purge_once() == {"redelivery receipts": 1}
    assert await _kept(engine) == {"just-now"}


async def test_finished_deliveries_go_after_their_retention_and_undelivered_ones_never(
    engine: AsyncEngine,
) -> None:
    for key, status, days_ago in (
        ("delivered-long-ago", "delivered", 40), ("dead-long-ago", "dead", 31),
        ("disabled-long-ago", "disabled", 90), ("delivered-lately", "delivered", 29),
        ("pending-long-ago", "pending", 60), ("leased-long-ago", "leased", 60),
        ("waiting-long-ago", "waiting", 60),
    ):
        await _delivery(engine, key, status=status, days_ago=days_ago)
    # A batch of two: the purge goes on, a transaction a batch, until none is left.
    housekeeping = Housekeeping([_finished_deliveries(engine, days=30, batch=2)],
                                clock=lambda: NOW)

    assert await housekeeping.purge_once() == {"finished deliveries": 3}
    assert await _deliveries(engine) == {
        "delivered-lately", "pending-long-ago", "leased-long-ago", "waiting-long-ago"}
    assert await housekeeping.purge_once() == {"finished deliveries": 0}


async def test_the_purge_runs_at_start_and_then_on_its_schedule_until_stopped(
    engine: AsyncEngine,
) -> None:
    readings = iter([NOW, NOW + timedelta(hours=30), NOW + timedelta(hours=60)])
    housekeeping = Housekeeping([_receipts(engine)], clock=lambda: next(readings), every=0.05)
    await _claim(engine, "two-days", hours_ago=48)
    await _claim(engine, "just-now", hours_ago=0)
    stop = asyncio.Event()

    running = asyncio.create_task(housekeeping.run(stop))
    await eventually(lambda: _nothing_kept(engine), what="every old receipt purged")
    stop.set()
    await asyncio.wait_for(running, timeout=30)

    assert await _kept(engine) == set()


async def test_a_failing_retention_is_logged_the_others_still_run_and_it_is_tried_again(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    failures = 0

    def failing_once(purge: Callable[[datetime], Awaitable[int]]) -> Callable[
            [datetime], Awaitable[int]]:
        async def flaky(cutoff: datetime) -> int:
            nonlocal failures
            if not failures:
                failures += 1
                raise OSError("the database went away")
            return await purge(cutoff)
        return flaky

    receipts = _receipts(engine)
    flaky_receipts = Retention(receipts.what, receipts.keep,
                               failing_once(receipts.forget_older_than))
    await _claim(engine, "two-days", hours_ago=48)
    await _delivery(engine, "delivered-long-ago", status="delivered", days_ago=40)
    housekeeping = Housekeeping(
        [flaky_receipts, _finished_deliveries(engine, days=30)], clock=lambda: NOW, every=0.05)

    with pytest.raises(OSError):
        await housekeeping.purge_once()
    assert await _deliveries(engine) == set()  # the second retention ran all the same
    assert await _kept(engine) == {"two-days"}

    stop = asyncio.Event()
    running = asyncio.create_task(housekeeping.run(stop))
    await eventually(lambda: _nothing_kept(engine), what="the failed purge tried again")
    stop.set()
    await asyncio.wait_for(running, timeout=30)
    assert "purging redelivery receipts failed: the database went away" in caplog.text


@pytest.mark.parametrize(("keep_days", "kept"), [
    (None, {"delivered-lately"}),
    ("0", {"delivered-lately", "delivered-long-ago"}),
    ("50", {"delivered-lately", "delivered-long-ago"}),
])
async def test_the_worker_purges_old_receipts_and_finished_deliveries_as_configured(
    engine: AsyncEngine, database_url: str, keep_days: str | None, kept: set[str]
) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    await _claim(engine, "two-days", hours_ago=48, now=now)
    await _claim(engine, "just-now", hours_ago=0, now=now)
    await _delivery(engine, "delivered-long-ago", status="delivered", days_ago=40, now=now)
    await _delivery(engine, "delivered-lately", status="delivered", days_ago=1, now=now)
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith("TICKETFLOW_")}
    environment["TICKETFLOW_DATABASE_URL"] = database_url
    if keep_days is not None:
        environment["TICKETFLOW_OUTBOX_KEEP_DAYS"] = keep_days

    finished = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "ticketflow.cli", "worker", "--once"],
        env=environment, capture_output=True, text=True, timeout=300, check=False,
    )

    assert finished.returncode == 0, finished.stderr
    assert await _kept(engine) == {"just-now"}
    assert await _deliveries(engine) == kept
    purged = 2 - len(kept)
    assert "purged 1 redelivery receipts" in finished.stdout
    assert (f"{purged} finished deliveries" in finished.stdout) == (keep_days != "0")


async def test_a_receipt_keeps_the_first_answer_for_its_resends(engine: AsyncEngine) -> None:
    receipts = SqlActivityReceipts(engine)
    await receipts.claim("invoke-1", "a:1personal")

    assert await receipts.get("invoke-1") == StoredReceipt(answered=False)
    await receipts.record_answer("invoke-1", status=200, body='{"statusCode": 200}')
    assert await receipts.get("invoke-1") == StoredReceipt(
        answered=True, status=200, body='{"statusCode": 200}')
    assert await receipts.get("never-claimed") is None
    await receipts.release("invoke-1")
    assert await receipts.get("invoke-1") is None


async def test_what_deliveries_filed_and_changed_is_forgotten_after_the_receipts_day(
    engine: AsyncEngine,
) -> None:
    from db.repositories.delivery_tickets import forget_deliveries_older_than
    from db.tables import bot_delivery_changes, bot_delivery_tickets
    from tests.e2e.service import file_ticket
    from tests.integration.builders import insert_user

    ticket = await file_ticket(engine, await insert_user(engine, role="user"))
    async with engine.begin() as connection:
        for table in (bot_delivery_tickets, bot_delivery_changes):
            for key, hours_ago in (("old", 25), ("recent", 23)):
                await connection.execute(insert(table).values(
                    delivery_key=key, ticket_id=ticket.id,
                    created_at=NOW - timedelta(hours=hours_ago)))

    assert await forget_deliveries_older_than(engine, NOW - RECEIPT_LIFETIME) == 2

    async with engine.connect() as connection:
        for table in (bot_delivery_tickets, bot_delivery_changes):
            kept = (await connection.execute(select(table.c.delivery_key))).scalars()
            assert list(kept) == ["recent"], table.name
