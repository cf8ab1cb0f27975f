"""`ticketflow migrate`: bring the database schema to the newest revision, or back to an older one."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from alembic.util import CommandError

from db.migrate import downgrade, revisions, upgrade
from ticketflow.reachability import ensure_database_reachable
from ticketflow.settings import Settings


def register(subcommands: Any) -> None:
    parser = subcommands.add_parser(
        "migrate", help="create or upgrade the schema (adopts an existing TicketFlow database)"
    )
    parser.add_argument(
        "--downgrade-to",
        metavar="REVISION",
        help="undo the revisions after REVISION (e.g. 0007_help_audience removes change capture;"
        " base removes everything the service created, keeping TicketFlow's data)",
    )
    parser.set_defaults(command=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.downgrade_to:
        known = ["base", *revisions()]
        if args.downgrade_to not in known:
            print(f"ticketflow: --downgrade-to: there is no revision {args.downgrade_to!r}; "
                  f"use one of: {', '.join(known)}", file=sys.stderr)
            return 2
    await ensure_database_reachable(settings.database_url)
    if args.downgrade_to:
        try:
            await downgrade(settings.database_url, args.downgrade_to)
        except CommandError as refused:  # e.g. a revision the database is not past yet
            print(f"ticketflow: --downgrade-to: {refused}", file=sys.stderr)
            return 2
        print(f"ticketflow: the {settings.backend} database is back at {args.downgrade_to}")
        return 0
    await upgrade(settings.database_url)
    print(f"ticketflow: the {settings.backend} database is up to date")
    return 0
