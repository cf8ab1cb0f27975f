"""Reading the outbox's queued replies (target kind `conversation`) from e2e tests."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import notification_outbox as outbox
from domain.clock import utcnow
from tests.waiting import SAFETY_NET


async def queued_replies(engine: AsyncEngine) -> list[dict[str, Any]]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(outbox).where(outbox.c.target_kind == "conversation").order_by(outbox.c.id)
        )
        return [dict(row) for row in rows.mappings()]


async def wait_for_statuses(
    engine: AsyncEngine, expected: list[str], *, timeout: float = SAFETY_NET
) -> list[dict[str, Any]]:
    """The queued replies once their statuses are `expected` (the worker settles a row just
    after its send; `timeout` is a safety net, not a timing)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        rows = await queued_replies(engine)
        if [row["status"] for row in rows] == expected:
            return rows
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"queued replies are {[r['status'] for r in rows]}, not {expected}")
        await asyncio.sleep(0.05)


async def make_due(engine: AsyncEngine) -> None:
    """Time passes: every queued reply waiting for its `Retry-After` is due now."""
    async with engine.begin() as connection:
        await connection.execute(
            update(outbox)
            .where(outbox.c.target_kind == "conversation", outbox.c.status == "pending")
            .values(next_attempt_at=utcnow())
        )
