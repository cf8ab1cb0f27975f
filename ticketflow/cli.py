"""The `ticketflow` command."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from domain.errors import DomainError
from ticketflow.commands import COMMANDS, module_of

if TYPE_CHECKING:
    from ticketflow.runtime import Runtime
    from ticketflow.settings import Settings, SettingsError

Command = Callable[[argparse.Namespace, "Settings"], Coroutine[Any, Any, int]]


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # `ticketflow users list | head -1`: the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit has nowhere to fail
        return 141


def _main(argv: Sequence[str] | None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(arguments).parse_args(arguments)
    from ticketflow.settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"ticketflow: {error}", file=sys.stderr)
        return 2
    import asyncio

    command: Command = args.command
    try:
        return asyncio.run(command(args, settings))
    except SettingsError as error:  # e.g. the database is unreachable or its schema behind
        _print_refusal(settings, error)
        return 2
    except DomainError as error:
        print(f"ticketflow: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _print_refusal(settings: Settings, error: SettingsError) -> None:
    """One line on stderr; a JSON object when the logs are JSON, so collectors parse it."""
    if settings.log_format == "json":
        line = json.dumps({
            "time": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": "ERROR", "logger": "ticketflow", "message": str(error),
            "variable": error.variable,
        })
        print(line, file=sys.stderr)
    else:
        print(f"ticketflow: {error}", file=sys.stderr)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Every command; given `argv`, only the command it names is loaded, and the others
    are listed by name and summary, which is all `--help` or an error message shows."""
    parser = CommandParser(prog="ticketflow", description=__doc__)
    subcommands = parser.add_subparsers(required=True, metavar="COMMAND")
    chosen = COMMANDS if argv is None else [_command_named(argv)]
    for name in chosen:
        if name is not None and name not in subcommands.choices:
            importlib.import_module(module_of(name)).register(subcommands)
    for name, entry in COMMANDS.items():
        if name not in subcommands.choices:
            subcommands.add_parser(name, help=entry.summary)
    return parser


def _command_named(argv: Sequence[str]) -> str | None:
    """The command `argv` runs: its first word (the top level has no options that take a value)."""
    first = next((word for word in argv if not word.startswith("-")), None)
    return first if first in COMMANDS else None


class DefaultsShown(argparse.HelpFormatter):
    """Adds "(default: …)" to every option that takes a value whose default is a real value
    and whose help does not already say what the default is. A flag's help says in words what
    happens without it: its own default (`store_false`'s True) is not the setting's."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        shown = not (default is None or default is False or default == "" or default == [])
        shown = shown and default != argparse.SUPPRESS and action.nargs != 0
        if shown and action.option_strings and "default" not in text:
            text = f"{text} (default: %(default)s)".lstrip()
        return text or None


class Subcommands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands whose own `--help` opens with the summary their parent lists."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if "help" in kwargs:
            kwargs.setdefault("description", kwargs["help"])
        parser: argparse.ArgumentParser = super().add_parser(name, **kwargs)
        return parser


class CommandParser(argparse.ArgumentParser):
    """The parser for `ticketflow` and, through `add_subparsers`, all its subcommands."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DefaultsShown)
        super().__init__(**kwargs)
        self.register("action", "parsers", Subcommands)


async def with_runtime(settings: Settings, work: Callable[[Runtime], Awaitable[int]]) -> int:
    from ticketflow.runtime import open_runtime

    runtime = await open_runtime(settings)
    try:
        return await work(runtime)
    finally:
        await runtime.close()


def on_runtime(
    work: Callable[[argparse.Namespace, Runtime], Awaitable[int]],
) -> Command:
    """A command whose whole work needs the database: run with an open runtime, closed
    again however it ends (`with_runtime` serves commands that do something first)."""

    async def command(args: argparse.Namespace, settings: Settings) -> int:
        return await with_runtime(settings, lambda runtime: work(args, runtime))

    command.__name__ = command.__qualname__ = work.__name__
    command.__doc__ = work.__doc__
    return command


if __name__ == "__main__":
    sys.exit(main())
