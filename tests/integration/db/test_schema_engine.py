"""The engine enforces what the schema declares, on every connection."""

import asyncio

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import UnsupportedDatabase, create_engine
from db.tables import departments, team_members, teams


async def test_a_reference_to_a_missing_row_is_refused(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        await connection.execute(teams.insert().values(name="Desk"))

    with pytest.raises(IntegrityError):
        async with engine.begin() as connection:
            await connection.execute(team_members.insert().values(team_id=1, user_id="nobody"))


@pytest.mark.parametrize("attempt", [1, 2])
async def test_every_test_starts_with_empty_tables_and_fresh_ids(
    engine: AsyncEngine, attempt: int
) -> None:
    async with engine.begin() as connection:
        inserted = await connection.execute(
            departments.insert().values(name="IT").returning(departments.c.id)
        )

        assert inserted.scalar_one() == 1


async def test_sqlite_connections_use_wal_and_wait_for_locks(
    engine: AsyncEngine, backend: str
) -> None:
    if backend != "sqlite":
        pytest.skip("SQLite pragmas")
    async with engine.connect() as connection:
        settings = [
            await connection.scalar(text(f"PRAGMA {name}"))
            for name in ("foreign_keys", "journal_mode", "busy_timeout", "synchronous")
        ]

    assert settings == [1, "wal", 10000, 1]


@pytest.mark.postgres_only
async def test_postgresql_sessions_run_in_utc(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        assert await connection.scalar(text("SHOW timezone")) == "UTC"


def test_an_unsupported_database_url_is_refused() -> None:
    with pytest.raises(UnsupportedDatabase, match="mysql"):
        create_engine("mysql+aiomysql://localhost/ticketflow")


async def test_a_sqlite_transaction_waits_for_the_one_writing_before_it(
    engine: AsyncEngine, backend: str
) -> None:
    if backend != "sqlite":
        pytest.skip("SQLite locking")
    async with engine.connect() as first, engine.connect() as second:
        await first.execute(departments.insert().values(name="IT"))
        beginning = asyncio.Event()

        async def count_in_a_transaction() -> int | None:
            beginning.set()
            async with second.begin():  # sends BEGIN IMMEDIATE before this task yields
                return await second.scalar(select(func.count()).select_from(departments))

        waiting = asyncio.create_task(count_in_a_transaction())
        await beginning.wait()  # resumes only once the task waits on its BEGIN
        assert not waiting.done()

        await first.commit()

        assert await waiting == 1
