"""`ticketflow worker`: deliver notifications from the outbox, alone or beside `serve`.

Several workers may run against one PostgreSQL database (claims skip each
other's rows); on SQLite run one. It posts to Teams through its own connector
clients (same app registration), so it delivers bot channel posts and personal
messages as well as channel webhooks and email.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
from typing import Any

from bot.cards.notification import NotificationCardSet
from bot.proactive import BotMessenger
from bot.transport.adapter import create_adapter
from domain.clock import utcnow
from notify.worker import WorkerConfig
from ticketflow.cli import with_runtime
from ticketflow.commands import seconds, whole_number
from ticketflow.logs import configure_logging
from ticketflow.notifications import (
    build_change_capture,
    build_daily_digests,
    build_delivery_worker,
    build_due_reminders,
)
from ticketflow.housekeeping import housekeeping_for
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings
from ticketflow.msteams import transport_settings

log = logging.getLogger("ticketflow")


def register(subcommands: Any) -> None:
    parser = subcommands.add_parser(
        "worker", help="deliver notifications from the outbox (Teams, webhooks, email)"
    )
    defaults = WorkerConfig()
    parser.add_argument("--concurrency", type=whole_number(1), default=defaults.concurrency,
                        help="deliveries in flight at once")
    parser.add_argument("--batch", type=whole_number(1), default=defaults.batch_size,
                        help="rows claimed per query")
    parser.add_argument("--lease", type=whole_number(1), default=int(defaults.lease),
                        help="seconds a claim holds a row")
    parser.add_argument("--poll", type=seconds, default=defaults.poll_interval,
                        help="seconds between looks when idle")
    parser.add_argument(
        "--poll-only",
        action="store_true",
        help="do not wake on committed changes, only poll (to measure what waking saves)",
    )
    parser.add_argument("--once", action="store_true", help="deliver one batch and exit")
    parser.set_defaults(command=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    configure_logging(settings)
    config = WorkerConfig(
        batch_size=args.batch,
        concurrency=args.concurrency,
        lease=float(args.lease),
        poll_interval=args.poll,
        wake_on_commit=not args.poll_only,
    )

    async def work(runtime: Runtime) -> int:
        adapter = create_adapter(transport_settings(runtime))
        messenger = BotMessenger(adapter, app_id=settings.app_id)
        cards = NotificationCardSet(clock=utcnow)
        worker = build_delivery_worker(runtime, messenger=messenger, cards=cards, config=config)
        digests = build_daily_digests(runtime, messenger=messenger, cards=cards)
        capture = build_change_capture(runtime)
        reminders = build_due_reminders(runtime)
        housekeeping = housekeeping_for(runtime)
        if args.once:
            try:
                purged = await housekeeping.purge_once()
                print("ticketflow: purged " + ", ".join(
                    f"{count} {what}" for what, count in purged.items()))
                changes = await capture.run_once()
                print(f"ticketflow: turned {changes} captured changes into deliveries")
                print(f"ticketflow: sent {await reminders.run_once()} due-date reminders")
                print(f"ticketflow: posted {await digests.run_once()} channel digests")
                print(f"ticketflow: handled {await worker.run_once()} deliveries")
            finally:
                await worker.close()
                await adapter.close()
            return 0
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        log.info(
            "worker %s delivering notifications (%s database)",
            worker.worker_id,
            settings.backend,
        )
        purging = asyncio.create_task(housekeeping.run(stop), name="ticketflow-housekeeping")
        try:
            await asyncio.gather(
                capture.run_forever(stop), reminders.run_forever(stop),
                digests.run_forever(stop), worker.run_forever(stop),
            )
        finally:
            stop.set()
            await purging
            await adapter.close()
        return 0

    return await with_runtime(settings, work)
