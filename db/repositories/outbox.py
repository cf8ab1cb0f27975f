"""`notification_outbox`: deliveries written with the change, claimed by workers under a lease.

A row is `pending` until a worker claims it: the claim sets `leased`, bumps
`attempts` and moves `next_attempt_at` to the end of the lease, so a row whose
worker died becomes claimable again through the same index as a due retry. On
PostgreSQL claims use `FOR UPDATE SKIP LOCKED`, so several workers never take
the same row; SQLite takes its write lock at BEGIN, which serialises claims.
Rows queued behind an earlier one of their lane wait (see `outbox_lanes`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.repositories.outbox_lanes import (
    UNFINISHED,
    busy_lanes,
    claimable,
    promote_next,
)
from db.repositories.lane_locks import lock_lanes
from db.repositories.outbox_wakeup import mark_outbox_written, outbox_wakeups
from db.repositories.subscriptions import SqlSubscriptionRepository
from db.tables import notification_outbox as outbox
from domain.notifications import Target, TargetKind
from notify.deliveries import FINISHED, DeliveryStatus, NewDelivery, OutboxEntry, Settlement

__all__ = ["SqlDeliveryLog", "SqlOutbox", "add_deliveries", "entry_of"]

TEAM_ID = "team_id"
"""Payload key holding a channel target's team (the target key is the channel id)."""


async def add_deliveries(
    connection: AsyncConnection, deliveries: Sequence[NewDelivery], *, now: datetime
) -> None:
    """Insert on the caller's connection, inside the change's own transaction; a row whose
    lane already has an unfinished row waits behind it."""
    if not deliveries:
        return
    tickets = {delivery.ticket_id for delivery in deliveries}
    await lock_lanes(connection, tickets)
    busy = await busy_lanes(connection, tickets)
    rows = []
    for delivery in deliveries:
        payload = dict(delivery.payload)
        if delivery.target.msteams_team_id is not None:
            payload[TEAM_ID] = delivery.target.msteams_team_id
        lane = (delivery.ticket_id, delivery.target.kind.value, delivery.target.key)
        status = DeliveryStatus.WAITING if lane in busy else DeliveryStatus.PENDING
        busy.add(lane)
        rows.append(
            {
                "delivery_id": delivery.delivery_id,
                "event_type": delivery.event_type,
                "ticket_id": delivery.ticket_id,
                "target_kind": delivery.target.kind.value,
                "target_key": delivery.target.key,
                "payload": payload,
                "status": status.value,
                "attempts": 0,
                "next_attempt_at": now,
                "created_at": now,
            }
        )
    await connection.execute(outbox.insert(), rows)
    await mark_outbox_written(connection)


