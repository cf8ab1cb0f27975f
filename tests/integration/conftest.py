"""Loading the SQL files in tests/fixtures, written per backend as `<name>_<backend>.sql`."""

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from db.engine import create_engine

FIXTURES = Path(__file__).parent.parent / "fixtures"

SqlFixtureLoader = Callable[[str, str], Awaitable[None]]


@pytest.fixture
def load_sql_fixture(backend: str) -> SqlFixtureLoader:
    """`await load_sql_fixture(url, "webapp")` runs tests/fixtures/webapp_<backend>.sql on `url`."""

    async def load(url: str, name: str) -> None:
        script = (FIXTURES / f"{name}_{backend}.sql").read_text()
        engine = create_engine(url)
        try:
            async with engine.connect() as connection:
                # Scripts hold many statements: hand them to the driver whole.
                driver = (await connection.get_raw_connection()).driver_connection
                assert driver is not None
                if backend == "postgresql":
                    await driver.execute(script)
                else:
                    await driver.executescript(script)
        finally:
            await engine.dispose()

    return load
