"""The operator's view of the outbox: what `outbox status` shows and `outbox retry` does."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.repositories.outbox import entry_of
from db.tables import notification_outbox as outbox
from domain.notifications import Target
from notify.deliveries import DeliveryStatus, OutboxEntry

PURGE_BATCH = 5000
"""Finished rows deleted a transaction; a purge takes as many as it needs."""


class SqlOutboxStatus:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def counts(self) -> dict[DeliveryStatus, int]:
        query = select(outbox.c.status, func.count()).group_by(outbox.c.status)
        async with self._engine.connect() as connection:
            rows = (await connection.execute(query)).all()
        found = {DeliveryStatus(status): int(count) for status, count in rows}
        return {status: found.get(status, 0) for status in DeliveryStatus}

    async def latest_failures(self, *, limit: int) -> list[OutboxEntry]:
        """Dead and disabled rows, and retries waiting after an error, most recent first."""
        query = (
            select(outbox)
            .where(outbox.c.last_error.is_not(None), outbox.c.status != DeliveryStatus.DELIVERED)
            .order_by(outbox.c.last_attempt_at.desc(), outbox.c.id.desc())
            .limit(limit)
        )
        async with self._engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [entry_of(row) for row in rows]

    async def disabled_targets(self) -> list[tuple[Target, datetime | None, str | None]]:
        """Each target deliveries were stopped for, when that last happened, and why."""
        latest = (
            select(
                outbox.c.target_kind, outbox.c.target_key, func.max(outbox.c.id).label("last_id")
            )
            .where(outbox.c.status == DeliveryStatus.DISABLED.value)
            .group_by(outbox.c.target_kind, outbox.c.target_key)
            .subquery()
        )
        query = (
            select(outbox)
            .join(latest, outbox.c.id == latest.c.last_id)
            .order_by(outbox.c.last_attempt_at.desc())
        )
        async with self._engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        entries = [entry_of(row) for row in rows]
        return [(e.target, e.last_attempt_at, e.last_error) for e in entries]

    async def requeue(self, *, now: datetime, dead: bool) -> int:
        """Make waiting retries due now; with `dead`, give dead rows a fresh set of attempts."""
        async with self._engine.begin() as connection:
            waiting = await connection.execute(
                update(outbox)
                .where(
                    outbox.c.status == DeliveryStatus.PENDING.value, outbox.c.next_attempt_at > now
                )
                .values(next_attempt_at=now)
            )
            count = int(waiting.rowcount)
            if dead:
                revived = await connection.execute(
                    update(outbox)
                    .where(outbox.c.status == DeliveryStatus.DEAD.value)
                    .values(status=DeliveryStatus.PENDING.value, attempts=0, next_attempt_at=now)
                )
                count += int(revived.rowcount)
        return count

    async def purge(self, *, finished_before: datetime, batch: int = PURGE_BATCH) -> int:
        """Deletes delivered, dead and disabled rows last touched before `finished_before`.

        Rows still pending, leased or waiting are never touched, so nothing undelivered
        is lost; the delivery ids of purged rows are no longer needed for deduplication.
        """
        finished = (
            DeliveryStatus.DELIVERED.value, DeliveryStatus.DEAD.value,
            DeliveryStatus.DISABLED.value,
        )
        touched = func.coalesce(outbox.c.delivered_at, outbox.c.last_attempt_at, outbox.c.created_at)
        oldest = (
            select(outbox.c.id)
            .where(outbox.c.status.in_(finished), touched < finished_before)
            .limit(batch)
        )
        removed = 0
        while True:
            # In batches, each its own transaction: a first purge of a year of rows must
            # not hold SQLite's one writer (or a long PostgreSQL transaction) for minutes.
            async with self._engine.begin() as connection:
                result = await connection.execute(delete(outbox).where(outbox.c.id.in_(oldest)))
            removed += int(result.rowcount)
            if result.rowcount < batch:
                return removed
