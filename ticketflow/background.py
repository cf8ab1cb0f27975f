"""Loops that run beside the endpoint: started with the aiohttp application, told to stop
when it shuts down, and awaited so that what they are doing is finished."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

from aiohttp import web

Loop = Callable[[asyncio.Event], Coroutine[Any, Any, None]]
"""Runs until the event is set (and then returns)."""


def alongside(**loops: Loop) -> Callable[[web.Application], AsyncIterator[None]]:
    """For `app.cleanup_ctx`: each loop as a task named `ticketflow-<name>`; at shutdown the
    stop event is set and every task awaited."""

    async def lifecycle(_: web.Application) -> AsyncIterator[None]:
        stop = asyncio.Event()
        tasks = [
            asyncio.create_task(run(stop), name=f"ticketflow-{name}") for name, run in loops.items()
        ]
        yield
        stop.set()
        await asyncio.gather(*tasks)

    return lifecycle
