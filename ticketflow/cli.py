"""The `ticketflow` command."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any

from domain.errors import DomainError
from ticketflow.runtime import Runtime, open_runtime
from ticketflow.settings import Settings, SettingsError, load_settings

Command = Callable[[argparse.Namespace, Settings], Coroutine[Any, Any, int]]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"ticketflow: {error}", file=sys.stderr)
        return 2
    command: Command = args.command
    try:
        return asyncio.run(command(args, settings))
    except SettingsError as error:  # e.g. the database schema is behind this release
        print(f"ticketflow: {error}", file=sys.stderr)
        return 2
    except DomainError as error:
        print(f"ticketflow: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    from ticketflow.commands import register_all

    parser = argparse.ArgumentParser(prog="ticketflow", description=__doc__)
    subcommands = parser.add_subparsers(required=True, metavar="COMMAND")
    register_all(subcommands)
    return parser


async def with_runtime(settings: Settings, work: Callable[[Runtime], Awaitable[int]]) -> int:
    runtime = await open_runtime(settings)
    try:
        return await work(runtime)
    finally:
        await runtime.close()


if __name__ == "__main__":
    sys.exit(main())
