"""The real database every integration and end-to-end test runs on.

TICKETFLOW_TEST_DATABASE_URL=postgresql+asyncpg://… runs the suite on that
PostgreSQL database, which must exist and be reachable: if it is not, every
database test fails (it is never skipped). Unset, the suite runs on a SQLite
file in a temporary folder. Either way the database is migrated once per run,
and each test starts with every table empty.

TICKETFLOW_TEST_CLOCK=2026-12-31T23:30:00+00:00 runs the suite as if it began at that
instant (the clock then runs on as usual): a test that holds only at some times of day,
on some weekdays or at a year's end shows itself at will instead of on the night CI meets it.
Only this process travels: a service started as a subprocess, and a column's database
default (`now()`), keep the real time, so a test relying on either is set apart by it.
"""

import os
import re
from datetime import datetime
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from uuid import uuid4

import pytest
import pytest_asyncio
import time_machine
from sqlalchemy import make_url, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from db.engine import create_engine
from db.migrate import upgrade
from db.tables import metadata, schema_adoptions

TEST_DATABASE_URL = "TICKETFLOW_TEST_DATABASE_URL"
# Schema bookkeeping, not data: emptying it would make a downgrade forget what it created.
SCHEMA_TABLES = ("alembic_version", schema_adoptions.name)

ScratchDatabase = Callable[..., Awaitable[str]]
TEST_CLOCK = "TICKETFLOW_TEST_CLOCK"


def pytest_configure(config: pytest.Config) -> None:
    if at := os.environ.get(TEST_CLOCK):
        moment = datetime.fromisoformat(at)
        if moment.tzinfo is None:
            raise pytest.UsageError(f"{TEST_CLOCK} needs a UTC offset: {at}")
        time_machine.travel(moment, tick=True).start()  # for the whole run


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get(TEST_DATABASE_URL):
        return
    skip = pytest.mark.skip(reason=f"needs PostgreSQL: set {TEST_DATABASE_URL}")
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def backend() -> str:
    """ "postgresql" or "sqlite": the database the suite runs on."""
    return "postgresql" if os.environ.get(TEST_DATABASE_URL) else "sqlite"


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get(TEST_DATABASE_URL) or (
        f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('database') / 'ticketflow.db'}"
    )
    await _fail_unless_reachable(url)
    await upgrade(url)
    return url


@pytest_asyncio.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    await _empty_every_table(engine)
    yield engine
    await engine.dispose()


@pytest_asyncio.fixture
async def scratch_database(
    database_url: str, backend: str, tmp_path: Path
) -> AsyncIterator[ScratchDatabase]:
    """`await scratch_database(prefix="xx_")`: the URL of a new, empty database of its own.

    On PostgreSQL the database is named with the caller's prefix (each helper
    owns one) and dropped after the test; on SQLite it is a new file.
    """
    created: list[str] = []

    async def create(*, prefix: str) -> str:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", prefix):
            raise ValueError(
                f"database name prefix {prefix!r} must be lower-case letters, digits, _"
            )
        name = f"{prefix}{uuid4().hex[:16]}"
        if backend == "sqlite":
            return f"sqlite+aiosqlite:///{tmp_path / name}.db"
        await _administer(database_url, f'CREATE DATABASE "{name}"')
        created.append(name)
        return make_url(database_url).set(database=name).render_as_string(hide_password=False)

    yield create
    for name in created:
        await _administer(database_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _fail_unless_reachable(url: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except (OSError, SQLAlchemyError) as error:
        pytest.fail(f"{TEST_DATABASE_URL}: cannot reach {url}: {error}", pytrace=False)
    finally:
        await engine.dispose()


async def _empty_every_table(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = (
                await connection.execute(
                    text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                )
            ).scalars()
            quote = connection.dialect.identifier_preparer.quote
            tables = ", ".join(quote(name) for name in names if name not in SCHEMA_TABLES)
            await connection.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
            return
        for table in reversed(metadata.sorted_tables):
            if table.name not in SCHEMA_TABLES:
                await connection.execute(table.delete())
        has_sequences = await connection.scalar(
            text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")
        )
        if has_sequences:
            await connection.exec_driver_sql("DELETE FROM sqlite_sequence")


async def _administer(url: str, statement: str) -> None:
    engine = create_async_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            await connection.exec_driver_sql(statement)
    finally:
        await engine.dispose()
