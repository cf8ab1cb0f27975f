"""Rows to domain values and back, driven by the dataclass fields (one place, every table)."""

from __future__ import annotations

import dataclasses
import logging
import types
import typing
from collections.abc import Iterable, Mapping
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import Result, Table

T = TypeVar("T")

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True, slots=True)
class _FieldType:
    enum: type[Enum] | None
    is_tuple: bool
    optional: bool


@cache
def _field_types(cls: type) -> dict[str, _FieldType]:
    hints = typing.get_type_hints(cls)
    result: dict[str, _FieldType] = {}
    for field in dataclasses.fields(cls):
        hint = hints[field.name]
        options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        enum = next((o for o in options if isinstance(o, type) and issubclass(o, Enum)), None)
        is_tuple = any(typing.get_origin(o) is tuple for o in options)
        result[field.name] = _FieldType(enum, is_tuple, type(None) in options)
    return result


def to_value(cls: type[T], row: Mapping[str, Any], **renamed: str) -> T:
    """Builds `cls` from a row; `renamed` maps a field name to a differently named column.

    A NULL in a column whose field is not optional takes the field's default: the
    web app may leave columns with a database default empty.
    """
    kwargs: dict[str, Any] = {}
    for name, kind in _field_types(cls).items():
        column = renamed.get(name, name)
        if column not in row:
            continue
        value = row[column]
        if kind.is_tuple:
            value = tuple(value or ())
        elif value is None:
            if not kind.optional:
                continue
        elif kind.enum is not None:
            value = kind.enum(value)
        kwargs[name] = value
    return cls(**kwargs)


def readable_values(cls: type[T], rows: Iterable[Mapping[str, Any]]) -> list[T]:
    """`cls` from each row another writer left readable. A value outside SCHEMA.md's (a
    status `pending`) cannot become `cls`: that row is logged and left out, as if it were
    not there, rather than failing the turn, list or batch that read it with the rest."""
    found: list[T] = []
    for row in rows:
        try:
            found.append(to_value(cls, row))
        except ValueError as unreadable:
            log.warning("%s %s cannot be read (%s): left out", cls.__name__, row.get("id"),
                        unreadable)
    return found


def first_value(cls: type[T], result: Result[Any]) -> T | None:
    """`cls` from the first row of `result`, or None when there is none."""
    row = result.mappings().first()
    return to_value(cls, row) if row else None


def to_row(value: object, table: Table, *, exclude: frozenset[str] = frozenset(),
           **renamed: str) -> dict[str, Any]:
    """The columns of `table` that `value` (a dataclass) carries, in storable form."""
    columns = table.c
    row: dict[str, Any] = {}
    for field in dataclasses.fields(value):  # type: ignore[arg-type]
        column = renamed.get(field.name, field.name)
        if field.name in exclude or column not in columns:
            continue
        item = getattr(value, field.name)
        if isinstance(item, Enum):
            item = item.value
        elif isinstance(item, tuple):
            item = list(item)
        row[column] = item
    return row
