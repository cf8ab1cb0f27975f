"""`INSERT … ON CONFLICT`: each dialect builds it on its own INSERT, spelled alike.

Only the running database's dialect module is imported (its driver has loaded it
already), so a command on the SQLite file never loads PostgreSQL's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Table

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite


def insert_into(table: Table, dialect: str) -> postgresql.Insert | sqlite.Insert:
    """An INSERT into `table` that takes `on_conflict_do_…` on PostgreSQL and SQLite alike."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)
