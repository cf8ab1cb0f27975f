"""Waiting for what another task or process does: poll the condition itself, never sleep a guess.

The deadline is a safety net, not a timing: a test waits exactly as long as the condition
takes, and one that never comes true fails with a `TimeoutError` saying what never happened
(instead of an assertion on a state that was not reached yet).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")

SAFETY_NET = 60.0
"""Seconds: what takes a few milliseconds here has taken seconds on a loaded two-core CI box;
only a condition that never comes true waits this long."""


async def eventually(
    probe: Callable[[], Awaitable[T]], *, what: str, seconds: float = SAFETY_NET,
    every: float = 0.02
) -> T:
    """What `probe()` returns the first time it is truthy."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while True:
        found = await probe()
        if found:
            return found
        if loop.time() >= deadline:
            raise TimeoutError(f"{what}: not within {seconds} s (last seen: {found!r})")
        await asyncio.sleep(every)


async def until(
    condition: Callable[[], bool], *, what: str, seconds: float = SAFETY_NET, every: float = 0.01
) -> None:
    """Returns once `condition()` holds; for state the test's own loop or a thread changes."""

    async def holds() -> bool:
        return condition()

    await eventually(holds, what=what, seconds=seconds, every=every)
