"""The change-capture loop: changes any writer made become outbox deliveries.

It runs beside the delivery worker (in `serve` and in `ticketflow worker`).
On PostgreSQL it wakes on `NOTIFY` as soon as a writer commits, and also looks
every `poll_interval` in case a notification was missed (the listening
connection dropped); on SQLite it polls. Changes older than `retention` are
dropped unnotified, so a service stopped for long keeps the table bounded and
does not flood channels with old news when it comes back.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy.exc import SQLAlchemyError

from domain.clock import utcnow

log = logging.getLogger(__name__)

DEFAULT_RETENTION = timedelta(days=7)


class ChangeFeed(Protocol):
    async def drain(self, *, limit: int) -> int:
        """Turns up to `limit` of the oldest captured changes into outbox rows; returns how many."""
        ...

    async def forget_older_than(self, cutoff: datetime) -> int:
        """Drops changes captured before `cutoff`; returns how many."""
        ...

    def listen(self) -> AbstractAsyncContextManager[asyncio.Event | None]:
        """An event set when a writer commits a change, or None where there is no such signal."""
        ...


@dataclass(frozen=True, slots=True)
class CaptureConfig:
    batch_size: int = 200
    """Changes read per transaction."""
    poll_interval: float = 1.0
    """Seconds between looks when nothing woke the loop."""
    retention: timedelta = DEFAULT_RETENTION
    """How long a captured change waits for a worker before it is dropped."""
    prune_interval: float = 600.0
    """Seconds between retention sweeps."""


class ChangeCapture:
    def __init__(
        self,
        *,
        feed: ChangeFeed,
        config: CaptureConfig = CaptureConfig(),
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._feed = feed
        self._config = config
        self._clock = clock

    async def run_once(self) -> int:
        """Drops expired changes, then turns every waiting one into deliveries; returns how many."""
        await self.prune()
        total = 0
        while (taken := await self._feed.drain(limit=self._config.batch_size)) > 0:
            total += taken
        return total

    async def prune(self) -> int:
        dropped = await self._feed.forget_older_than(self._clock() - self._config.retention)
        if dropped:
            log.warning(
                "dropped %d captured ticket changes older than %s without notifying",
                dropped,
                self._config.retention,
            )
        return dropped

    async def run_forever(self, stop: asyncio.Event) -> None:
        log.info("change capture started")
        try:
            while not stop.is_set():
                try:
                    async with self._feed.listen() as heard:
                        await self._follow(stop, heard)
                except (SQLAlchemyError, OSError):
                    log.exception("change capture lost its database connection; polling on")
                    await _first_of(stop, None, timeout=self._config.poll_interval)
        finally:
            log.info("change capture stopped")

    async def _follow(self, stop: asyncio.Event, heard: asyncio.Event | None) -> None:
        loop = asyncio.get_running_loop()
        config = self._config
        next_prune = loop.time()
        while not stop.is_set():
            if loop.time() >= next_prune:
                await self._safely(self.prune)
                next_prune = loop.time() + config.prune_interval
            if heard is not None:
                heard.clear()
            if await self._safely(self._drain) >= config.batch_size:
                continue
            await _first_of(stop, heard, timeout=config.poll_interval)

    async def _drain(self) -> int:
        return await self._feed.drain(limit=self._config.batch_size)

    async def _safely(self, work: Callable[[], Awaitable[int]]) -> int:
        """A database hiccup is logged and tried again on the next turn; the rows wait."""
        try:
            return await work()
        except (SQLAlchemyError, OSError):
            log.exception("change capture could not read the database; trying again shortly")
            return 0

async def _first_of(stop: asyncio.Event, heard: asyncio.Event | None, *, timeout: float) -> None:
    waits = [asyncio.ensure_future(stop.wait())]
    if heard is not None:
        waits.append(asyncio.ensure_future(heard.wait()))
    try:
        await asyncio.wait(waits, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiting in waits:
            waiting.cancel()
