"""One pooled connection per turn: everything a turn reads and writes borrows it in turn.

A turn claims its receipt, reads its state, runs its use cases and keeps its answer one
after the other, and checked a connection out of the pool for each (five for a card
turn, ~0.15 ms each, and at 50 conversations a wait for the pool each time). Inside
`one_connection_per_turn(engine)` every `checkout` and `transaction` (this module's
`engine.connect()` and `engine.begin()`) and every unit of work of the same pool, in the
task that opened it, borrows the turn's connection instead. It is checked out on first
use and returned when the turn ends, however it ends, or earlier, when the turn is about to
wait on Teams (`set_aside`): no pooled session is held across a network call.

Transactions stay exactly where they were: each borrower begins and ends its own, and
what it leaves open is rolled back when it gives the connection back (as closing a
pooled connection does). Between borrowers the connection holds no transaction, so on
SQLite no write lock (`BEGIN IMMEDIATE`) outlives the use case that took it and other
turns' writers do not queue behind a whole turn. An autocommit engine
(`execution_options(isolation_level="AUTOCOMMIT")`, PostgreSQL's single statements)
borrows it in autocommit; a transactional borrower gets the default level back.

Whatever cannot borrow takes its own connection as before: another task (a task the
turn started inherits the context but not the connection: two tasks must never share
one), a nested borrower while the connection is lent out, another engine's pool. A
borrower that raises has its work rolled back and the turn keeps the connection; when
the rollback fails or the borrower is cancelled, the connection is closed (the pool
resets or discards it) and the next borrower checks out a fresh one.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.pool import Pool

AUTOCOMMIT = "AUTOCOMMIT"


class _TurnConnection:
    """The turn's connection, checked out on first use and lent to one borrower at a time."""

    def __init__(self, engine: AsyncEngine, owner: asyncio.Task[object] | None) -> None:
        self.engine = engine
        self.owner = owner
        self.connection: AsyncConnection | None = None
        self.lent = False
        self._autocommit = False

    def serves(self, engine: AsyncEngine) -> bool:
        return (
            not self.lent
            and self.owner is asyncio.current_task()
            and _pool(engine) is _pool(self.engine)
        )

    async def lend(self, *, autocommit: bool) -> AsyncConnection:
        self.lent = True
        try:
            if self.connection is None:
                self.connection = await self.engine.connect()
                self._autocommit = autocommits(self.engine)
            if autocommit != self._autocommit:
                level = AUTOCOMMIT if autocommit else self.connection.default_isolation_level
                await self.connection.execution_options(isolation_level=level)
                self._autocommit = autocommit
        except BaseException:
            await self.give_up()
            raise
        return self.connection

    async def take_back(self) -> None:
        """After a borrower: whatever it left open is rolled back, as closing would."""
        try:
            if self.connection is not None and self.connection.in_transaction():
                await self.connection.rollback()
        except BaseException:
            await self.give_up()
            raise
        self.lent = False

    async def give_up(self) -> None:
        """When the connection may be unusable (a failed rollback, a cancelled borrower),
        and at the end of the turn: closed, so the pool resets or discards it."""
        connection, self.connection = self.connection, None
        self.lent = False
        if connection is not None:
            await connection.close()


_TURN: ContextVar[_TurnConnection | None] = ContextVar("ticketflow_turn_connection",
                                                       default=None)


@asynccontextmanager
async def one_connection_per_turn(engine: AsyncEngine) -> AsyncIterator[None]:
    """Everything the current task does with `engine`'s pool inside shares one connection,
    checked out when first needed and returned at the end, also when the turn fails."""
    held = _TurnConnection(engine, asyncio.current_task())
    token = _TURN.set(held)
    try:
        yield
    finally:
        _TURN.reset(token)
        await held.give_up()


async def set_aside() -> None:
    """Before the turn waits on something that is not the database (a post to Teams and its
    pacing, a resend waiting for the first delivery's answer): the turn's connection goes
    back to the pool, so a turn that Teams holds up holds no session others need, and the
    next borrower checks one out again. Nothing happens outside a turn, in another task, or
    while a borrower holds the connection."""
    held = _TURN.get()
    if held is not None and not held.lent and held.owner is asyncio.current_task():
        await held.give_up()


@asynccontextmanager
async def checkout(
    engine: AsyncEngine, *, autocommit: bool | None = None
) -> AsyncIterator[AsyncConnection]:
    """Like `engine.connect()`, the turn's connection where it may be borrowed. `autocommit`
    None follows the engine's own isolation level."""
    wanted = autocommits(engine) if autocommit is None else autocommit
    held = _TURN.get()
    if held is None or not held.serves(engine):
        async with engine.connect() as connection:
            if wanted and not autocommits(engine):
                await connection.execution_options(isolation_level=AUTOCOMMIT)
            yield connection
        return
    connection = await held.lend(autocommit=wanted)
    try:
        yield connection
    except Exception:
        await held.take_back()
        raise
    except BaseException:
        await held.give_up()
        raise
    await held.take_back()


@asynccontextmanager
async def transaction(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """Like `engine.begin()`: committed when the block succeeds, rolled back when it fails."""
    async with checkout(engine) as connection, connection.begin():
        yield connection


def autocommits(engine: AsyncEngine) -> bool:
    return bool(engine.get_execution_options().get("isolation_level") == AUTOCOMMIT)


def _pool(engine: AsyncEngine) -> Pool:
    return engine.sync_engine.pool
