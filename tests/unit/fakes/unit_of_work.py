"""A fake unit of work: a working copy of the tables that only `commit` publishes.

Isolation model: a unit of work reads a snapshot taken when it is entered; a
locked read (`for_update=True`) or a numbering lock waits for the other holder
and then reads the latest committed row, as PostgreSQL does under READ
COMMITTED. Two units of work that must overlap therefore belong in two tasks.
"""

from __future__ import annotations

import asyncio
from collections.abc import Hashable
from types import TracebackType
from typing import TYPE_CHECKING, Self

from domain.events import TicketEvent
from domain.ports import (
    ApiKeyRepository,
    AttachmentRepository,
    CommentRepository,
    CompanySettingsRepository,
    DeliveryTicketRepository,
    DepartmentRepository,
    DigestRepository,
    HistoryRepository,
    InvitationRepository,
    ReadOnlyWork,
    SubscriptionRepository,
    TeamRepository,
    TicketRepository,
    UserRepository,
)
from tests.unit.fakes.people import (
    FakeCompanySettingsRepository,
    FakeDepartmentRepository,
    FakeInvitationRepository,
    FakeTeamRepository,
    FakeUserRepository,
)
from tests.unit.fakes.settings import (
    FakeApiKeyRepository,
    FakeDigestRepository,
    FakeSubscriptionRepository,
)
from tests.unit.fakes.tables import ForeignKeyViolation, Tables, UniqueViolation, check_unique
from tests.unit.fakes.tickets import (
    FakeAttachmentRepository,
    FakeCommentRepository,
    FakeDeliveryTickets,
    FakeHistoryRepository,
    FakeOutbox,
    FakeTicketRepository,
)

if TYPE_CHECKING:
    from tests.unit.fakes.database import FakeDatabase


class FakeUnitOfWork:
    """One transaction over a `FakeDatabase`: a working copy that only `commit` publishes.

    Opened with `reading()`, every write raises `ReadOnlyWork`, as the SQL one does.
    """

    def __init__(self, database: FakeDatabase, *, read_only: bool = False) -> None:
        self.database = database
        self.read_only = read_only
        self.users: UserRepository = FakeUserRepository(self)
        self.teams: TeamRepository = FakeTeamRepository(self)
        self.tickets: TicketRepository = FakeTicketRepository(self)
        self.comments: CommentRepository = FakeCommentRepository(self)
        self.deliveries: DeliveryTicketRepository = FakeDeliveryTickets(self)
        self.history: HistoryRepository = FakeHistoryRepository(self)
        self.attachments: AttachmentRepository = FakeAttachmentRepository(self)
        self.departments: DepartmentRepository = FakeDepartmentRepository(self)
        self.invitations: InvitationRepository = FakeInvitationRepository(self)
        self.company: CompanySettingsRepository = FakeCompanySettingsRepository(self)
        self.subscriptions: SubscriptionRepository = FakeSubscriptionRepository(self)
        self.api_keys: ApiKeyRepository = FakeApiKeyRepository(self)
        self.digests: DigestRepository = FakeDigestRepository(self)
        self.outbox = FakeOutbox(self)
        self._work: Tables | None = None
        self._written: dict[tuple[str, Hashable], None] = {}
        self._events: list[TicketEvent] = []
        self._held: list[asyncio.Lock] = []

    async def __aenter__(self) -> Self:
        if self._work is not None:
            raise RuntimeError("a unit of work cannot be entered twice at once")
        if not self.read_only:
            self.database.writes_opened += 1
        self._begin()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._release()
        self._work = None

    def reading(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self.database, read_only=True)

    def queue_event(self, event: TicketEvent) -> None:
        self.tables  # noqa: B018 - refuses a publish outside `async with`
        self._refuse_in_reading("a ticket event")
        self._events.append(event)

    async def commit(self) -> None:
        work = self.tables
        self._refuse_in_reading("commit")
        if self._events:
            self.outbox.record(list(self._events))
        merged = self.database.committed.copy()
        for name, key in self._written:
            rows, target = work.table(name), merged.table(name)
            if key in rows:
                target[key] = rows[key]
            else:
                target.pop(key, None)
        check_unique(merged)
        self.database.committed = merged
        self.database.commits += 1
        self._release()
        self._begin()

    async def rollback(self) -> None:
        self.tables  # noqa: B018 - refuses a rollback outside `async with`
        self._release()
        self._begin()

    # What the repositories use.

    @property
    def tables(self) -> Tables:
        if self._work is None:
            raise RuntimeError("the unit of work is used outside `async with`")
        return self._work

    def insert(self, table: str, key: Hashable, row: object) -> None:
        self._refuse_in_reading(f"INSERT into {table}")
        rows = self.tables.table(table)
        if key in rows:
            raise UniqueViolation(f"{table}: key {key!r} already exists")
        rows[key] = row
        self._written[(table, key)] = None
        check_unique(self.tables)

    def update(self, table: str, key: Hashable, row: object) -> None:
        self._refuse_in_reading(f"UPDATE of {table}")
        rows = self.tables.table(table)
        if key not in rows:
            raise LookupError(f"{table}: no row {key!r} to update")
        rows[key] = row
        self._written[(table, key)] = None

    def delete(self, table: str, key: Hashable) -> bool:
        self._refuse_in_reading(f"DELETE from {table}")
        found = self.tables.table(table).pop(key, None) is not None
        if found:
            self._written[(table, key)] = None
        return found

    def require(self, table: str, key: Hashable) -> None:
        if key not in self.tables.table(table) and key not in self.database.committed.table(table):
            raise ForeignKeyViolation(f"{table}: no row {key!r}")

    async def lock(self, key: Hashable) -> None:
        """Held until commit or rollback, like `SELECT … FOR UPDATE` or an advisory lock."""
        lock = self.database.lock(key)
        if lock not in self._held:
            await lock.acquire()
            self._held.append(lock)

    def refresh(self, table: str, key: Hashable) -> None:
        """After a lock, read the latest committed row unless this transaction wrote it."""
        if (table, key) in self._written:
            return
        committed, rows = self.database.committed.table(table), self.tables.table(table)
        if key in committed:
            rows[key] = committed[key]
        else:
            rows.pop(key, None)

    def _refuse_in_reading(self, what: str) -> None:
        if self.read_only:
            raise ReadOnlyWork(f"{what} in a unit of work opened for reading")

    def _begin(self) -> None:
        self._work = self.database.committed.copy()
        self._written = {}
        self._events = []

    def _release(self) -> None:
        while self._held:
            self._held.pop().release()
