"""`column IN (…)` for a list bound at run time, compiled once.

An expanding bind (`bindparam(…, expanding=True)`) makes SQLAlchemy rewrite the compiled
SQL on every execution to fit the list's length: ~0.1 ms a statement, the largest single
item in a card turn's profile (the state read by key, the refresh audience's lists). Bound
as one value instead, the statement is compiled once and cached: a PostgreSQL array
(`= ANY(:values)`), or on SQLite a JSON array read back with `json_each`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ColumnElement, any_, bindparam, func, select


def one_of(column: ColumnElement[Any], name: str, dialect: str) -> ColumnElement[bool]:
    """`column` is one of the list bound as `name` (pass a list; empty matches nothing)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import ARRAY  # loaded already on PostgreSQL

        return column == any_(bindparam(name, type_=ARRAY(column.type)))
    values = func.json_each(bindparam(name, type_=JSON)).table_valued("value")
    return column.in_(select(values.c.value))
