"""Is the database there at all? One line that says where and what to check, not a traceback."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import create_engine
from ticketflow.settings import SettingsError

CONNECT_TIMEOUT_SECONDS = 10.0


class DatabaseUnreachable(SettingsError):
    """No connection could be opened to the configured database."""


async def ensure_database_reachable(
    database_url: str, *, engine: AsyncEngine | None = None,
    timeout: float = CONNECT_TIMEOUT_SECONDS,
) -> None:
    """Opens one connection; refuses with `DatabaseUnreachable` when it cannot.

    Given the `engine` the command will use, the connection is opened through it and
    stays in its pool for the command's first query (on PostgreSQL a connection costs
    a handshake and the dialect's first-connect queries); otherwise a temporary engine
    is made and disposed.
    """
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        _ensure_sqlite_opens(database_url, url.database)
        return
    temporary = create_engine(database_url) if engine is None else None
    try:
        async with asyncio.timeout(timeout), (engine or temporary).connect() as connection:
            await connection.execute(text("SELECT 1"))
    except (OSError, TimeoutError, SQLAlchemyError) as error:
        raise DatabaseUnreachable("TICKETFLOW_DATABASE_URL", _explained(database_url, error)) from None
    except Exception as error:  # asyncpg's own errors: wrong password, no such database
        if type(error).__module__.split(".")[0] != "asyncpg":
            raise
        raise DatabaseUnreachable("TICKETFLOW_DATABASE_URL", _explained(database_url, error)) from None
    finally:
        if temporary is not None:
            await temporary.dispose()


def lost_the_database(error: BaseException) -> bool:
    """The database could not be reached or its connection dropped (a restart, a network
    cut, a locked SQLite file), or every pooled connection stayed busy past the pool's
    timeout (more turns at once than it holds): the request may succeed if tried again,
    unlike a bug.

    A schema the code does not match ("no such column": a database not migrated) is a
    fault to fix, not an outage; and a network error of the Bot Connector or the model's
    endpoint is theirs, not the database's."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, DBAPIError):
            return cause.connection_invalidated or _unreachable(cause)
        if isinstance(cause, PoolTimeout):  # 200 conversations at once: a 500 and a traceback
            return True
        if isinstance(cause, (OSError, TimeoutError)) and not _of_another_service(cause):
            return True  # refused, reset, unreachable: raised before any DBAPI error
        cause = cause.__cause__
    return False


_SQLITE_OUTAGES = ("database is locked", "unable to open database", "disk i/o error")


def _unreachable(error: DBAPIError) -> bool:
    if isinstance(error.orig, sqlite3.Error):
        return any(outage in str(error.orig).casefold() for outage in _SQLITE_OUTAGES)
    return isinstance(error, (OperationalError, InterfaceError))


_OTHER_SERVICES = ("aiohttp", "openai", "httpx", "httpcore", "msrest", "requests", "urllib3")


def _of_another_service(error: BaseException) -> bool:
    return type(error).__module__.split(".")[0] in _OTHER_SERVICES


def _ensure_sqlite_opens(database_url: str, path: str | None) -> None:
    """A file, opened with the standard library: aiosqlite's connection thread, failing
    to open, would report to an event loop that `asyncio.run` has already closed."""
    if not path or path == ":memory:":
        return
    try:
        connection = sqlite3.connect(path)
        try:
            connection.execute("PRAGMA schema_version")  # a file that is no database fails here
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise DatabaseUnreachable(
            "TICKETFLOW_DATABASE_URL", _explained(database_url, error)
        ) from None


def _explained(database_url: str, error: BaseException) -> str:
    url = make_url(database_url)
    reason = _reason(error)
    if url.get_backend_name() == "sqlite":
        where = Path(url.database or "").resolve().parent
        return (
            f"cannot open the SQLite database {url.database!r} ({reason}); "
            f"check that the folder {str(where)!r} exists and is writable"
        )
    host = f"{url.host or 'localhost'}:{url.port or 5432}"
    return (
        f"cannot connect to the PostgreSQL database {url.database!r} on {host} ({reason}); "
        "check that the server is running and reachable from here, and the user, "
        "password and database name in the URL"
    )


def _reason(error: BaseException) -> str:
    """The driver's own words, one line, without the URL (which may carry a password)."""
    if isinstance(error, TimeoutError) and not str(error):
        return "no answer in time"
    cause = getattr(error, "orig", None) or error
    words = " ".join(str(cause).split()) or type(cause).__name__
    return words[:200]
