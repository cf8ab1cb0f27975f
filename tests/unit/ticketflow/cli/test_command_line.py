"""The `ticketflow` command: starts at once, and every command explains itself."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.paths import ROOT
from ticketflow.cli import build_parser, main
from ticketflow.commands import COMMANDS

HEAVY = ("botbuilder", "botframework", "sqlalchemy", "openai", "aiohttp", "alembic", "pypdf")


def loaded_after(argv: list[str], cwd: Path) -> tuple[set[str], str]:
    """The modules a fresh `ticketflow ARGV` process holds when it is done, and its output."""
    probe = (
        "import contextlib, io, json, sys\n"
        "from ticketflow.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(json.dumps([sorted(sys.modules), out.getvalue()]))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TICKETFLOW_", "Microsoft"))}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-c", probe], cwd=cwd, env=env, check=True,
                          capture_output=True, text=True)
    modules, output = json.loads(done.stdout.splitlines()[-1])
    return set(modules), output


def heavy(modules: set[str]) -> set[str]:
    return {name for name in modules if name.split(".")[0] in HEAVY}


def command_modules(modules: set[str]) -> set[str]:
    return {name for name in modules if name.startswith("ticketflow.commands.")}


def test_help_lists_every_command_without_loading_any(tmp_path: Path) -> None:
    modules, output = loaded_after(["--help"], tmp_path)
    assert heavy(modules) == set()
    assert command_modules(modules) == set()
    for name, entry in COMMANDS.items():
        assert name in output
        assert " ".join(entry.summary.split()[:3]) in " ".join(output.split())


def test_a_command_loads_only_its_own_module(tmp_path: Path) -> None:
    modules, output = loaded_after(["users", "add", "--help"], tmp_path)
    assert command_modules(modules) == {"ticketflow.commands.directory"}
    assert heavy(modules) == set()
    assert "(default: user)" in output


def test_listing_users_loads_neither_the_bot_nor_the_model_client(tmp_path: Path) -> None:
    modules, output = loaded_after(["users", "list"], tmp_path)
    assert output.split() == ["EMAIL", "NAME", "ROLE", "DEPARTMENT", "ACTIVE", "ID"]
    assert command_modules(modules) == {"ticketflow.commands.directory"}
    assert heavy(modules) & {"botbuilder", "botframework", "openai", "aiohttp", "pypdf"} == set()
    assert not {name for name in modules if name.startswith(("bot.", "knowledge."))}


def parsers(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser, str]]:
    """Every subcommand below `parser`, with the summary its parent lists for it."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            summaries = {choice.dest: choice.help for choice in action._choices_actions}
            for name, child in action.choices.items():
                yield child.prog, child, summaries.get(name) or ""
                yield from parsers(child)


def every_parser() -> list[tuple[str, argparse.ArgumentParser, str]]:
    return list(parsers(build_parser()))


def test_every_subcommand_has_a_one_line_summary_that_opens_its_help() -> None:
    found = every_parser()
    assert len(found) > len(COMMANDS)
    for prog, parser, summary in found:
        assert summary.strip(), f"{prog} has no summary"
        assert "\n" not in summary, prog
        assert parser.description == summary, prog
        assert summary in " ".join(parser.format_help().split()), prog


def test_the_commands_list_shows_what_each_command_module_registers() -> None:
    summaries = {prog.split()[1]: summary for prog, _, summary in every_parser()
                 if len(prog.split()) == 2}
    assert summaries == {name: entry.summary for name, entry in COMMANDS.items()}


def test_every_option_with_a_default_shows_it() -> None:
    for prog, parser, _ in every_parser():
        for action in parser._actions:
            default = action.default
            if not action.option_strings or default in (None, False, "", argparse.SUPPRESS):
                continue
            if action.nargs == 0:  # a flag: its help says what happens without it
                continue
            assert action.help and "default" in parser._get_formatter()._expand_help(action), (
                f"{prog} {action.option_strings[0]} hides its default {default!r}"
            )


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["migrate", "--help"], "adopts an existing TicketFlow database"),
        (["users", "add", "--help"], "(default: user)"),
        (["teams", "add-member", "--help"], "(default: member)"),
        (["outbox", "purge", "--help"], "default 30"),
    ],
)
def test_a_command_help_says_what_it_does_and_its_defaults(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser(argv).parse_args(argv)
    assert done.value.code == 0
    assert expected in " ".join(capsys.readouterr().out.split())


def test_a_flag_never_shows_its_own_default_as_the_setting(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["smtp", "set", "--help"]
    with pytest.raises(SystemExit):
        build_parser(argv).parse_args(argv)
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--inactive keep the settings but send no email" in help_text
    assert "(default: True)" not in help_text


def test_an_unknown_command_is_refused_with_the_list_of_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser(["tickets"]).parse_args(["tickets"])
    assert done.value.code == 2
    error = capsys.readouterr().err
    assert "invalid choice: 'tickets'" in error
    assert "users" in error and "teams-package" in error


@pytest.mark.parametrize(("argv", "expected"), [
    (["smtp", "set", "--port", "99999"], "argument --port: '99999' is not a port number (1–65535)"),
    (["smtp", "set", "--port", "0"], "argument --port: '0' is not a port number"),
    (["serve", "--port", "-1"], "argument --port: '-1' is not a port number"),
    (["worker", "--poll", "-1"], "argument --poll: must be more than 0 seconds"),
    (["worker", "--poll", "0"], "argument --poll: must be more than 0 seconds"),
    (["worker", "--poll", "nan"], "argument --poll: must be more than 0 seconds"),
    (["worker", "--poll", "soon"], "argument --poll: 'soon' is not a number of seconds"),
    (["docs", "stats", "--days", "-1"], "argument --days: must be 0 or more"),
    (["docs", "stats", "--top", "0"], "argument --top: must be 1 or more"),
])
def test_an_option_value_out_of_its_range_is_refused_before_anything_runs(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser(argv).parse_args(argv)
    assert done.value.code == 2
    assert expected in capsys.readouterr().err


def test_downgrading_to_a_revision_that_does_not_exist_lists_them_and_touches_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TICKETFLOW_DATABASE_URL", f"sqlite:///{tmp_path / 'tf.db'}")
    assert main(["migrate", "--downgrade-to", "0007"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("ticketflow: --downgrade-to: there is no revision '0007'; use one of: base, 0001_ticketflow, ")
    assert "0007_help_audience" in error and error.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TICKETFLOW_", "Microsoft"))}
    env["PYTHONPATH"] = str(ROOT)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the command writes a byte
    try:
        done = subprocess.run(
            [sys.executable, "-c", "import sys\n"
             "sys.stdout.reconfigure(line_buffering=True)  # each line written as a terminal is\n"
             "from ticketflow.cli import main\n"
             "sys.exit(main(['teams-package', '--app-id', '3f2504e0-4f89-11d3-9a0c-0305e82c3301',"
             " '--web-url', 'https://tickets.example.com']))\n"],
            cwd=tmp_path, env=env, stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 141
    assert done.stderr == ""
