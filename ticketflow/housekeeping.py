"""Rows that are only needed for a while are deleted on a schedule, not by hand.

`serve` and `ticketflow worker` each run a `Housekeeping`: at start, then every hour, it
deletes what has outlived its `Retention`:
- redelivery receipts after a day (Teams resends within ~15 s, so they are needed for
  minutes), so `bot_activity_receipts` stops growing forever;
- finished notification deliveries (delivered, dead, disabled) after
  `TICKETFLOW_OUTBOX_KEEP_DAYS` (30 by default; 0 keeps them until
  `ticketflow outbox purge`). Rows still to be delivered are never touched.
Several processes purging the same rows is harmless: every delete is idempotent.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from aiohttp import web

from db.repositories.activity_receipts import SqlActivityReceipts
from db.repositories.delivery_tickets import forget_deliveries_older_than
from db.repositories.outbox_status import SqlOutboxStatus
from domain.clock import utcnow
from ticketflow.background import alongside
from ticketflow.runtime import Runtime

log = logging.getLogger("ticketflow.housekeeping")

RECEIPT_LIFETIME = timedelta(days=1)
PURGE_EVERY_SECONDS = 3600.0


@dataclass(frozen=True, slots=True)
class Retention:
    """What to delete once it is older than `keep`: `forget_older_than(cutoff)` deletes
    and returns how many rows went."""

    what: str
    keep: timedelta
    forget_older_than: Callable[[datetime], Awaitable[int]]


class Housekeeping:
    def __init__(
        self,
        retentions: Sequence[Retention],
        *,
        clock: Callable[[], datetime] = utcnow,
        every: float = PURGE_EVERY_SECONDS,
    ) -> None:
        self._retentions = tuple(retentions)
        self._clock = clock
        self._every = every

    async def purge_once(self) -> dict[str, int]:
        """Deletes what outlived each retention; how many rows went, by `what`.

        One retention failing does not keep the others from running; the failure is
        raised after they ran, so the caller logs it once.
        """
        removed: dict[str, int] = {}
        failure: Exception | None = None
        for retention in self._retentions:
            try:
                count = await retention.forget_older_than(self._clock() - retention.keep)
            except Exception as error:
                log.warning("purging %s failed: %s", retention.what, error)
                failure = failure or error
                continue
            removed[retention.what] = count
            if count:
                log.info("purged %d %s older than %s", count, retention.what, retention.keep)
        if failure is not None:
            raise failure
        return removed

    async def run(self, stop: asyncio.Event) -> None:
        """Purges now and then every `every` seconds until `stop` is set."""
        while not stop.is_set():
            try:
                await self.purge_once()
            except Exception:
                # The next round tries again; a purge must never take the service down.
                log.exception("housekeeping failed; retrying in %.0fs", self._every)
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self._every)

    def lifecycle(self) -> Callable[[web.Application], AsyncIterator[None]]:
        """For `app.cleanup_ctx`: runs beside the endpoint, stops with it."""

        return alongside(housekeeping=self.run)


def housekeeping_for(runtime: Runtime, *, receipts: SqlActivityReceipts | None = None) -> Housekeeping:
    """The service's retentions: receipts for a day, finished deliveries as configured."""
    receipts = receipts or SqlActivityReceipts(runtime.engine)
    retentions = [
        Retention("redelivery receipts", RECEIPT_LIFETIME, receipts.forget_older_than),
        Retention("tickets filed by deliveries", RECEIPT_LIFETIME,
                  partial(forget_deliveries_older_than, runtime.engine)),
    ]
    if keep_days := runtime.settings.outbox_keep_days:
        outbox = SqlOutboxStatus(runtime.engine)

        async def finished_deliveries(cutoff: datetime) -> int:
            return await outbox.purge(finished_before=cutoff)

        retentions.append(
            Retention("finished deliveries", timedelta(days=keep_days), finished_deliveries)
        )
    return Housekeeping(retentions)
