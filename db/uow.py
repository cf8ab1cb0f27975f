"""The unit of work: one connection, one transaction, every repository on it."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.connections import checkout
from db.reading import close_for_reading, open_for_reading
from db.repositories.own_changes import capture_mark, forget_own_changes
from domain.clock import utcnow
from domain.ports import EventSink, ReadOnlyWork

if TYPE_CHECKING:
    from db.repositories.ai_chat import SqlChatStore
    from db.repositories.api_keys import SqlApiKeyRepository
    from db.repositories.company import SqlCompanySettingsRepository
    from db.repositories.delivery_tickets import SqlDeliveryTickets
    from db.repositories.departments import SqlDepartmentRepository
    from db.repositories.digests import SqlDigestRepository
    from db.repositories.help_documents import SqlDocumentAudiences, SqlHelpLibrary
    from db.repositories.invitations import SqlInvitationRepository
    from db.repositories.subscriptions import SqlSubscriptionRepository
    from db.repositories.teams import SqlTeamRepository
    from db.repositories.ticket_records import (
        SqlAttachmentRepository,
        SqlCommentRepository,
        SqlHistoryRepository,
    )
    from db.repositories.tickets import SqlTicketRepository
    from db.repositories.users import SqlUserRepository
    from domain.events import TicketEvent

Repository = TypeVar("Repository")
EventSinkFactory = Callable[[AsyncConnection], EventSink]
EventsCommitted = Callable[[list["TicketEvent"]], None]
"""Told the events of each commit once it is made (never for one that failed)."""

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
        committed: EventsCommitted | None = None,
    ) -> None:
        self._engine = engine
        self._event_sink = event_sink
        self._committed = committed
        self._read_only = read_only
        self._connection: AsyncConnection | None = None
        self._checkout: AbstractAsyncContextManager[AsyncConnection] | None = None
        self._capture_mark: int | None = None
        self._repositories: dict[str, Any] = {}

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def connection(self) -> AsyncConnection:
        if self._connection is None:
            raise RuntimeError("the unit of work is used outside `async with`")
        return self._connection

    # Each repository is made on first use in an `async with` and kept until the next
    # one; its module (with its tables and domain values) loads only then, so a command
    # that reads users and help documents (`ticketflow ask`) never imports the ticket,
    # subscription or API-key code.

    @property
    def users(self) -> SqlUserRepository:
        from db.repositories.users import SqlUserRepository

        return self._repository("users", SqlUserRepository)

    @property
    def teams(self) -> SqlTeamRepository:
        from db.repositories.teams import SqlTeamRepository

        return self._repository("teams", SqlTeamRepository)

    @property
    def tickets(self) -> SqlTicketRepository:
        from db.repositories.tickets import SqlTicketRepository

        return self._repository("tickets", SqlTicketRepository)

    @property
    def comments(self) -> SqlCommentRepository:
        from db.repositories.ticket_records import SqlCommentRepository

        return self._repository("comments", SqlCommentRepository)

    @property
    def deliveries(self) -> SqlDeliveryTickets:
        from db.repositories.delivery_tickets import SqlDeliveryTickets

        return self._repository("deliveries", SqlDeliveryTickets)

    @property
    def history(self) -> SqlHistoryRepository:
        """Queues history rows; `commit` writes them."""
        from db.repositories.ticket_records import SqlHistoryRepository

        return self._repository("history", SqlHistoryRepository)

    @property
    def attachments(self) -> SqlAttachmentRepository:
        from db.repositories.ticket_records import SqlAttachmentRepository

        return self._repository("attachments", SqlAttachmentRepository)

    @property
    def departments(self) -> SqlDepartmentRepository:
        from db.repositories.departments import SqlDepartmentRepository

        return self._repository("departments", SqlDepartmentRepository)

    @property
    def invitations(self) -> SqlInvitationRepository:
        from db.repositories.invitations import SqlInvitationRepository

        return self._repository("invitations", SqlInvitationRepository)

    @property
    def company(self) -> SqlCompanySettingsRepository:
        from db.repositories.company import SqlCompanySettingsRepository

        return self._repository("company", SqlCompanySettingsRepository)

    @property
    def subscriptions(self) -> SqlSubscriptionRepository:
        from db.repositories.subscriptions import SqlSubscriptionRepository

        return self._repository("subscriptions", SqlSubscriptionRepository)

    @property
    def digests(self) -> SqlDigestRepository:
        from db.repositories.digests import SqlDigestRepository

        return self._repository("digests", SqlDigestRepository)

    @property
    def api_keys(self) -> SqlApiKeyRepository:
        from db.repositories.api_keys import SqlApiKeyRepository

        return self._repository("api_keys", SqlApiKeyRepository)

    @property
    def chat(self) -> SqlChatStore:
        """The help conversations (`ai_chat_messages`), as `knowledge.ports.ChatStore`."""
        from db.repositories.ai_chat import SqlChatStore

        return self._repository("chat", SqlChatStore)

    @property
    def library(self) -> SqlHelpLibrary:
        """Help documents, user guides and their index, as `knowledge.ports.HelpLibrary`."""
        from db.repositories.help_documents import SqlHelpLibrary

        return self._repository("library", SqlHelpLibrary)

    @property
    def audiences(self) -> SqlDocumentAudiences:
        """Who may read which help document, as `knowledge.ports.DocumentAudiences`."""
        from db.repositories.help_documents import SqlDocumentAudiences

        return self._repository("audiences", SqlDocumentAudiences)

    def _repository(
        self, name: str, make: Callable[[AsyncConnection], Repository]
    ) -> Repository:
        made = self._repositories.get(name)
        if made is None:
            made = self._repositories[name] = make(self.connection)
        return cast(Repository, made)

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
                await open_for_reading(connection)
            else:
                await connection.begin()
                self._capture_mark = await capture_mark(connection)
        except BaseException as error:
            await self._give_back(connection, error)
            raise
        self._connection = connection
        self._repositories = {}
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
                await close_for_reading(connection)
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
        history: SqlHistoryRepository | None = self._repositories.get("history")
        if history is not None:
            await history.flush(now=utcnow())
        events = self.outbox.drain()
        if events and self._event_sink is not None:
            await self._event_sink(connection).record(events)
        # What the triggers captured of our own writes: notified above (or, without a
        # sink, deliberately not at all), so never again by change capture.
        await forget_own_changes(connection, self._capture_mark)
        await connection.commit()
        if events and self._committed is not None:
            self._committed(events)
        await connection.begin()
        self._capture_mark = await capture_mark(connection)

    async def rollback(self) -> None:
        self.outbox.clear()
        history: SqlHistoryRepository | None = self._repositories.get("history")
        if history is not None:
            history.discard()
        if self._read_only:
            return
        await self.connection.rollback()
        await self.connection.begin()
        self._capture_mark = await capture_mark(self.connection)
