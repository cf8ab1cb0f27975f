"""One module per command group; each adds its subcommands to the parser."""

from __future__ import annotations

from typing import Any


def register_all(subcommands: Any) -> None:
    from ticketflow.commands import migrate, people, serve

    for module in (migrate, serve, people):
        module.register(subcommands)


def table(rows: list[tuple[object, ...]], headers: tuple[str, ...]) -> str:
    """Plain columns for terminal listings."""
    cells = [tuple("" if c is None else str(c) for c in row) for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in cells]
    return "\n".join(lines)
