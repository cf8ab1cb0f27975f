"""`ticketflow migrate`: bring the database schema to the newest revision."""

from __future__ import annotations

import argparse
from typing import Any

from db.migrate import upgrade
from ticketflow.settings import Settings


def register(subcommands: Any) -> None:
    parser = subcommands.add_parser(
        "migrate", help="create or upgrade the schema (adopts an existing TicketFlow database)"
    )
    parser.set_defaults(command=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    await upgrade(settings.database_url)
    print(f"ticketflow: the {settings.backend} database is up to date")
    return 0
