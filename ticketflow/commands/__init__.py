"""One module per command group, each with `register(subcommands)`.

`COMMANDS` names every command, its one-line summary and the module that builds
it, so `ticketflow --help` lists them all without importing any, and running one
imports only its own module (the bot, the model client and SQLAlchemy load only
for the commands that use them).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class CommandEntry:
    module: str
    summary: str


COMMANDS: dict[str, CommandEntry] = {
    "serve": CommandEntry("serve", "run the bot endpoint (default 127.0.0.1:3978)"),
    "migrate": CommandEntry(
        "migrate", "create or upgrade the schema (adopts an existing TicketFlow database)"
    ),
    "chat": CommandEntry("chat", "talk to the bot in this terminal"),
    "users": CommandEntry("directory", "add and list TicketFlow users"),
    "teams": CommandEntry("directory", "add teams and members"),
    "apikey": CommandEntry("apikey", "create, list and revoke REST API keys"),
    "teams-package": CommandEntry(
        "teams_package", "write the Teams app package (manifest and icons in a zip)"
    ),
    "docs": CommandEntry("docs", "add, list, remove and reindex help documents"),
    "ask": CommandEntry("ask", "ask the help assistant a question"),
    "worker": CommandEntry(
        "worker", "deliver notifications from the outbox (Teams, webhooks, email)"
    ),
    "outbox": CommandEntry("outbox", "notification deliveries: status, retries, purge"),
    "smtp": CommandEntry("smtp", "the mail server for notification emails"),
}


def module_of(command: str) -> str:
    return f"{__name__}.{COMMANDS[command].module}"


def table(rows: Sequence[tuple[object, ...]], headers: tuple[str, ...]) -> str:
    """Plain columns for terminal listings."""
    cells = [tuple("" if c is None else str(c) for c in row) for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in cells]
    return "\n".join(lines)


def whole_number(minimum: int) -> Callable[[str], int]:
    """An option type: a whole number of at least `minimum`."""

    def parse(text: str) -> int:
        value = int(text)
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more")
        return value

    parse.__name__ = "whole number"  # argparse names the type in "invalid … value"
    return parse


def port_number(text: str) -> int:
    """An option type: a TCP port, 1–65535."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1–65535)")
    return int(text)


def seconds(text: str) -> float:
    """An option type: a number of seconds above zero."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError("must be more than 0 seconds")
    return value
