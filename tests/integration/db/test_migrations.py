"""Migrations build the schema from nothing, adopt the web app's, and undo only their own work."""

import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Inspector, inspect, text

from db.engine import create_engine
from db.migrate import downgrade, upgrade
from db.tables import metadata, schema_adoptions
from db.tables.knowledge import DIALECT_OBJECTS
from tests.paths import ROOT

PREFIX = "tfdb_"
SERVICE_TABLES = {
    "bot_state",
    "bot_conversation_refs",
    "bot_user_links",
    "bot_activity_receipts",
    "notification_outbox",
    "bot_ticket_cards",
    "bot_ticket_changes",
    "bot_due_reminders",
    "bot_channel_digests",
    "bot_digest_runs",
    "bot_delivery_tickets",
    "bot_delivery_changes",
    "help_document_chunks",
    "help_indexed_sources",
    "help_answer_feedback",
    "help_exchanges",
    "help_document_audiences",
    "help_file_digests",
    schema_adoptions.name,
}
WEBAPP_TABLES = set(metadata.tables) - SERVICE_TABLES
WEB_APP_COLUMNS = {
    ("users", "password"),
    ("users", "is_approved"),
    ("users", "password_reset_token"),
    ("users", "password_reset_expires"),
    ("user_invitations", "department_id"),
    ("company_settings", "ticket_prefix"),
    ("user_guide_categories", "icon"),
}

ScratchDatabase = Callable[..., Awaitable[str]]
SqlFixtureLoader = Callable[[str, str], Awaitable[None]]
T = TypeVar("T")


async def _on(url: str, work: Callable[[Connection], T]) -> T:
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            return await connection.run_sync(work)
    finally:
        await engine.dispose()


async def _tables(url: str) -> set[str]:
    return set(await _on(url, lambda connection: inspect(connection).get_table_names()))


async def _columns(url: str, table: str) -> set[str]:
    return await _on(url, lambda c: {column["name"] for column in inspect(c).get_columns(table)})


def _dialect_tables(url: str) -> set[str]:
    """Tables a revision creates outside the MetaData on this database (SQLite's FTS5 index)."""
    dialect = "postgresql" if url.startswith("postgresql") else "sqlite"
    return {name for kind, name in DIALECT_OBJECTS[dialect] if kind == "table"}


async def _drift(url: str) -> list[Any]:
    """Differences from the MetaData, leaving out exactly the objects in DIALECT_OBJECTS."""

    def compare(connection: Connection) -> list[Any]:
        outside_metadata = DIALECT_OBJECTS[connection.dialect.name]

        def include_name(name: str | None, kind: str, parents: dict[str, str | None]) -> bool:
            key = f"{parents['table_name']}.{name}" if kind == "column" else name
            return (kind, key) not in outside_metadata

        context = MigrationContext.configure(
            connection, opts={"compare_server_default": True, "include_name": include_name}
        )
        return list(compare_metadata(context, metadata))

    return await _on(url, compare)


async def _rows(url: str, query: str) -> list[tuple[Any, ...]]:
    return await _on(url, lambda c: [tuple(row) for row in c.execute(text(query))])


async def _adoptions(url: str) -> list[tuple[Any, ...]]:
    return await _rows(
        url,
        "SELECT kind, table_name, object_name, revision FROM bot_schema_adoptions ORDER BY 1, 2, 3",
    )


async def _migrate_in_another_process(url: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        f"import asyncio; from db.migrate import upgrade; asyncio.run(upgrade({url!r}))",
        cwd=ROOT,
    )


async def _web_app_database(scratch: ScratchDatabase, load: SqlFixtureLoader) -> str:
    url = await scratch(prefix=PREFIX)
    await load(url, "webapp")
    return url


async def test_upgrading_an_empty_database_creates_every_table(
    scratch_database: ScratchDatabase,
) -> None:
    url = await scratch_database(prefix=PREFIX)

    await upgrade(url)

    assert await _tables(url) == set(metadata.tables) | {"alembic_version"} | _dialect_tables(url)


async def test_a_migrated_database_matches_the_table_definitions(
    scratch_database: ScratchDatabase,
) -> None:
    url = await scratch_database(prefix=PREFIX)

    await upgrade(url)

    assert await _drift(url) == []


