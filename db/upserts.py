"""`INSERT … ON CONFLICT`: each dialect builds it on its own INSERT, spelled alike.

Only the running database's dialect module is imported (its driver has loaded it
already), so a command on the SQLite file never loads PostgreSQL's.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import RowMapping, Table
from sqlalchemy.ext.asyncio import AsyncConnection

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite


def insert_into(table: Table, dialect: str) -> postgresql.Insert | sqlite.Insert:
    """An INSERT into `table` that takes `on_conflict_do_…` on PostgreSQL and SQLite alike."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


async def upserted(
    connection: AsyncConnection, table: Table, *, key: Mapping[str, Any],
    values: Mapping[str, Any], created_at: datetime,
) -> RowMapping:
    """The row of `table` with `key` (its unique columns) inserted, or updated to `values` where
    it exists; returned as stored. `created_at` is written only by the insert."""
    insert = insert_into(table, connection.dialect.name).values(
        **key, **values, created_at=created_at
    )
    statement = insert.on_conflict_do_update(
        index_elements=[table.c[name] for name in key], set_=dict(values)
    ).returning(table)
    row: RowMapping = (await connection.execute(statement)).mappings().one()
    return row
