"""Opening the service's runtime: the shared database must be at this release's schema."""

from __future__ import annotations

import pytest

from db.migrate import downgrade, upgrade
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