async def test_the_session_expiry_index_exists(scratch_database: ScratchDatabase) -> None:
    url = await scratch_database(prefix=PREFIX)

    await upgrade(url)

    indexes = await _on(url, lambda c: inspect(c).get_indexes("sessions"))
    assert [(index["name"], index["column_names"]) for index in indexes] == [
        ("IDX_session_expire", ["expire"])
    ]


async def test_downgrading_to_base_removes_everything_and_upgrading_again_works(
    scratch_database: ScratchDatabase,
) -> None:
    url = await scratch_database(prefix=PREFIX)
    await upgrade(url)

    await downgrade(url, "base")
    assert await _tables(url) == {"alembic_version"}

    await upgrade(url)
    assert await _drift(url) == []


async def test_upgrading_twice_changes_nothing(scratch_database: ScratchDatabase) -> None:
    url = await scratch_database(prefix=PREFIX)
    await upgrade(url)
    adoptions = await _adoptions(url)

    await upgrade(url)

    assert await _adoptions(url) == adoptions
    assert await _drift(url) == []


async def test_adopting_a_web_app_database_keeps_its_data(
    scratch_database: ScratchDatabase, load_sql_fixture: SqlFixtureLoader
) -> None:
    url = await _web_app_database(scratch_database, load_sql_fixture)
    before = await _rows(
        url, "SELECT id, email, role, is_active, created_at FROM users ORDER BY id"
    )

    await upgrade(url)

    assert (
        await _rows(url, "SELECT id, email, role, is_active, created_at FROM users ORDER BY id")
        == before
    )
    tickets = await _rows(url, "SELECT ticket_number, status, assignee_type FROM tasks ORDER BY id")
    assert tickets == [
        ("TKT-2024-0001", "in_progress", "user"),
        ("TKT-2024-0002", "open", "user"),
        ("TKT-2024-0003", "open", "team"),
    ]
    assert await _rows(url, "SELECT company_name, primary_color FROM company_settings") == [
        ("Acme Ltd", "#ff6600")
    ]


async def test_adopting_adds_the_web_app_columns_with_their_defaults(
    scratch_database: ScratchDatabase, load_sql_fixture: SqlFixtureLoader
) -> None:
    url = await _web_app_database(scratch_database, load_sql_fixture)

    await upgrade(url)

    assert await _rows(url, "SELECT ticket_prefix FROM company_settings") == [("TKT",)]
    assert await _rows(url, "SELECT id FROM users WHERE is_approved ORDER BY id") == []
    assert await _rows(url, "SELECT count(*) FROM users WHERE password IS NULL") == [(4,)]
    recorded = {
        (table, column) for kind, table, column, _ in await _adoptions(url) if kind == "column"
    }
    assert recorded == WEB_APP_COLUMNS


async def test_an_adopted_database_matches_the_table_definitions(
    scratch_database: ScratchDatabase, load_sql_fixture: SqlFixtureLoader
) -> None:
    url = await _web_app_database(scratch_database, load_sql_fixture)

    await upgrade(url)

    assert await _drift(url) == []
    assert await _tables(url) == set(metadata.tables) | {"alembic_version"} | _dialect_tables(url)


async def test_migrating_an_adopted_database_again_changes_nothing(
    scratch_database: ScratchDatabase, load_sql_fixture: SqlFixtureLoader
) -> None:
    url = await _web_app_database(scratch_database, load_sql_fixture)
    await upgrade(url)
    adoptions = await _adoptions(url)

    await upgrade(url)

    assert await _adoptions(url) == adoptions
    assert {table for kind, table, _, _ in adoptions if kind == "table"} == SERVICE_TABLES


async def test_downgrading_an_adopted_database_keeps_the_web_app_tables_and_data(
    scratch_database: ScratchDatabase, load_sql_fixture: SqlFixtureLoader
) -> None:
    url = await _web_app_database(scratch_database, load_sql_fixture)
    tickets = await _rows(url, "SELECT * FROM tasks ORDER BY id")
    await upgrade(url)

    await downgrade(url, "base")

    assert await _tables(url) == WEBAPP_TABLES | {"alembic_version"}
    assert await _rows(url, "SELECT * FROM tasks ORDER BY id") == tickets
    assert "ticket_prefix" not in await _columns(url, "company_settings")


