"""`ticketflow apikey …`: keys for integrations that use the REST API as a TicketFlow user."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from domain.actors import Operator
from domain.api_keys import ApiKey, Permission
from domain.clock import utcnow
from domain.services import api_keys, people
from ticketflow.cli import on_runtime
from ticketflow.commands import table
from ticketflow.runtime import Runtime


def register(subcommands: Any) -> None:
    apikey = subcommands.add_parser("apikey", help="create, list and revoke REST API keys")
    actions = apikey.add_subparsers(required=True, metavar="ACTION")
    create = actions.add_parser("create", help="create a key (shown once)")
    create.add_argument("--user", required=True, metavar="EMAIL", help="the key acts as this user")
    create.add_argument("--name", required=True, help="what the key is for, e.g. 'Monitoring'")
    create.add_argument(
        "--permissions", required=True,
        help=f"comma-separated: {','.join(p.value for p in Permission)}",
    )
    create.add_argument("--expires", metavar="DATE", help="e.g. 2027-01-01 (midnight UTC)")
    create.set_defaults(command=create_key)
    listing = actions.add_parser("list", help="list keys (prefixes only, never the keys)")
    listing.add_argument("--user", metavar="EMAIL", help="only this user's keys")
    listing.set_defaults(command=list_keys)
    revoke = actions.add_parser("revoke", help="revoke a key by its id")
    revoke.add_argument("id", type=int)
    revoke.set_defaults(command=revoke_key)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "-"


def _state(key: ApiKey, now: datetime) -> str:
    if not key.is_active:
        return "revoked"
    return "expired" if key.is_expired(now) else "active"


@on_runtime
async def create_key(args: argparse.Namespace, runtime: Runtime) -> int:
    key, plaintext = await api_keys.create_api_key(
        uow=runtime.uow(), actor=Operator("apikey create"), user_email=args.user, name=args.name,
        permissions=args.permissions, expires=args.expires, now=utcnow(),
    )
    granted = ", ".join(sorted(p.value for p in key.permissions))
    expiry = f"expires {_when(key.expires_at)}" if key.expires_at else "never expires"
    print(f"created API key {key.id} '{key.name}' for {args.user} ({granted}; {expiry})")
    print()
    print(f"    {plaintext}")
    print()
    print("This is the only time the key is shown: store it now. Only its hash is kept.")
    print("Send it as the header  Authorization: Bearer <key>")
    return 0


@on_runtime
async def list_keys(args: argparse.Namespace, runtime: Runtime) -> int:
    operator = Operator("apikey list")
    keys = await api_keys.list_api_keys(
        uow=runtime.uow().reading(), actor=operator, user_email=args.user,
    )
    users = await people.list_users(uow=runtime.uow().reading(), actor=operator)
    owners = {u.id: u.email or u.id for u in users}
    now = utcnow()
    rows = [
        (key.id, f"{key.key_prefix}…", key.name, owners.get(key.user_id, key.user_id),
         ",".join(sorted(p.value for p in key.permissions)) or "-", _state(key, now),
         _when(key.last_used_at), _when(key.expires_at), _when(key.created_at))
        for key in keys
    ]
    print(table(rows, ("ID", "PREFIX", "NAME", "OWNER", "PERMISSIONS", "STATE", "LAST USED",
                       "EXPIRES", "CREATED")))
    return 0


@on_runtime
async def revoke_key(args: argparse.Namespace, runtime: Runtime) -> int:
    key = await api_keys.revoke_api_key(
        uow=runtime.uow(), actor=Operator("apikey revoke"), key_id=args.id,
    )
    print(f"revoked API key {key.id} '{key.name}' ({key.key_prefix}…)")
    return 0
