"""Opening the service's runtime: the shared database must be at this release's schema,
which is read without loading alembic."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from db.engine import create_engine
from db.migrate import alembic_config, downgrade, upgrade
from db.revisions import current_revision, head_revision
from tests.conftest import ScratchDatabase
from ticketflow.runtime import SchemaBehind, open_runtime
from ticketflow.settings import Settings


async def test_a_database_that_was_not_migrated_stops_the_start_with_the_fix(
    scratch_database: ScratchDatabase,
) -> None:
    url = await scratch_database(prefix="tfrt_")
    with pytest.raises(SchemaBehind) as behind:
        await open_runtime(Settings(database_url=url), migrate=False)
    assert "run `ticketflow migrate` first" in str(behind.value)

    await upgrade(url)
    await downgrade(url, "0003_notifications")
    with pytest.raises(SchemaBehind, match="this release needs"):
        await open_runtime(Settings(database_url=url), migrate=False)

    await upgrade(url)
    runtime = await open_runtime(Settings(database_url=url), migrate=False)
    await runtime.close()


def test_the_newest_revision_is_the_head_alembic_knows() -> None:
    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


async def test_the_revision_is_read_as_alembic_reads_it(
    scratch_database: ScratchDatabase,
) -> None:
    url = await scratch_database(prefix="tfrt_")
    engine = create_engine(url)
    try:
        assert await current_revision(engine) is None
        await upgrade(url)
        assert await current_revision(engine) == head_revision()
        await downgrade(url, "0003_notifications")
        async with engine.connect() as connection:
            alembic_reads = await connection.run_sync(
                lambda sync: MigrationContext.configure(sync).get_current_revision()
            )
        assert await current_revision(engine) == alembic_reads == "0003_notifications"
    finally:
        await engine.dispose()


async def test_the_embedded_sqlite_database_is_brought_up_to_date_when_opened(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'ticketflow.db'}"
    await upgrade(url)
    await downgrade(url, "0003_notifications")
    runtime = await open_runtime(Settings(database_url=url))
    try:
        assert await current_revision(runtime.engine) == head_revision()
    finally:
        await runtime.close()


@pytest.mark.postgres_only
async def test_the_pool_keeps_as_many_sessions_as_configured_and_closes_the_overflow(
    scratch_database: ScratchDatabase,
) -> None:
    url = await scratch_database(prefix="tfrt_")
    await upgrade(url)
    settings = Settings(database_url=url, db_pool_size=2, db_pool_overflow=1)
    runtime = await open_runtime(settings, migrate=False)
    pool = runtime.engine.pool
    try:
        connections = [await runtime.engine.connect() for _ in range(3)]
        checked_out = pool.checkedout()
        for connection in connections:
            await connection.close()

        assert (pool.size(), checked_out, pool.checkedin()) == (2, 3, 2)
    finally:
        await runtime.close()
