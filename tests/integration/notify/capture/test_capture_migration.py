"""`ticketflow migrate` installs change capture on a web-app database; its downgrade removes it."""

from __future__ import annotations

import asyncio
import os
import sys
from importlib import import_module

from db.migrate import upgrade
from tests.conftest import ScratchDatabase
from tests.integration.db.test_migrations import (
    PREFIX,
    SqlFixtureLoader,
    _rows,
    _tables,
    _web_app_database,
)

BEFORE_CAPTURE = import_module("migrations.versions.0006_change_capture").down_revision
TRIGGERS = [
    ("bot_capture_comment_insert",),
    ("bot_capture_history_insert",),
    ("bot_capture_task_insert",),
    ("bot_capture_task_update",),
]


def _triggers_query(url: str) -> str:
    if url.startswith("postgresql"):
        return "SELECT DISTINCT tgname FROM pg_trigger WHERE tgname LIKE 'bot_capture%' ORDER BY 1"
    return "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'bot_capture%' ORDER BY 1"


async def test_adopting_a_web_app_database_installs_capture_without_touching_its_rows(
    scratch_database: ScratchDatabase, load_sql_fixture: SqlFixtureLoader
) -> None:
    url = await _web_app_database(scratch_database, load_sql_fixture)
    tickets = await _rows(url, "SELECT * FROM tasks ORDER BY id")

    await upgrade(url)

    assert await _rows(url, _triggers_query(url)) == TRIGGERS
    assert await _rows(url, "SELECT * FROM tasks ORDER BY id") == tickets
    assert await _rows(url, "SELECT count(*) FROM bot_ticket_changes") == [(0,)]
    await _rows(url, "UPDATE tasks SET status = 'resolved' WHERE ticket_number = 'TKT-2024-0002'"
                     " RETURNING id")
    assert await _rows(url, "SELECT kind FROM bot_ticket_changes") == [("updated",)]


async def test_migrate_downgrade_removes_the_triggers_and_the_web_app_keeps_writing(
    scratch_database: ScratchDatabase, load_sql_fixture: SqlFixtureLoader
) -> None:
    url = await _web_app_database(scratch_database, load_sql_fixture)
    await upgrade(url)

    migrate = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "ticketflow.cli", "migrate", "--downgrade-to", str(BEFORE_CAPTURE),
        env={**os.environ, "TICKETFLOW_DATABASE_URL": url, "TICKETFLOW_ENV": "test"},
    )
    assert await migrate.wait() == 0

    assert await _rows(url, _triggers_query(url)) == []
    assert "bot_ticket_changes" not in await _tables(url)
    assert await _rows(
        url, "UPDATE tasks SET status = 'closed' WHERE ticket_number = 'TKT-2024-0002' RETURNING id"
    ) != []
    await upgrade(url)
    assert await _rows(url, _triggers_query(url)) == TRIGGERS


async def test_a_fresh_database_gets_the_triggers_too(scratch_database: ScratchDatabase) -> None:
    url = await scratch_database(prefix=PREFIX)

    await upgrade(url)

    assert await _rows(url, _triggers_query(url)) == TRIGGERS
