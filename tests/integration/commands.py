"""Running a `ticketflow` command in the test's own process, as the console script would."""

from __future__ import annotations

from ticketflow.cli import build_parser
from ticketflow.settings import Settings


async def run_command(settings: Settings, *argv: str) -> int:
    """`ticketflow <argv>` on `settings`; its exit status."""
    args = build_parser().parse_args(list(argv))
    return int(await args.command(args, settings))
