"""Lanes: deliveries about one ticket to one target, kept in the order they happened.

A channel card must be posted before it can be updated, and a reader expects
"assigned" before "resolved". So only the oldest unfinished row of a lane is
claimable (`pending` or `leased`); the rows behind it are `waiting`, and when a
row finishes the next one of its lane is promoted. Claiming never has to look
past waiting rows, however long a backlog grows behind a target that is down.

On PostgreSQL a writer deciding "pending or waiting" and a worker promoting the
next row take the same per-ticket advisory lock, so a row committed while its
lane's head finishes is never left waiting forever. SQLite runs one write
transaction at a time, which gives the same guarantee.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import (
    ColumnElement,
    FromClause,
    and_,
    exists,
    func,
    literal_column,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from db.repositories.outbox_wakeup import mark_outbox_written
from db.tables import notification_outbox as outbox
from notify.deliveries import FINISHED, DeliveryStatus


Lane = tuple[int, str, str]


CLAIMABLE = (DeliveryStatus.PENDING.value, DeliveryStatus.LEASED.value)
UNFINISHED = (*CLAIMABLE, DeliveryStatus.WAITING.value)


def claimable(rows: FromClause) -> ColumnElement[bool]:
    """The claim index's own predicate, spelled with literals so that both databases can
    prove a query matches it (a bound parameter would hide the values from the planner)."""
    return rows.c.status.in_([literal_column(f"'{status}'") for status in CLAIMABLE])


async def busy_lanes(connection: AsyncConnection, ticket_ids: Collection[int]) -> set[Lane]:
    """Lanes of these tickets that already have an unfinished row."""
    if not ticket_ids:
        return set()
    query = select(outbox.c.ticket_id, outbox.c.target_kind, outbox.c.target_key).where(
        outbox.c.ticket_id.in_(sorted(set(ticket_ids))), outbox.c.status.in_(UNFINISHED)
    )
    return {(ticket, kind, key) for ticket, kind, key in (await connection.execute(query)).all()}


async def promote_next(
    connection: AsyncConnection, ticket_ids: Collection[int], *, now: datetime
) -> None:
    """Make the oldest waiting row of each lane of these tickets claimable, where its lane
    has nothing claimable left."""
    if not ticket_ids:
        return
    waiting = outbox.alias("waiting")
    ahead = outbox.alias("ahead")
    heads = (
        select(func.min(waiting.c.id))
        .where(
            waiting.c.status == DeliveryStatus.WAITING.value,
            waiting.c.ticket_id.in_(sorted(set(ticket_ids))),
            ~exists().where(_same_lane(ahead, waiting), ahead.c.status.in_(CLAIMABLE)),
        )
        .group_by(waiting.c.ticket_id, waiting.c.target_kind, waiting.c.target_key)
    )
    promoted = await connection.execute(
        update(outbox)
        .where(outbox.c.id.in_(heads))
        .values(status=DeliveryStatus.PENDING.value, next_attempt_at=now)
    )
    if promoted.rowcount:
        await mark_outbox_written(connection)


def _same_lane(one: FromClause, other: FromClause) -> ColumnElement[bool]:
    a, b = one.c, other.c
    return and_(
        a.ticket_id == b.ticket_id, a.target_kind == b.target_kind, a.target_key == b.target_key
    )
