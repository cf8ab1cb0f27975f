"""The unit of work: one connection, one transaction, every repository on it."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.connections import checkout
from db.engine import READ_ONLY
from db.repositories.api_keys import SqlApiKeyRepository
from db.repositories.company import SqlCompanySettingsRepository
from db.repositories.departments import SqlDepartmentRepository
from db.repositories.digests import SqlDigestRepository
from db.repositories.invitations import SqlInvitationRepository
from db.repositories.own_changes import capture_mark, forget_own_changes
from db.repositories.subscriptions import SqlSubscriptionRepository
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
from domain.ports import EventSink, ReadOnlyWork

if TYPE_CHECKING:  # the help stores load the knowledge modules: only when a use case asks
    from db.repositories.ai_chat import SqlChatStore
    from db.repositories.help_documents import SqlDocumentAudiences, SqlHelpLibrary

EventSinkFactory = Callable[[AsyncConnection], EventSink]

class PendingEvents:
    """`uow.outbox`: events queued by the use case, handed to the sink at commit."""

    def __init__(self, *, read_only: bool) -> None:
        self._read_only = read_only
        self._events: list[TicketEvent] = []

    def add(self, event: TicketEvent) -> None:
        if self._read_only:
            raise ReadOnlyWork("a ticket event was published in a unit of work opened for reading")
        self._events.append(event)

    def drain(self) -> list[TicketEvent]:
        events, self._events = self._events, []
        return events

    def clear(self) -> None:
        self._events.clear()


class SqlUnitOfWork:
    """Enter it once per use case; leaving without `commit` rolls everything back.

    `reading()` makes one for queries only. On PostgreSQL its connection runs in
    autocommit, so a card or a list costs no BEGIN/COMMIT round trips (each statement
    sees committed rows, as it would under READ COMMITTED); on SQLite it is one
    deferred transaction, which neither takes nor waits for the write lock. Either
    way a statement that is not a query raises `ReadOnlyWork` before it is sent.
    """

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        event_sink: EventSinkFactory | None = None,
        read_only: bool = False,
    ) -> None:
        self._engine = engine
        self._event_sink = event_sink
        self._read_only = read_only
        self._connection: AsyncConnection | None = None
        self._checkout: AbstractAsyncContextManager[AsyncConnection] | None = None
        self._capture_mark: int | None = None

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def connection(self) -> AsyncConnection:
        if self._connection is None:
            raise RuntimeError("the unit of work is used outside `async with`")
        return self._connection

    @property
    def chat(self) -> SqlChatStore:
        """The help conversations (`ai_chat_messages`), as `knowledge.ports.ChatStore`."""
        from db.repositories.ai_chat import SqlChatStore

        return SqlChatStore(self.connection)

    @property
    def library(self) -> SqlHelpLibrary:
        """Help documents, user guides and their index, as `knowledge.ports.HelpLibrary`."""
        from db.repositories.help_documents import SqlHelpLibrary

        return SqlHelpLibrary(self.connection)

    @property
    def audiences(self) -> SqlDocumentAudiences:
        """Who may read which help document, as `knowledge.ports.DocumentAudiences`."""
        from db.repositories.help_documents import SqlDocumentAudiences

        return SqlDocumentAudiences(self.connection)

    def reading(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self._engine, read_only=True)

    async def __aenter__(self) -> Self:
        if self._connection is not None:
            raise RuntimeError("a unit of work cannot be entered twice at once")
        # The turn's connection where there is one (`db.connections`): one check-out a turn.
        reading_in_autocommit = self._read_only and self._engine.dialect.name == "postgresql"
        self._checkout = checkout(self._engine, autocommit=reading_in_autocommit)
        connection = await self._checkout.__aenter__()
        try:
            if self._read_only:
                await _open_for_reading(connection)
            else:
                await connection.begin()
                self._capture_mark = await capture_mark(connection)
        except BaseException as error:
            await self._give_back(connection, error)
            raise
        self._connection = connection
        self.users = SqlUserRepository(connection)
        self.teams = SqlTeamRepository(connection)
        self.tickets = SqlTicketRepository(connection)
        self.comments = SqlCommentRepository(connection)
        self.history = SqlHistoryRepository(connection)
        self.attachments = SqlAttachmentRepository(connection)
        self.departments = SqlDepartmentRepository(connection)
        self.invitations = SqlInvitationRepository(connection)
        self.company = SqlCompanySettingsRepository(connection)
        self.subscriptions = SqlSubscriptionRepository(connection)
        self.digests = SqlDigestRepository(connection)
        self.api_keys = SqlApiKeyRepository(connection)
        self.outbox = PendingEvents(read_only=self._read_only)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        connection, self._connection = self.connection, None
        await self._give_back(connection, exc)

    async def _give_back(self, connection: AsyncConnection, error: BaseException | None) -> None:
        """Rolls back what was not committed and returns the connection (to the turn or
        the pool), read-only as it was lent."""
        held, self._checkout = self._checkout, None
        assert held is not None
        try:
            if connection.in_transaction():
                await connection.rollback()
            if self._read_only:
                await _close_for_reading(connection)
        except BaseException as failed:
            await held.__aexit__(type(failed), failed, failed.__traceback__)
            raise
        if error is None:
            await held.__aexit__(None, None, None)
        else:
            await held.__aexit__(type(error), error, error.__traceback__)

    async def commit(self) -> None:
        """Writes queued history and hands events to the sink, then commits all at once."""
        if self._read_only:
            raise ReadOnlyWork("commit in a unit of work opened for reading")
        connection = self.connection
        await self.history.flush(now=utcnow())
        events = self.outbox.drain()
        if events and self._event_sink is not None:
            await self._event_sink(connection).record(events)
        # What the triggers captured of our own writes: notified above (or, without a
        # sink, deliberately not at all), so never again by change capture.
        await forget_own_changes(connection, self._capture_mark)
        await connection.commit()
        await connection.begin()
        self._capture_mark = await capture_mark(connection)

    async def rollback(self) -> None:
        self.outbox.clear()
        self.history.discard()
        if self._read_only:
            return
        await self.connection.rollback()
        await self.connection.begin()
        self._capture_mark = await capture_mark(self.connection)


async def _open_for_reading(connection: AsyncConnection) -> None:
    """On PostgreSQL the connection was lent in autocommit; on SQLite its transaction
    begins deferred (`db.engine`)."""
    if connection.dialect.name != "postgresql":
        await connection.execution_options(**{READ_ONLY: True})
    event.listen(connection.sync_connection, "before_cursor_execute", _refuse_writes)


async def _close_for_reading(connection: AsyncConnection) -> None:
    """Undone, for the next borrower of a turn's connection."""
    if event.contains(connection.sync_connection, "before_cursor_execute", _refuse_writes):
        event.remove(connection.sync_connection, "before_cursor_execute", _refuse_writes)
    if connection.dialect.name != "postgresql":
        await connection.execution_options(**{READ_ONLY: False})


_QUERIES = frozenset({"SELECT", "WITH", "BEGIN"})


def _refuse_writes(
    connection: Connection,
    cursor: Any,
    statement: str,
    parameters: Any,
    context: Any,
    executemany: bool,
) -> None:
    words = statement.lstrip().split(None, 1)
    first = words[0].upper() if words else ""
    writes = context is not None and (context.isinsert or context.isupdate or context.isdelete)
    if first not in _QUERIES or writes:
        raise ReadOnlyWork(
            f"{first or 'an empty statement'} in a unit of work opened for reading"
        )
