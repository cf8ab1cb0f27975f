"""`ticketflow smtp set|show|reseal`: the outgoing mail server for notification emails.

The password is sealed with TICKETFLOW_SECRET_KEY before it is stored and is
never printed. `reseal` re-seals it with the first key after a key rotation.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import Any

from db.repositories.email_settings import SqlEmailSettings
from domain.clock import utcnow
from domain.validation import parse_email
from notify.email import ENCRYPTIONS
from notify.email_settings import SmtpSettings
from notify.secrets import SecretBox, SecretKeyMissing, SecretUnreadable
from ticketflow.cli import on_runtime, with_runtime
from ticketflow.commands import port_number
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings

MAX_PASSWORD_BYTES = 120
"""A sealed token of this many bytes still fits the web app's varchar(255) column."""


def register(subcommands: Any) -> None:
    smtp = subcommands.add_parser("smtp", help="the mail server for notification emails")
    actions = smtp.add_subparsers(required=True, metavar="ACTION")
    update = actions.add_parser("set", help="store (or change) the SMTP settings")
    update.add_argument("--host")
    update.add_argument("--port", type=port_number)
    update.add_argument("--username")
    secret = update.add_mutually_exclusive_group()
    secret.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )
    secret.add_argument(
        "--password", help="the password (visible in the process list; prefer --password-stdin)"
    )
    update.add_argument("--from-email")
    update.add_argument("--from-name")
    update.add_argument("--encryption", choices=ENCRYPTIONS)
    state = update.add_mutually_exclusive_group()
    state.add_argument(
        "--active",
        dest="active",
        action="store_true",
        default=None,
        help="send notification emails (the default)",
    )
    state.add_argument(
        "--inactive",
        dest="active",
        action="store_false",
        help="keep the settings but send no email",
    )
    update.set_defaults(command=set_smtp)
    actions.add_parser("show", help="print the settings (never the password)").set_defaults(
        command=show_smtp
    )
    actions.add_parser(
        "reseal", help="re-seal the stored password with the first secret key"
    ).set_defaults(command=reseal_password)


async def set_smtp(args: argparse.Namespace, settings: Settings) -> int:
    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else args.password
    if password is not None and len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        return _fail(f"the password is longer than {MAX_PASSWORD_BYTES} bytes")
    try:
        sealed = None if password is None else _box(settings).seal(password)
    except SecretKeyMissing as error:
        return _fail(str(error))

    async def work(runtime: Runtime) -> int:
        store = SqlEmailSettings(runtime.engine)
        current = await store.smtp()
        if current is None and not args.from_email:
            return _fail("--from-email is required the first time")
        base = current or SmtpSettings(from_email=parse_email(args.from_email))
        changes: dict[str, Any] = {
            "host": args.host,
            "port": args.port,
            "username": args.username,
            "password": sealed,
            "from_name": args.from_name,
            "encryption": args.encryption,
            "is_active": args.active,
            "from_email": parse_email(args.from_email) if args.from_email else None,
        }
        saved = await store.save_smtp(
            replace(base, **{k: v for k, v in changes.items() if v is not None}), now=utcnow()
        )
        print(f"ticketflow: SMTP settings saved\n{_describe(saved, settings)}")
        return 0

    return await with_runtime(settings, work)


@on_runtime
async def show_smtp(args: argparse.Namespace, runtime: Runtime) -> int:
    current = await SqlEmailSettings(runtime.engine).smtp()
    print(_describe(current, runtime.settings) if current else "no SMTP settings: email is off")
    return 0


@on_runtime
async def reseal_password(args: argparse.Namespace, runtime: Runtime) -> int:
    store = SqlEmailSettings(runtime.engine)
    current = await store.smtp()
    if current is None or not current.password:
        return _fail("there is no stored SMTP password")
    try:
        token = _box(runtime.settings).reseal(current.password)
    except (SecretKeyMissing, SecretUnreadable) as error:
        return _fail(str(error))
    await store.save_smtp(replace(current, password=token), now=utcnow())
    print("ticketflow: the SMTP password is sealed with the first secret key")
    return 0


def _box(settings: Settings) -> SecretBox:
    return SecretBox(settings.secret_keys)


def _describe(smtp: SmtpSettings, settings: Settings) -> str:
    lines = [
        ("host", smtp.host or "(none)"),
        ("port", str(smtp.port)),
        ("encryption", smtp.encryption),
        ("username", smtp.username or "(none)"),
        ("password", _password_state(smtp, settings)),
        ("from", f"{smtp.from_name} <{smtp.from_email}>"),
        ("email", "on" if smtp.usable else "off"),
    ]
    return "\n".join(f"  {name:<11} {value}" for name, value in lines)


def _password_state(smtp: SmtpSettings, settings: Settings) -> str:
    if not smtp.password:
        return "not set"
    if not settings.secret_keys:
        return "set (TICKETFLOW_SECRET_KEY is missing, so it cannot be used)"
    try:
        _box(settings).open(smtp.password)
    except SecretUnreadable:
        return "set, but not readable with TICKETFLOW_SECRET_KEY: set it again"
    return "set (sealed)"


def _fail(message: str) -> int:
    print(f"ticketflow: {message}", file=sys.stderr)
    return 2
