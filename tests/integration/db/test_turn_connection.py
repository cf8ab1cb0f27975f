"""One connection per turn: the turn's work shares one check-out, and every use case still
commits, rolls back and locks exactly as it does on a connection of its own."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from db.connections import checkout, one_connection_per_turn, set_aside, transaction
from db.engine import create_engine
from db.tables import users
from db.uow import SqlUnitOfWork
from domain.ports import ReadOnlyWork


@contextmanager
def checkouts(engine: AsyncEngine) -> Iterator[list[object]]:
    taken: list[object] = []

    def record(dbapi_connection: object, *_: Any) -> None:
        taken.append(dbapi_connection)

    event.listen(engine.sync_engine.pool, "checkout", record)
    try:
        yield taken
    finally:
        event.remove(engine.sync_engine.pool, "checkout", record)


@asynccontextmanager
async def other_process(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine of its own, as another replica or the web app would have."""
    engine = create_engine(database_url)
    try:
        yield engine
    finally:
        await engine.dispose()


async def add_user(uow: SqlUnitOfWork, email: str) -> None:
    await uow.connection.execute(users.insert().values(
        id=email, email=email, first_name="A", last_name="B", role="user"))


async def emails(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        return set((await connection.scalars(select(users.c.email))).all())


def single_statements(engine: AsyncEngine) -> AsyncEngine:
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="AUTOCOMMIT")
    return engine


async def test_a_turns_statements_use_cases_and_reads_share_one_check_out(
    engine: AsyncEngine,
) -> None:
    with checkouts(engine) as taken:
        async with one_connection_per_turn(engine):
            async with transaction(single_statements(engine)) as connection:
                await connection.execute(text("SELECT 1"))
            async with checkout(single_statements(engine)) as connection:
                await connection.execute(text("SELECT 1"))
            async with SqlUnitOfWork(engine) as uow:
                await add_user(uow, "ada@example.com")
                await uow.commit()
            async with SqlUnitOfWork(engine).reading() as uow:
                assert await uow.users.get_by_email("ada@example.com") is not None
    assert len(taken) == 1
    assert engine.sync_engine.pool.checkedout() == 0  # type: ignore[attr-defined]


async def test_a_use_case_in_a_turn_is_committed_when_it_commits_not_when_the_turn_ends(
    engine: AsyncEngine, database_url: str
) -> None:
    async with other_process(database_url) as other, one_connection_per_turn(engine):
        async with SqlUnitOfWork(engine) as uow:
            await add_user(uow, "ada@example.com")
            await uow.commit()
        assert await emails(other) == {"ada@example.com"}


async def test_between_its_use_cases_a_turn_holds_no_lock_another_writer_would_wait_for(
    engine: AsyncEngine, database_url: str
) -> None:
    """On SQLite a writer takes the database's write lock (`BEGIN IMMEDIATE`); here the
    other writer does not wait at all (busy timeout 0), so a lock still held fails it."""
    async with other_process(database_url) as other, one_connection_per_turn(engine):
        async with SqlUnitOfWork(engine) as uow:
            await add_user(uow, "ada@example.com")
            await uow.commit()
        async with SqlUnitOfWork(engine).reading() as uow:
            await uow.users.get_by_email("ada@example.com")
        async with checkout(engine) as connection:  # begins on its first statement
            await connection.execute(select(users.c.email))
        async with other.connect() as connection:
            if other.dialect.name == "sqlite":
                await connection.exec_driver_sql("PRAGMA busy_timeout=0")
            else:
                await connection.exec_driver_sql("SET lock_timeout = 1")
            await connection.execute(
                users.update().where(users.c.email == "ada@example.com").values(first_name="Z"))
            await connection.commit()


async def test_a_failed_use_case_is_rolled_back_and_the_turn_goes_on_on_its_connection(
    engine: AsyncEngine,
) -> None:
    with checkouts(engine) as taken:
        async with one_connection_per_turn(engine):
            with pytest.raises(LookupError):
                async with SqlUnitOfWork(engine) as uow:
                    await add_user(uow, "lost@example.com")
                    raise LookupError("refused after a write")
            async with SqlUnitOfWork(engine) as uow:
                await add_user(uow, "kept@example.com")
                await uow.commit()
    assert await emails(engine) == {"kept@example.com"}
    assert len(taken) == 1


