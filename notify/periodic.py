"""A pass run every so often until the process stops (due-date reminders, channel digests)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from sqlalchemy.exc import SQLAlchemyError


async def run_every(
    interval: float,
    run_once: Callable[[], Awaitable[int]],
    stop: asyncio.Event,
    *,
    log: logging.Logger,
    done: str,
    failed: str,
) -> None:
    """Runs `run_once` every `interval` seconds until `stop` is set.

    A pass that loses the database is logged as `failed` and tried again at the next
    interval; a pass that did something logs `done` with its count.
    """
    while not stop.is_set():
        try:
            count = await run_once()
        except (SQLAlchemyError, OSError):
            log.exception(failed)
        else:
            if count:
                log.info(done, count)
        try:
            await asyncio.wait_for(stop.wait(), timeout=interval)
        except TimeoutError:
            pass
