"""Finding tickets that are due soon or overdue, and recording each reminder exactly once.

The reminder row and its outbox rows are written in one transaction; the unique
(ticket, kind, due date) key lets exactly one of several processes that notice
the same ticket at the same moment send it, and a restart never sends it again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.records import readable_values
from db.tables import bot_due_reminders as sent
from db.tables import tasks
from db.upserts import insert_into
from domain.events import UNKNOWN_ACTOR, EventType, TicketEvent
from domain.ports import EventSink
from domain.reminders import DUE_SOON_WINDOW, reminder_due
from domain.tickets import Ticket, TicketStatus

EventSinkFactory = Callable[[AsyncConnection], EventSink]
_DONE = (TicketStatus.RESOLVED.value, TicketStatus.CLOSED.value)


class SqlDueReminders:
    def __init__(self, engine: AsyncEngine, *, event_sink: EventSinkFactory) -> None:
        self._engine = engine
        self._event_sink = event_sink

    async def remind(self, *, now: datetime, limit: int = 200) -> int:
        """Sends the reminders due at `now` that nobody sent yet; returns how many."""
        async with self._engine.connect() as connection, connection.begin():
            events = [
                TicketEvent(kind, ticket, UNKNOWN_ACTOR, now)
                for ticket in await self._candidates(connection, now, limit)
                if (kind := reminder_due(ticket, now=now)) is not None
                and await self._claim(connection, ticket, kind, now)
            ]
            if events:
                await self._event_sink(connection).record(events)
        return len(events)

    async def _candidates(
        self, connection: AsyncConnection, now: datetime, limit: int
    ) -> list[Ticket]:
        already = exists().where(
            sent.c.ticket_id == tasks.c.id,
            sent.c.due_date == tasks.c.due_date,
            or_(
                sent.c.kind == EventType.OVERDUE.value,
                and_(sent.c.kind == EventType.DUE_SOON.value,
                     _not_past(connection.dialect.name, now)),
            ),
        )
        query = (
            select(tasks)
            .where(
                tasks.c.due_date.is_not(None),
                tasks.c.due_date <= now + DUE_SOON_WINDOW,
                tasks.c.status.not_in(_DONE),
                ~already,
            )
            .order_by(tasks.c.due_date, tasks.c.id)
            .limit(limit)
        )
        return readable_values(Ticket, (await connection.execute(query)).mappings())

    async def _claim(
        self, connection: AsyncConnection, ticket: Ticket, kind: EventType, now: datetime
    ) -> bool:
        statement = (
            insert_into(sent, connection.dialect.name)
            .values(ticket_id=ticket.id, kind=kind.value, due_date=ticket.due_date, created_at=now)
            .on_conflict_do_nothing(index_elements=[sent.c.ticket_id, sent.c.kind, sent.c.due_date])
            .returning(sent.c.id)
        )
        return (await connection.execute(statement)).first() is not None


def _not_past(dialect: str, now: datetime) -> ColumnElement[bool]:
    """The due date has not passed at `now`: a whole day (no time of day) lasts until its
    end, a time of day until then (`domain.tickets.deadline`)."""
    due = tasks.c.due_date
    whole_day = (func.date_trunc("day", due) == due if dialect == "postgresql"
                 else func.time(due) == "00:00:00")
    return or_(due > now, and_(whole_day, due > now - timedelta(days=1)))
