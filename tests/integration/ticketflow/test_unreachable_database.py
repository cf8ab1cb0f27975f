"""A database that cannot be reached stops every command with one line that says where
and what to check, and exit status 2 -- never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from ticketflow.settings import load_settings

CLOSED_PORT_URL = "postgresql+asyncpg://tf:s3cret-pw@127.0.0.1:1/ticketflow"


def run_cli(*args: str, database_url: str, log_format: str = "text") -> subprocess.CompletedProcess[str]:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("TICKETFLOW_")
    }
    environment.update(TICKETFLOW_DATABASE_URL=database_url, TICKETFLOW_LOG_FORMAT=log_format)
    return subprocess.run(
        [sys.executable, "-m", "ticketflow.cli", *args],
        env=environment, capture_output=True, text=True, timeout=300, check=False,
    )


@pytest.mark.parametrize("command", [("serve",), ("migrate",), ("users", "list")])
def test_an_unreachable_postgresql_server_is_named_in_one_line(command: tuple[str, ...]) -> None:
    finished = run_cli(*command, database_url=CLOSED_PORT_URL)

    assert finished.returncode == 2
    lines = finished.stderr.strip().splitlines()
    assert len(lines) == 1, finished.stderr
    assert "127.0.0.1:1" in lines[0] and "check that the server is running" in lines[0]
    assert "s3cret-pw" not in finished.stderr
    assert finished.stdout == ""


def test_the_refusal_is_a_json_line_when_logs_are_json() -> None:
    finished = run_cli("users", "list", database_url=CLOSED_PORT_URL, log_format="json")

    assert finished.returncode == 2
    entry = json.loads(finished.stderr)
    assert entry["level"] == "ERROR"
    assert entry["variable"] == "TICKETFLOW_DATABASE_URL"
    assert "127.0.0.1:1" in entry["message"]


def test_a_sqlite_file_in_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "ticketflow.db"

    finished = run_cli("migrate", database_url=f"sqlite+aiosqlite:///{missing}")

    assert finished.returncode == 2
    assert len(finished.stderr.strip().splitlines()) == 1
    assert str(missing.parent) in finished.stderr


def test_a_file_that_is_no_database_is_named_in_one_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 100)

    finished = run_cli("users", "list", database_url=f"sqlite:///{notes}")

    assert finished.returncode == 2
    assert finished.stderr.strip().splitlines() == [
        f"ticketflow: TICKETFLOW_DATABASE_URL: cannot open the SQLite database '{notes}' "
        f"(file is not a database); check that the folder '{tmp_path}' exists and is writable"
    ]
    assert notes.read_text() == "not a database\n" * 100


@pytest.mark.parametrize(("url", "said"), [
    ("postgresql://tf:s3cret-pw@[::1/ticketflow", "Invalid IPv6 URL"),
    ("postgresql://tf:s3cret-pw@db:5432x/ticketflow", "Port could not be cast"),
    ("postgresql://tf:s3cret-pw@db/ticketflow?sslmode=yes", "use sslmode=disable or"),
    ("postgresql://tf:s3cret-pw@db/ticketflow?application_name=tf", "'application_name'"),
    ("sqlite:///", "name the SQLite file"),
])
def test_a_database_url_the_driver_cannot_take_is_refused_in_one_line(url: str, said: str) -> None:
    finished = run_cli("serve", database_url=url)

    assert finished.returncode == 2
    lines = finished.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ticketflow: TICKETFLOW_DATABASE_URL: ")
    assert said in lines[0]
    assert "s3cret-pw" not in finished.stderr


@pytest.mark.postgres_only
async def test_a_server_named_in_the_host_option_is_reached(database_url: str) -> None:
    """`?host=` is how SQLAlchemy names a Unix socket's folder (`/cloudsql/…`) or failover
    hosts; the options check lets it through to a working connection."""
    parts = urlsplit(database_url)
    user = parts.netloc.rpartition("@")[0]
    given = urlunsplit(parts._replace(
        scheme="postgresql", netloc=f"{user}@" if user else "",
        query=urlencode({"host": parts.hostname, "port": parts.port or 5432})))

    engine = create_async_engine(load_settings({"TICKETFLOW_DATABASE_URL": given},
                                               env_file=None).database_url)
    try:
        async with engine.connect() as connection:
            assert (await connection.execute(text("SELECT current_database()"))).scalar() \
                == parts.path.lstrip("/")
    finally:
        await engine.dispose()
