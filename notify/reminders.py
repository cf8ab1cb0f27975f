"""The reminder loop: every `interval` seconds, send the due-date reminders now due.

It runs beside the delivery worker in `serve` and `ticketflow worker`; several
processes may run it at once (each reminder is sent by exactly one).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from domain.clock import utcnow
from notify.periodic import run_every

log = logging.getLogger(__name__)


class ReminderSource(Protocol):
    async def remind(self, *, now: datetime, limit: int = 200) -> int:
        """Writes the reminders due at `now` that were not sent yet; returns how many."""
        ...


class DueReminders:
    def __init__(
        self,
        *,
        source: ReminderSource,
        interval: float = 60.0,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._source = source
        self._interval = interval
        self._clock = clock

    async def run_once(self) -> int:
        total = 0
        while (sent := await self._source.remind(now=self._clock())) > 0:
            total += sent
        return total

    async def run_forever(self, stop: asyncio.Event) -> None:
        await run_every(self._interval, self.run_once, stop, log=log,
                        done="sent %d due-date reminders", failed="could not send due-date reminders; trying again shortly")