async def test_downgrading_to_the_first_revision_removes_every_service_table_and_trigger(
    scratch_database: ScratchDatabase,
) -> None:
    url = await scratch_database(prefix=PREFIX)
    await upgrade(url)

    await downgrade(url, "0001_ticketflow")

    assert await _tables(url) == WEBAPP_TABLES | {"alembic_version", schema_adoptions.name}
    triggers = (
        "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        if url.startswith("sqlite")
        else "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    )
    assert await _rows(url, triggers) == []


async def test_a_downgrade_keeps_an_added_column_the_web_app_has_written_to(
    scratch_database: ScratchDatabase, load_sql_fixture: SqlFixtureLoader
) -> None:
    url = await _web_app_database(scratch_database, load_sql_fixture)
    await upgrade(url)
    await _rows(url, "UPDATE users SET password = 'scrypt$hash' WHERE id = 'u-admin' RETURNING id")

    await downgrade(url, "base")

    users = await _columns(url, "users")
    assert "password" in users
    assert not {"is_approved", "password_reset_token", "password_reset_expires"} & users
    assert await _rows(url, "SELECT id FROM users WHERE password IS NOT NULL") == [("u-admin",)]


async def test_adoption_adds_a_missing_index_and_its_downgrade_removes_it(
    scratch_database: ScratchDatabase, load_sql_fixture: SqlFixtureLoader
) -> None:
    url = await _web_app_database(scratch_database, load_sql_fixture)
    await _on(url, lambda c: c.execute(text('DROP INDEX "IDX_session_expire"')))

    def index_names(inspector: Inspector) -> list[str | None]:
        return [index["name"] for index in inspector.get_indexes("sessions")]

    await upgrade(url)
    assert await _on(url, lambda c: index_names(inspect(c))) == ["IDX_session_expire"]

    await downgrade(url, "base")
    assert await _on(url, lambda c: index_names(inspect(c))) == []


async def test_processes_that_migrate_at_the_same_time_take_turns(
    scratch_database: ScratchDatabase,
) -> None:
    url = await scratch_database(prefix=PREFIX)

    migrations = [await _migrate_in_another_process(url) for _ in range(3)]

    assert [await process.wait() for process in migrations] == [0, 0, 0]
    assert await _drift(url) == []


async def test_chunks_indexed_before_the_one_analyzer_are_analysed_and_found_after_upgrading(
    scratch_database: ScratchDatabase,
) -> None:
    from knowledge.retrieval import LexicalRetriever
    from ticketflow.knowledge import chunk_search

    url = await scratch_database(prefix=PREFIX)
    await upgrade(url, "0008_channel_digests")
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text(
                "INSERT INTO help_documents (id, title, filename, content, file_data) "
                "VALUES (1, 'zip(1)', 'zip.pdf', '', '')"
            ))
            await connection.execute(text(
                "INSERT INTO help_document_chunks (source, document_id, ordinal, page, title, "
                "heading, text, created_at) VALUES ('help_document', 1, 0, 3, 'zip(1)', "
                "'-r --recurse-paths', 'Travel the directory structure recursively.', "
                "CURRENT_TIMESTAMP)"
            ))
            await connection.execute(text(
                "INSERT INTO help_indexed_sources (source, document_id, fingerprint, status, "
                "chunk_count, indexed_at) VALUES ('help_document', 1, 'old', 'indexed', 1, "
                "CURRENT_TIMESTAMP)"
            ))
        await upgrade(url)

        passages = await LexicalRetriever(chunk_search(engine)).search(
            "put a folder with its subfolders in a zip", limit=3
        )
        async with engine.connect() as connection:
            analysed = (await connection.execute(text(
                "SELECT search_text, search_related FROM help_document_chunks"
            ))).one()
    finally:
        await engine.dispose()

    assert analysed.search_text == "travel directori structur recurs"
    assert "folder" in analysed.search_related.split()
    assert [(p.document_id, p.page) for p in passages] == [(1, 3)]
