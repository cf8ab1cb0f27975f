"""Create what the database lacks, remember it, and on downgrade remove only that.

The web app owns most tables of the shared database and may have created them
first. A revision therefore adopts its tables from their one definition in
`db.tables`: a missing table is created, a table that exists gets only its
missing columns and indexes, and nothing that exists is dropped or altered.
What was created is written to `bot_schema_adoptions`, so that the downgrade
takes away exactly that.

A later revision that adds a column to one of the service's tables edits the
definition and calls `adopt` on the table again: a fresh database gets the
column from the earlier revision's create, an existing one from this one.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, Literal

from alembic import op
from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    DefaultClause,
    ForeignKey,
    Table,
    and_,
    delete,
    exists,
    inspect,
    select,
)

from db.metadata import DRIZZLE_NAMING
from db.tables import metadata, schema_adoptions


class SchemaObject(StrEnum):
    TABLE = "table"
    COLUMN = "column"
    INDEX = "index"


class UnadoptableTable(RuntimeError):
    """A table exists without its primary key: it is not the table we know."""


def adopt(tables: Iterable[Table], *, revision: str) -> None:
    """Give the database every table, column and index of `tables` it lacks."""
    bind = op.get_bind()
    for table in (schema_adoptions, *_in_dependency_order(tables)):
        _adopt_table(bind, table, revision)


def abandon(*, revision: str) -> None:
    """Remove what `adopt` created in `revision`, and nothing that was there before."""
    bind = op.get_bind()
    created: dict[SchemaObject, list[tuple[str, str]]] = defaultdict(list)
    for kind, table_name, object_name in bind.execute(
        select(
            schema_adoptions.c.kind, schema_adoptions.c.table_name, schema_adoptions.c.object_name
        ).where(schema_adoptions.c.revision == revision)
    ):
        created[SchemaObject(kind)].append((table_name, object_name))
    created_tables = {table_name for table_name, _ in created[SchemaObject.TABLE]}
    for table_name, index_name in created[SchemaObject.INDEX]:
        if table_name not in created_tables:
            op.drop_index(index_name, table_name=table_name)
    _drop_unused_columns(bind, created[SchemaObject.COLUMN], keep_for=created_tables)
    bind.execute(delete(schema_adoptions).where(schema_adoptions.c.revision == revision))
    for table in reversed(_in_dependency_order(metadata.tables[name] for name in created_tables)):
        table.drop(bind)


def _adopt_table(bind: Connection, table: Table, revision: str) -> None:
    inspector = inspect(bind)
    if not inspector.has_table(table.name):
        table.create(bind)
        _record(bind, revision, SchemaObject.TABLE, table, table.name)
        return
    present = {column["name"] for column in inspector.get_columns(table.name)}
    missing = [column for column in table.columns if column.name not in present]
    if any(column.primary_key for column in missing):
        raise UnadoptableTable(f"{table.name} exists but lacks its primary key column(s)")
    if missing:
        # SQLite adds neither constraints nor non-constant defaults in place: copy the table.
        recreate: Literal["always", "auto"] = "always" if bind.dialect.name == "sqlite" else "auto"
        with op.batch_alter_table(
            table.name, recreate=recreate, naming_convention=DRIZZLE_NAMING
        ) as batch:
            for column in missing:
                batch.add_column(_addable(column))
        for column in missing:
            _record(bind, revision, SchemaObject.COLUMN, table, column.name)
    indexed = {index["name"] for index in inspector.get_indexes(table.name)}
    for index in table.indexes:
        if index.name not in indexed:
            index.create(bind)
            _record(bind, revision, SchemaObject.INDEX, table, str(index.name))


def _addable(column: Column[Any]) -> Column[Any]:
    """A detached copy existing rows can take: nullable unless a server default fills it."""
    default = column.server_default
    copied_default = DefaultClause(default.arg) if isinstance(default, DefaultClause) else None
    return Column(
        column.name,
        column.type,
        *(
            ForeignKey(key.target_fullname, ondelete=key.ondelete, name=_constraint_name(key))
            for key in column.foreign_keys
        ),
        nullable=column.nullable or copied_default is None,
        unique=column.unique,
        server_default=copied_default,
    )


def _constraint_name(key: ForeignKey) -> str | None:
    """The name the convention gave it: a detached copy could not resolve the referred table."""
    return None if key.constraint is None else str(key.constraint.name)


def _drop_unused_columns(
    bind: Connection, columns: Sequence[tuple[str, str]], *, keep_for: set[str]
) -> None:
    """Drop added columns, except where someone has since written to them.

    The columns added to the web app's tables are the web app's current schema;
    once it has stored data there (a password hash, a ticket prefix), the data is
    the web app's and outlives the downgrade.
    """
    by_table: dict[str, list[str]] = defaultdict(list)
    for table_name, column_name in columns:
        if table_name not in keep_for:
            by_table[table_name].append(column_name)
    for table_name, column_names in by_table.items():
        table = metadata.tables[table_name]
        unused = [name for name in column_names if not _holds_data(bind, table.c[name])]
        if unused:
            with op.batch_alter_table(table_name, naming_convention=DRIZZLE_NAMING) as batch:
                for name in unused:
                    batch.drop_column(name)


def _holds_data(bind: Connection, column: Column[Any]) -> bool:
    written: ColumnElement[bool] = column.is_not(None)
    if isinstance(column.server_default, DefaultClause):
        written = and_(written, column != column.server_default.arg)
    return bool(bind.scalar(select(exists().where(written))))


def _record(bind: Connection, revision: str, kind: SchemaObject, table: Table, name: str) -> None:
    bind.execute(
        schema_adoptions.insert().values(
            kind=kind, table_name=table.name, object_name=name, revision=revision
        )
    )


def _in_dependency_order(tables: Iterable[Table]) -> list[Table]:
    wanted = set(tables)
    return [table for table in metadata.sorted_tables if table in wanted]