class SqlDeliveryLog:
    """`notify.ports.DeliveryLog` on the connection of the change being recorded."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(self, deliveries: Sequence[NewDelivery], *, now: datetime) -> None:
        await add_deliveries(self._db, deliveries, now=now)


class SqlOutbox:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    def wakeups(self) -> AbstractAsyncContextManager[asyncio.Event]:
        """Set when rows were committed for workers to claim (see `outbox_wakeup`)."""
        return outbox_wakeups(self._engine)

    async def claim(
        self,
        *,
        owner: str,
        limit: int,
        now: datetime,
        lease_until: datetime,
        kinds: Collection[TargetKind] = tuple(TargetKind),
    ) -> list[OutboxEntry]:
        """Lease up to `limit` due rows of these target kinds, oldest first, to `owner`.

        A worker without Teams access leaves bot deliveries to one that has it.
        """
        rows = outbox.alias("due")
        due = (
            select(rows.c.id)
            .where(
                claimable(rows),
                rows.c.next_attempt_at <= now,
                rows.c.target_kind.in_(sorted(kind.value for kind in kinds)),
            )
            .order_by(rows.c.next_attempt_at, rows.c.id)
            .limit(limit)
        )
        if self._engine.dialect.name == "postgresql":
            due = due.with_for_update(skip_locked=True, of=rows)
        statement = (
            update(outbox)
            .where(outbox.c.id.in_(due.scalar_subquery()))
            .values(
                status=DeliveryStatus.LEASED.value,
                lease_owner=owner,
                lease_until=lease_until,
                next_attempt_at=lease_until,
                attempts=outbox.c.attempts + 1,
            )
            .returning(outbox)
        )
        async with self._engine.begin() as connection:
            rows = (await connection.execute(statement)).mappings().all()
        return sorted((entry_of(row) for row in rows), key=lambda e: (e.created_at, e.id))

    async def renew(self, *, owner: str, ids: Sequence[int], lease_until: datetime) -> int:
        """Extend the lease of rows still being delivered, so no other worker takes them."""
        return await self._update_held(
            owner, ids, {"lease_until": lease_until, "next_attempt_at": lease_until}
        )

    async def release(self, *, owner: str, ids: Sequence[int], now: datetime) -> int:
        """Give back rows a stopping worker did not finish; they are due at once."""
        values = {"status": DeliveryStatus.PENDING.value, "next_attempt_at": now,
                  "lease_owner": None, "lease_until": None}
        return await self._update_held(owner, ids, values, wakes_workers=True)

    async def _update_held(
        self, owner: str, ids: Sequence[int], values: Mapping[str, object], *,
        wakes_workers: bool = False,
    ) -> int:
        """Sets `values` on the rows among `ids` that `owner` still holds; how many it held."""
        if not ids:
            return 0
        async with self._engine.begin() as connection:
            result = await connection.execute(
                update(outbox).where(*_held_by(owner), outbox.c.id.in_(ids)).values(**values)
            )
            if wakes_workers and result.rowcount:
                await mark_outbox_written(connection)
        return int(result.rowcount)

    async def settle(
        self, *, owner: str, settlements: Sequence[Settlement], now: datetime
    ) -> list[OutboxEntry]:
        """Record how attempts ended, in one transaction; returns the targets newly disabled.

        Only rows still leased by `owner` change: a row whose lease ran out and
        was taken by another worker is that worker's to settle.
        """
        done = {"lease_owner": None, "lease_until": None, "last_attempt_at": now}
        delivered = [s.id for s in settlements if s.status is DeliveryStatus.DELIVERED]
        others = [s for s in settlements if s.status is not DeliveryStatus.DELIVERED]
        disabled: list[OutboxEntry] = []
        async with self._engine.begin() as connection:
            if delivered:
                await connection.execute(
                    update(outbox)
                    .where(*_held_by(owner), outbox.c.id.in_(delivered))
                    .values(status=DeliveryStatus.DELIVERED.value, delivered_at=now, **done)
                )
            if others:
                await connection.execute(
                    update(outbox)
                    .where(*_held_by(owner), outbox.c.id == bindparam("row_id"))
                    .values(
                        status=bindparam("new_status"),
                        last_error=bindparam("error"),
                        next_attempt_at=bindparam("next_at"),
                        **done,
                    ),
                    [
                        {
                            "row_id": s.id,
                            "new_status": s.status.value,
                            "error": s.error,
                            "next_at": s.next_attempt_at or now,
                        }
                        for s in others
                    ],
                )
            tickets: set[int | None] = set()
            for settlement in others:
                if settlement.status is DeliveryStatus.DISABLED:
                    entry, affected = await _disable_target(connection, settlement, now=now)
                    tickets.update(affected)
                    if entry is not None:
                        disabled.append(entry)
            finished = [s.id for s in settlements if s.status in FINISHED]
            if finished:
                tickets.update(
                    (
                        await connection.execute(
                            select(outbox.c.ticket_id).where(outbox.c.id.in_(finished)).distinct()
                        )
                    ).scalars()
                )
            laned = {ticket for ticket in tickets if ticket is not None}  # replies have no lane
            await lock_lanes(connection, laned)
            await promote_next(connection, laned, now=now)
        return disabled


async def _disable_target(
    connection: AsyncConnection, settlement: Settlement, *, now: datetime
) -> tuple[OutboxEntry | None, set[int | None]]:
    """Stops every unfinished row for the settled row's target; returns the target's row and
    the tickets whose lanes lost rows (their next rows may need promoting)."""
    row = (
        (await connection.execute(select(outbox).where(outbox.c.id == settlement.id)))
        .mappings()
        .first()
    )
    if row is None or row["status"] != DeliveryStatus.DISABLED.value:
        return None, set()
    entry = entry_of(row)
    stopped = await connection.execute(
        update(outbox)
        .where(
            outbox.c.target_kind == entry.target.kind.value,
            outbox.c.target_key == entry.target.key,
            outbox.c.status.in_(UNFINISHED),
        )
        .values(
            status=DeliveryStatus.DISABLED.value,
            last_error=settlement.error,
            last_attempt_at=now,
            lease_owner=None,
            lease_until=None,
        )
        .returning(outbox.c.ticket_id)
    )
    tickets = {entry.ticket_id, *stopped.scalars()}
    if entry.target.kind is TargetKind.WEBHOOK:
        await SqlSubscriptionRepository(connection).disable_webhook(entry.target.key)
    return entry, tickets


def _held_by(owner: str) -> tuple[Any, ...]:
    return (outbox.c.lease_owner == owner, outbox.c.status == DeliveryStatus.LEASED.value)


def entry_of(row: Mapping[str, Any]) -> OutboxEntry:
    kind = TargetKind(row["target_kind"])
    payload = row["payload"] or {}
    team_id = payload.get(TEAM_ID) if kind is TargetKind.CHANNEL else None
    return OutboxEntry(
        id=row["id"],
        delivery_id=row["delivery_id"],
        event_type=row["event_type"],
        ticket_id=row["ticket_id"],
        target=Target(kind, row["target_key"], msteams_team_id=team_id),
        payload=payload,
        status=DeliveryStatus(row["status"]),
        attempts=row["attempts"],
        next_attempt_at=row["next_attempt_at"],
        created_at=row["created_at"],
        last_error=row["last_error"],
        last_attempt_at=row["last_attempt_at"],
        delivered_at=row["delivered_at"],
        lease_owner=row["lease_owner"],
    )
