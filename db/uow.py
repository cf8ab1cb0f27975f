"""The unit of work: one connection, one transaction, every repository on it."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.repositories.own_changes import capture_mark, forget_own_changes
from db.repositories.company import SqlCompanySettingsRepository
from db.repositories.departments import SqlDepartmentRepository
from db.repositories.invitations import SqlInvitationRepository
from db.repositories.teams import SqlTeamRepository
from db.repositories.ticket_records import (
    SqlAttachmentRepository,
    SqlCommentRepository,
    SqlHistoryRepository,
)
from db.repositories.tickets import SqlTicketRepository
from db.repositories.users import SqlUserRepository
from domain.clock import utcnow
from domain.events import TicketEvent
from domain.ports import EventSink

EventSinkFactory = Callable[[AsyncConnection], EventSink]


class SqlUnitOfWork:
    """Enter it once per use case; leaving without `commit` rolls everything back."""

    def __init__(self, engine: AsyncEngine, *, event_sink: EventSinkFactory | None = None) -> None:
        self._engine = engine
        self._event_sink = event_sink
        self._connection: AsyncConnection | None = None

    @property
    def connection(self) -> AsyncConnection:
        if self._connection is None:
            raise RuntimeError("the unit of work is used outside `async with`")
        return self._connection

    async def __aenter__(self) -> Self:
        if self._connection is not None:
            raise RuntimeError("a unit of work cannot be entered twice at once")
        connection = await self._engine.connect()
        await connection.begin()
        self._connection = connection
        self._capture_mark = await capture_mark(connection)
        self.users = SqlUserRepository(connection)
        self.teams = SqlTeamRepository(connection)
        self.tickets = SqlTicketRepository(connection)
        self.comments = SqlCommentRepository(connection)
        self.history = SqlHistoryRepository(connection)
        self.attachments = SqlAttachmentRepository(connection)
        self.departments = SqlDepartmentRepository(connection)
        self.invitations = SqlInvitationRepository(connection)
        self.company = SqlCompanySettingsRepository(connection)
        self._events: list[TicketEvent] = []
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        connection, self._connection = self.connection, None
        try:
            if connection.in_transaction():
                await connection.rollback()
        finally:
            await connection.close()

    def publish(self, event: TicketEvent) -> None:
        self._events.append(event)

    async def commit(self) -> None:
        """Writes queued history and hands events to the sink, then commits all at once."""
        connection = self.connection
        await self.history.flush(now=utcnow())
        if self._events and self._event_sink is not None:
            await self._event_sink(connection).record(list(self._events))
        # What the triggers captured of our own writes: notified above (or, without a
        # sink, deliberately not at all), so never again by change capture.
        await forget_own_changes(connection, self._capture_mark)
        self._events.clear()
        await connection.commit()
        await connection.begin()
        self._capture_mark = await capture_mark(connection)

    async def rollback(self) -> None:
        self._events.clear()
        self.history.discard()
        await self.connection.rollback()
        await self.connection.begin()
        self._capture_mark = await capture_mark(self.connection)
