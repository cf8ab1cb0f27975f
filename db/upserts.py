"""`INSERT … ON CONFLICT`: each dialect builds it on its own INSERT, spelled alike."""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite


def insert_into(table: Table, dialect: str) -> postgresql.Insert | sqlite.Insert:
    """An INSERT into `table` that takes `on_conflict_do_…` on PostgreSQL and SQLite alike."""
    return postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
