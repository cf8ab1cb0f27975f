"""Reading without a write transaction: a connection lent for reading
(`db.uow.SqlUnitOfWork.reading`), where any statement that is not a query is refused
before it is sent, and an engine view for code that only reads (`reading_engine`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.connections import AUTOCOMMIT
from db.engine import READ_ONLY
from domain.ports import ReadOnlyWork


def reading_engine(engine: AsyncEngine) -> AsyncEngine:
    """`engine` for statements that only read, on the same pool, read as `open_for_reading`
    reads: each statement in autocommit on PostgreSQL (no BEGIN and ROLLBACK round trips), in
    a deferred transaction on SQLite (a WAL snapshot, not the write lock every other
    transaction takes, so a help search neither waits for nor holds up a ticket's write)."""
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level=AUTOCOMMIT)
    return engine.execution_options(**{READ_ONLY: True})


async def open_for_reading(connection: AsyncConnection) -> None:
    """On PostgreSQL the connection was lent in autocommit; on SQLite its transaction
    begins deferred (`db.engine`)."""
    if connection.dialect.name != "postgresql":
        await connection.execution_options(**{READ_ONLY: True})
    event.listen(connection.sync_connection, "before_cursor_execute", _refuse_writes)


async def close_for_reading(connection: AsyncConnection) -> None:
    """`open_for_reading` undone, for the next borrower of a turn's connection."""
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
