"""`ticketflow outbox status|retry|purge`: what is waiting or failed; requeue; clean up."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any

from bot.cards.labels import trimmed
from db.repositories.outbox_status import SqlOutboxStatus
from domain.clock import utcnow
from notify.worker import shown
from ticketflow.cli import on_runtime
from ticketflow.commands import table, whole_number
from ticketflow.runtime import Runtime


def register(subcommands: Any) -> None:
    outbox = subcommands.add_parser("outbox", help="notification deliveries: status, retries, purge")
    actions = outbox.add_subparsers(required=True, metavar="ACTION")
    status = actions.add_parser("status", help="counts by state and the latest failures")
    status.add_argument("--failures", type=int, default=10, help="how many failures to list")
    status.set_defaults(command=show_status)
    retry = actions.add_parser("retry", help="make waiting retries due now")
    retry.add_argument(
        "--dead",
        action="store_true",
        help="also requeue dead deliveries with a fresh set of attempts",
    )
    retry.set_defaults(command=requeue)
    purge = actions.add_parser(
        "purge", help="delete finished deliveries (delivered, dead, disabled) older than N days"
    )
    purge.add_argument("--older-than", type=whole_number(0), default=30, metavar="DAYS",
                       help="age in days (default 30)")
    purge.set_defaults(command=purge_finished)


@on_runtime
async def purge_finished(args: argparse.Namespace, runtime: Runtime) -> int:
    cutoff = utcnow() - timedelta(days=args.older_than)
    removed = await SqlOutboxStatus(runtime.engine).purge(finished_before=cutoff)
    print(f"ticketflow: removed {removed} finished deliveries older than "
          f"{args.older_than} days")
    return 0


@on_runtime
async def show_status(args: argparse.Namespace, runtime: Runtime) -> int:
    outbox = SqlOutboxStatus(runtime.engine)
    counts = await outbox.counts()
    print(
        table(
            [(status.value, count) for status, count in counts.items()], ("STATE", "DELIVERIES")
        )
    )
    gone = await outbox.disabled_targets()
    if gone:
        print(
            "\nDisabled targets (they answered 404/410 or are gone; webhook subscriptions "
            "to them were switched off):"
        )
        print(
            table(
                [
                    (
                        f"{when:%Y-%m-%d %H:%M:%S}" if when else "",
                        trimmed(shown(target), 70),
                        trimmed(error or "", 90),
                    )
                    for target, when, error in gone
                ],
                ("SINCE (UTC)", "TARGET", "ANSWER"),
            )
        )
    failures = await outbox.latest_failures(limit=args.failures)
    if failures:
        print("\nLatest failures:")
        rows = [
            (
                f"{entry.last_attempt_at:%Y-%m-%d %H:%M:%S}" if entry.last_attempt_at else "",
                entry.status.value,
                entry.attempts,
                entry.event_type,
                trimmed(shown(entry.target), 70),
                trimmed(entry.last_error or "", 90),
            )
            for entry in failures
        ]
        print(table(rows, ("WHEN (UTC)", "STATE", "TRIES", "EVENT", "TARGET", "ERROR")))
    return 0


@on_runtime
async def requeue(args: argparse.Namespace, runtime: Runtime) -> int:
    count = await SqlOutboxStatus(runtime.engine).requeue(now=utcnow(), dead=args.dead)
    print(f"ticketflow: {count} deliveries are due now")
    return 0
