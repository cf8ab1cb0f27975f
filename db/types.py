"""Column types that read the same on PostgreSQL and on the embedded SQLite file.

TicketFlow stores tags, permissions and the like in PostgreSQL arrays; SQLite has
no arrays, so there the same columns hold JSON lists. Callers always see lists.

PostgreSQL's own types are looked up when a PostgreSQL dialect asks for them, so a
command on the embedded SQLite file does not import that dialect.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import JSON, ColumnElement, Dialect, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.sqltypes import Boolean
from sqlalchemy.types import TypeDecorator, TypeEngine, to_instance


class Array(TypeDecorator[list[Any]]):
    """`item_type[]` on PostgreSQL, a JSON list on SQLite."""

    impl = JSON
    cache_ok = True

    class Comparator(TypeDecorator.Comparator[list[Any]]):
        def includes(self, item: Any) -> ColumnElement[bool]:
            """True where the list holds `item`; portable, unlike ARRAY's `any()`."""
            array_type = self.type
            assert isinstance(array_type, Array)
            return ArrayIncludes(self.expr, literal(item, array_type.item_type))

    comparator_factory = Comparator

    def __init__(self, item_type: TypeEngine[Any] | type[TypeEngine[Any]]) -> None:
        super().__init__(none_as_null=True)
        self.item_type = to_instance(item_type)

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import ARRAY

            return dialect.type_descriptor(ARRAY(self.item_type))
        return dialect.type_descriptor(JSON(none_as_null=True))

    def process_bind_param(self, value: Iterable[Any] | None, dialect: Dialect) -> list[Any] | None:
        if isinstance(value, str):
            raise TypeError(f"an array column takes a list of items, not the string {value!r}")
        return None if value is None else list(value)

    def process_result_value(self, value: list[Any] | None, dialect: Dialect) -> list[Any] | None:
        return None if value is None else list(value)

    def __repr__(self) -> str:
        return f"Array({self.item_type!r})"


class ArrayIncludes(ColumnElement[bool]):
    """`item = ANY(array)` on PostgreSQL, a `json_each` lookup on SQLite."""

    inherit_cache = True
    type = Boolean()

    def __init__(self, array: ColumnElement[Any], item: ColumnElement[Any]) -> None:
        self.array = array
        self.item = item


@compiles(ArrayIncludes, "postgresql")
def _includes_on_postgresql(element: ArrayIncludes, compiler: SQLCompiler, **kw: Any) -> str:
    return f"{compiler.process(element.item, **kw)} = ANY ({compiler.process(element.array, **kw)})"


@compiles(ArrayIncludes)
def _includes_in_json(element: ArrayIncludes, compiler: SQLCompiler, **kw: Any) -> str:
    array = compiler.process(element.array, **kw)
    item = compiler.process(element.item, **kw)
    return f"EXISTS (SELECT 1 FROM json_each({array}) WHERE json_each.value = {item})"


class EmptyArray(ColumnElement[list[Any]]):
    """Server default of an empty list: `'{}'` on PostgreSQL, `'[]'` in JSON."""

    inherit_cache = True


@compiles(EmptyArray, "postgresql")
def _empty_postgresql_array(element: EmptyArray, compiler: SQLCompiler, **kw: Any) -> str:
    return "'{}'"


@compiles(EmptyArray)
def _empty_json_list(element: EmptyArray, compiler: SQLCompiler, **kw: Any) -> str:
    return "'[]'"


class JsonDocument(TypeDecorator[Any]):
    """JSONB on PostgreSQL (indexable, compact), JSON text on SQLite; None is SQL NULL."""

    impl = JSON
    cache_ok = True

    def __init__(self) -> None:
        super().__init__(none_as_null=True)

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB(none_as_null=True))
        return dialect.type_descriptor(JSON(none_as_null=True))


def json_document() -> TypeEngine[Any]:
    return JsonDocument()
