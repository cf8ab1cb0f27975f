"""Redelivery receipts are needed for minutes (Teams resends within ~15 s); keep them a day.

`serve` and `ticketflow worker` each run a `ReceiptPurge`: at start, then every hour, it
deletes receipts older than a day, so `bot_activity_receipts` stops growing forever.
Several processes purging the same rows is harmless: the delete is idempotent.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import suppress
from datetime import datetime, timedelta

from aiohttp import web

from db.repositories.activity_receipts import SqlActivityReceipts
from domain.clock import utcnow
from ticketflow.background import alongside

log = logging.getLogger("ticketflow.receipts")

RECEIPT_LIFETIME = timedelta(days=1)
PURGE_EVERY_SECONDS = 3600.0


class ReceiptPurge:
    def __init__(
        self,
        receipts: SqlActivityReceipts,
        *,
        clock: Callable[[], datetime] = utcnow,
        keep: timedelta = RECEIPT_LIFETIME,
        every: float = PURGE_EVERY_SECONDS,
    ) -> None:
        self._receipts = receipts
        self._clock = clock
        self._keep = keep
        self._every = every

    async def purge_once(self) -> int:
        """Deletes receipts older than `keep`; the number deleted."""
        removed = await self._receipts.forget_older_than(self._clock() - self._keep)
        if removed:
            log.info("purged %d redelivery receipts older than %s", removed, self._keep)
        return removed

    async def run(self, stop: asyncio.Event) -> None:
        """Purges now and then every `every` seconds until `stop` is set."""
        while not stop.is_set():
            try:
                await self.purge_once()
            except Exception:
                # The next round tries again; a purge must never take the service down.
                log.exception("purging redelivery receipts failed; retrying in %.0fs",
                              self._every)
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self._every)

    def lifecycle(self) -> Callable[[web.Application], AsyncIterator[None]]:
        """For `app.cleanup_ctx`: runs beside the endpoint, stops with it."""

        return alongside(**{"receipt-purge": self.run})
