"""Bring a database to the schema this service expects, with alembic, from code.

The alembic scripts ship inside the installed `migrations` package, so the
configuration is built here rather than read from an alembic.ini in the working
directory. Alembic keeps its context in module globals, so a process runs one
migration at a time; processes wait for each other (an advisory lock on
PostgreSQL, BEGIN IMMEDIATE on SQLite).
"""

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib.resources import files

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.engine import create_engine


class ForeignKeyViolation(RuntimeError):
    """A SQLite migration left rows pointing at nothing; it was rolled back."""


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("migrations")))
    config.set_main_option("path_separator", "os")
    return config


def revisions() -> list[str]:
    """Every revision id, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


async def upgrade(url: str, revision: str = "head") -> None:
    await _with_engine(url, lambda engine: ensure_schema(engine, revision=revision))


async def downgrade(url: str, revision: str) -> None:
    await _with_engine(url, lambda engine: _run(engine, command.downgrade, revision))


async def ensure_schema(engine: AsyncEngine, *, revision: str = "head") -> None:
    """Upgrade to `revision`; a no-op when the database is already there."""
    await _run(engine, command.upgrade, revision)


@asynccontextmanager
async def _migration_connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """One transaction for the whole migration; on SQLite with foreign keys off.

    SQLite alters a table by copying it, and dropping the old copy with foreign
    keys on would cascade or fail; its 12-step recipe turns them off, then checks.
    """
    async with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Outside any transaction, where SQLite honours it: past SQLAlchemy's BEGIN.
            driver = (await connection.get_raw_connection()).driver_connection
            assert driver is not None
            await driver.execute("PRAGMA foreign_keys=OFF")
        try:
            async with connection.begin():
                yield connection
                if sqlite:
                    await _check_foreign_keys(connection)
        finally:
            if sqlite:
                # The pool hands out a fresh connection, foreign keys on again.
                await connection.invalidate()


async def _check_foreign_keys(connection: AsyncConnection) -> None:
    violations = (await connection.exec_driver_sql("PRAGMA foreign_key_check")).all()
    if violations:
        raise ForeignKeyViolation(f"migration would leave dangling references: {violations[:5]}")


async def _with_engine(url: str, work: Callable[[AsyncEngine], Awaitable[None]]) -> None:
    engine = create_engine(url)
    try:
        await work(engine)
    finally:
        await engine.dispose()


async def _run(engine: AsyncEngine, alembic_command: Callable[..., None], revision: str) -> None:
    config = alembic_config()

    def run(connection: Connection) -> None:
        config.attributes["connection"] = connection
        alembic_command(config, revision)

    async with _migration_connection(engine) as connection:
        await connection.run_sync(run)
