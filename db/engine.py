"""The AsyncEngine for PostgreSQL (shared with the web app) or the embedded SQLite file."""

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry

SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA busy_timeout=10000",
    "PRAGMA synchronous=NORMAL",
)

POOL_SIZE = 50
POOL_OVERFLOW = 10
"""The defaults (`TICKETFLOW_DB_POOL_SIZE`, `TICKETFLOW_DB_POOL_OVERFLOW`), for 50
conversations at once. Sized while a turn still held its session through its reply's
pacing: then 52-54 were in use at 50 conversations, 30 + 10 ran at its ceiling (turns
queued for a session, the overflow reopened ~36 sessions in 40 s) and 50 + 10 opened 58 in
all and kept them. A turn now gives its session back while it waits on Teams
(`db.connections.set_aside`), so this is generous; not re-measured. At most 60 per
process, inside the default max_connections (100) with the web app beside it."""


READ_ONLY = "ticketflow_read_only"
"""Execution option of a connection that only reads (`db.uow.SqlUnitOfWork.reading`)."""


class UnsupportedDatabase(ValueError):
    """The URL names a database this service does not run on."""


def create_engine(
    url: str, *, pool_size: int = POOL_SIZE, pool_overflow: int = POOL_OVERFLOW
) -> AsyncEngine:
    """An engine for `postgresql+asyncpg://…` or `sqlite+aiosqlite:///path`; the pool
    sizes apply to PostgreSQL."""
    driver = make_url(url).drivername
    if driver == "postgresql+asyncpg":
        return _postgresql_engine(url, pool_size=pool_size, pool_overflow=pool_overflow)
    if driver == "sqlite+aiosqlite":
        return _sqlite_engine(url)
    raise UnsupportedDatabase(
        f"unsupported database URL scheme {driver!r}: use postgresql+asyncpg:// or sqlite+aiosqlite:///"
    )


def _postgresql_engine(url: str, *, pool_size: int, pool_overflow: int) -> AsyncEngine:
    # Columns are `timestamp without time zone` holding UTC, and `DEFAULT now()`
    # converts to the session time zone: pin it so defaults are UTC too.
    return create_async_engine(
        url,
        # No pre-ping: it costs a round trip (BEGIN/ROLLBACK) on every checkout, a third
        # of a turn's database time; recycling connections bounds staleness instead.
        pool_recycle=900,
        # Sized for the concurrency a process serves (POOL_SIZE): the pool keeps what it
        # opened, where a small one closes and reopens PostgreSQL sessions (a backend fork
        # and authentication each) every few seconds. Connections open only as concurrency
        # needs them.
        pool_size=pool_size,
        max_overflow=pool_overflow,
        connect_args={"server_settings": {"timezone": "UTC"}},
    )


def _sqlite_engine(url: str) -> AsyncEngine:
    engine = create_async_engine(url)
    event.listen(engine.sync_engine, "connect", _configure_sqlite_connection)
    event.listen(engine.sync_engine, "begin", _begin_immediate)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, _: ConnectionPoolEntry) -> None:
    # Take transactions away from the sqlite3 module, which begins them only
    # before DML and so would run a unit of work's reads outside its transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _begin_immediate(connection: Connection) -> None:
    # Take the write lock up front: two deferred transactions that both read and
    # then write fail with SQLITE_BUSY instead of waiting their turn. Transactions
    # therefore run one at a time (busy_timeout queues them): right for an
    # embedded single-node store, and it makes ticket numbering safe. A unit of work
    # that only reads begins deferred: in WAL mode it reads a snapshot without
    # queueing behind writers.
    options = connection.get_execution_options()
    if options.get(READ_ONLY):
        connection.exec_driver_sql("BEGIN")
    elif options.get("isolation_level") != "AUTOCOMMIT":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
