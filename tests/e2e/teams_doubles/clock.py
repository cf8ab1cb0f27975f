"""A clock that moves only when someone sleeps on it, and remembers every sleep."""

from __future__ import annotations

import asyncio


class ManualClock:
    def __init__(self, *, start: float = 1_000.0, wall_start: float = 1_700_000_000.0) -> None:
        self.now = start
        self._wall_offset = wall_start - start
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return self.now + self._wall_offset

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(seconds, 0.0)
        await asyncio.sleep(0)

    def advance(self, seconds: float) -> None:
        self.now += seconds
