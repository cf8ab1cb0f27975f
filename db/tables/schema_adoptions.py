"""The migrations' own ledger of what they created, so a downgrade removes only that."""

from sqlalchemy import Column, PrimaryKeyConstraint, String, Table

from db.metadata import metadata
from db.tables.columns import created_at

schema_adoptions = Table(
    "bot_schema_adoptions",
    metadata,
    Column("kind", String(10), nullable=False),
    Column("table_name", String(63), nullable=False),
    Column("object_name", String(63), nullable=False),
    Column("revision", String(64), nullable=False),
    created_at(nullable=False),
    PrimaryKeyConstraint("kind", "table_name", "object_name"),
)
