"""Redelivery receipts are purged after a day, on a schedule, by `serve` and the worker;
receipts keep the first answer of an invoke for its resends."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.repositories.activity_receipts import SqlActivityReceipts, StoredReceipt
from db.tables import bot_activity_receipts
from tests.waiting import eventually
from ticketflow.receipt_purge import ReceiptPurge

NOW = datetime(2026, 12, 2, 10, 0)


async def _claim(engine: AsyncEngine, key: str, *, hours_ago: float) -> None:
    claimed_at = NOW - timedelta(hours=hours_ago)
    assert await SqlActivityReceipts(engine, clock=lambda: claimed_at).claim(key, None)


async def _kept(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        rows = await connection.execute(select(bot_activity_receipts.c.activity_id))
        return {row.activity_id for row in rows}


async def _nothing_kept(engine: AsyncEngine) -> bool:
    return not await _kept(engine)


async def test_receipts_older_than_a_day_are_purged_by_the_clock_s_reading(
    engine: AsyncEngine,
) -> None:
    for key, hours_ago in (("two-days", 48), ("a-day-and-a-minute", 24 + 1 / 60),
                           ("almost-a-day", 23.9), ("just-now", 0)):
        await _claim(engine, key, hours_ago=hours_ago)
    purge = ReceiptPurge(SqlActivityReceipts(engine), clock=lambda: NOW)

    assert await purge.purge_once() == 2
    assert await _kept(engine) == {"almost-a-day", "just-now"}
    later = ReceiptPurge(SqlActivityReceipts(engine), clock=lambda: NOW + timedelta(hours=1))
    assert await later.purge_once() == 1
    assert await _kept(engine) == {"just-now"}


async def test_the_purge_runs_at_start_and_then_on_its_schedule_until_stopped(
    engine: AsyncEngine,
) -> None:
    readings = iter([NOW, NOW + timedelta(hours=30), NOW + timedelta(hours=60)])
    purge = ReceiptPurge(SqlActivityReceipts(engine), clock=lambda: next(readings), every=0.05)
    await _claim(engine, "two-days", hours_ago=48)
    await _claim(engine, "just-now", hours_ago=0)
    stop = asyncio.Event()

    running = asyncio.create_task(purge.run(stop))
    await eventually(lambda: _nothing_kept(engine), what="every old receipt purged")
    stop.set()
    await asyncio.wait_for(running, timeout=30)

    assert await _kept(engine) == set()


async def test_a_failing_purge_is_logged_and_tried_again(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    calls = 0

    def clock() -> datetime:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise OSError("the database went away")
        return NOW

    await _claim(engine, "two-days", hours_ago=48)
    stop = asyncio.Event()
    running = asyncio.create_task(
        ReceiptPurge(SqlActivityReceipts(engine), clock=clock, every=0.05).run(stop)
    )
    await eventually(lambda: _nothing_kept(engine), what="every old receipt purged")
    stop.set()
    await asyncio.wait_for(running, timeout=30)

    assert await _kept(engine) == set()
    assert "purging redelivery receipts failed" in caplog.text


async def test_the_worker_purges_old_receipts(engine: AsyncEngine, database_url: str) -> None:
    old = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=2)
    await SqlActivityReceipts(engine, clock=lambda: old).claim("two-days", None)
    await SqlActivityReceipts(engine).claim("just-now", None)
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith("TICKETFLOW_")}
    environment["TICKETFLOW_DATABASE_URL"] = database_url

    finished = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "ticketflow.cli", "worker", "--once"],
        env=environment, capture_output=True, text=True, timeout=300, check=False,
    )

    assert finished.returncode == 0, finished.stderr
    assert await _kept(engine) == {"just-now"}


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
