"""One module per command group, each with `register(subcommands)`; found by name."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Sequence
from typing import Any


def register_all(subcommands: Any) -> None:
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}").register(subcommands)


def table(rows: Sequence[tuple[object, ...]], headers: tuple[str, ...]) -> str:
    """Plain columns for terminal listings."""
    cells = [tuple("" if c is None else str(c) for c in row) for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in cells]
    return "\n".join(lines)
