"""Reading captured changes into the outbox, and keeping this service's own out of it.

`SqlChangeFeed.drain` takes the oldest change rows, turns them into ticket
events, hands those to the outbox writer and deletes the rows, all in one
transaction: a worker killed half-way leaves the rows for the next one, and a
row is never turned into deliveries twice. On PostgreSQL rows are claimed with
`FOR UPDATE SKIP LOCKED` so workers share the table; a worker keeps a ticket's
rows only up to the first one another worker holds, so each ticket's events
reach the outbox in the order they were made.

This service's own changes are already in the outbox (its unit of work writes
them with the change): `forget_own_changes` deletes what the triggers captured
of them in the same transaction, so they are notified exactly once.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.capture_triggers import NOTIFY_CHANNEL
from db.repositories.notification_facts import SqlNotificationFacts
from db.tables import bot_ticket_changes as changes
from db.tables import task_comments
from domain.capture import CapturedChange, ChangeKind, events_of
from domain.ports import EventSink
from domain.tickets import Comment

EventSinkFactory = Callable[[AsyncConnection], EventSink]

class SqlChangeFeed:
    def __init__(self, engine: AsyncEngine, *, event_sink: EventSinkFactory) -> None:
        self._engine = engine
        self._event_sink = event_sink

    async def drain(self, *, limit: int) -> int:
        """Turns up to `limit` of the oldest changes into outbox rows; returns how many."""
        async with self._engine.connect() as connection, connection.begin():
            claimed = await self._claim(connection, limit)
            if not claimed:
                return 0
            facts = SqlNotificationFacts(connection)
            tickets = await facts.tickets({change.ticket_id for change in claimed})
            comments = await _comments(
                connection, [c.comment_id for c in claimed if c.comment_id is not None]
            )
            events = [
                event
                for change in claimed
                if (ticket := tickets.get(change.ticket_id)) is not None
                for event in events_of(
                    change,
                    ticket=ticket,
                    comment=comments.get(change.comment_id) if change.comment_id else None,
                )
            ]
            if events:
                await self._event_sink(connection).record(events)
            await connection.execute(
                delete(changes).where(changes.c.id.in_([change.id for change in claimed]))
            )
        return len(claimed)

    async def forget_older_than(self, cutoff: datetime) -> int:
        """Drops changes captured before `cutoff` unnotified: the retention limit."""
        async with self._engine.begin() as connection:
            result = await connection.execute(delete(changes).where(changes.c.created_at < cutoff))
        return int(result.rowcount or 0)

    async def waiting(self) -> int:
        async with self._engine.connect() as connection:
            return int(await connection.scalar(select(func.count()).select_from(changes)) or 0)

    @asynccontextmanager
    async def listen(self) -> AsyncIterator[asyncio.Event | None]:
        """An event set whenever a writer commits a change (PostgreSQL); None on SQLite."""
        if self._engine.dialect.name != "postgresql":
            yield None
            return
        heard = asyncio.Event()

        def on_notify(*_: object) -> None:
            heard.set()

        async with self._engine.connect() as connection:
            driver: Any = (await connection.get_raw_connection()).driver_connection
            await driver.add_listener(NOTIFY_CHANNEL, on_notify)
            try:
                yield heard
            finally:
                if not driver.is_closed():
                    await driver.remove_listener(NOTIFY_CHANNEL, on_notify)

    async def _claim(self, connection: AsyncConnection, limit: int) -> list[CapturedChange]:
        query = select(changes).order_by(changes.c.id).limit(limit)
        postgresql = connection.dialect.name == "postgresql"
        if postgresql:
            query = query.with_for_update(skip_locked=True)
        claimed = [_change(row) for row in (await connection.execute(query)).mappings()]
        if not postgresql or not claimed:
            return claimed
        return await _in_ticket_order(connection, claimed)


async def _in_ticket_order(
    connection: AsyncConnection, claimed: list[CapturedChange]
) -> list[CapturedChange]:
    """Keeps each ticket's claimed rows up to the first earlier-or-between row someone else holds."""
    ours = {change.id for change in claimed}
    last = max(ours)
    rows = await connection.execute(
        select(changes.c.id, changes.c.ticket_id)
        .where(changes.c.ticket_id.in_({c.ticket_id for c in claimed}), changes.c.id <= last)
        .order_by(changes.c.id)
    )
    blocked: set[int] = set()
    kept: set[int] = set()
    for change_id, ticket_id in rows.all():
        if ticket_id in blocked:
            continue
        if change_id in ours:
            kept.add(change_id)
        else:
            blocked.add(ticket_id)
    return [change for change in claimed if change.id in kept]


def _change(row: Mapping[str, Any]) -> CapturedChange:
    return CapturedChange(
        id=row["id"],
        ticket_id=row["ticket_id"],
        kind=ChangeKind(row["kind"]),
        captured_at=row["created_at"],
        actor_id=row["actor_id"],
        comment_id=row["comment_id"],
        old=row["old_values"] or {},
        new=row["new_values"] or {},
    )


async def _comments(connection: AsyncConnection, ids: Iterable[int]) -> dict[int, Comment]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = await connection.execute(select(task_comments).where(task_comments.c.id.in_(wanted)))
    return {
        row["id"]: Comment(
            id=row["id"],
            task_id=row["task_id"],
            user_id=row["user_id"],
            content=row["content"],
            created_at=row["created_at"],
        )
        for row in rows.mappings()
    }