async def test_a_reading_use_case_hands_the_next_one_a_connection_that_rolls_back(
    engine: AsyncEngine,
) -> None:
    """On PostgreSQL the reading one runs in autocommit: a write after it that does not
    commit must still vanish, so the default level must be back."""
    async with one_connection_per_turn(engine):
        async with SqlUnitOfWork(engine).reading() as uow:
            with pytest.raises(ReadOnlyWork):
                await add_user(uow, "refused@example.com")
        async with SqlUnitOfWork(engine) as uow:
            await add_user(uow, "uncommitted@example.com")
        async with transaction(single_statements(engine)) as connection:
            await connection.execute(users.insert().values(
                id="single", email="single@example.com", first_name="A", last_name="B",
                role="user"))
        async with SqlUnitOfWork(engine) as uow:
            await add_user(uow, "uncommitted-again@example.com")
    assert await emails(engine) == {"single@example.com"}


async def test_a_task_the_turn_starts_takes_a_connection_of_its_own(engine: AsyncEngine) -> None:
    """Two tasks never share a connection, even though the task inherits the turn's context."""

    async def elsewhere() -> None:
        async with SqlUnitOfWork(engine).reading() as uow:
            await uow.users.get_by_email("ada@example.com")

    with checkouts(engine) as taken:
        async with one_connection_per_turn(engine):
            async with SqlUnitOfWork(engine).reading() as uow:
                await asyncio.create_task(elsewhere())
                await uow.users.get_by_email("ada@example.com")
            await asyncio.create_task(elsewhere())
    assert len(taken) == 3


async def test_a_turn_that_fails_gives_its_connection_back(engine: AsyncEngine) -> None:
    with pytest.raises(LookupError):
        async with one_connection_per_turn(engine):
            async with SqlUnitOfWork(engine).reading() as uow:
                await uow.users.get_by_email("ada@example.com")
            raise LookupError("the turn failed")
    assert engine.sync_engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    async with SqlUnitOfWork(engine) as uow:
        await add_user(uow, "after@example.com")
        await uow.commit()
    assert await emails(engine) == {"after@example.com"}


async def test_outside_a_turn_each_use_case_checks_out_its_own(engine: AsyncEngine) -> None:
    with checkouts(engine) as taken:
        for _ in range(2):
            async with SqlUnitOfWork(engine).reading() as uow:
                await uow.users.get_by_email("ada@example.com")
    assert len(taken) == 2


async def test_set_aside_gives_the_turns_connection_back_until_the_next_use_case(
    engine: AsyncEngine,
) -> None:
    """What a turn does before it waits on Teams: no pooled session is held meanwhile."""
    pool = engine.sync_engine.pool
    with checkouts(engine) as taken:
        async with one_connection_per_turn(engine):
            async with SqlUnitOfWork(engine) as uow:
                await add_user(uow, "ada@example.com")
                await uow.commit()
            assert pool.checkedout() == 1  # type: ignore[attr-defined]
            await set_aside()
            assert pool.checkedout() == 0  # type: ignore[attr-defined]
            await set_aside()  # twice in a row: nothing to give back
            async with SqlUnitOfWork(engine).reading() as uow:
                assert await uow.users.get_by_email("ada@example.com") is not None
            assert pool.checkedout() == 1  # type: ignore[attr-defined]
    assert len(taken) == 2
    assert pool.checkedout() == 0  # type: ignore[attr-defined]


async def test_set_aside_leaves_a_connection_a_use_case_is_using(engine: AsyncEngine) -> None:
    """Inside a use case, in a task the turn started, or outside any turn, it does nothing."""
    pool = engine.sync_engine.pool
    async with one_connection_per_turn(engine):
        async with SqlUnitOfWork(engine) as uow:
            await add_user(uow, "ada@example.com")
            await set_aside()
            await asyncio.create_task(set_aside())
            await uow.commit()
        async with SqlUnitOfWork(engine).reading() as uow:
            await uow.users.get_by_email("ada@example.com")
        await asyncio.create_task(set_aside())
        assert pool.checkedout() == 1  # type: ignore[attr-defined]
    await set_aside()
    assert await emails(engine) == {"ada@example.com"}
