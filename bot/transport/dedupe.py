"""Teams resends an activity it got no answer for within ~15 s: process each id once.

The port lets the composition root choose where "seen" lives (memory for one process,
the database when several processes share the traffic). Invokes are not deduplicated:
Teams shows the answer of the attempt it is still waiting for, so a resent invoke must
be answered again (card actions are made idempotent above this layer instead).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol

from bot.transport.clock import Clock, SystemClock


class ActivityDeduplicator(Protocol):
    async def first_delivery(self, *, activity_id: str, conversation_id: str | None) -> bool:
        """True the first time this activity is offered (and remember it); False for a resend.

        Teams activity ids are only unique within a conversation, so both are given.
        """
        ...


class RecentActivityIds:
    """In-process memory of recent activity keys, bounded in count and age."""

    def __init__(
        self, *, ttl: float = 15 * 60.0, max_entries: int = 100_000, clock: Clock | None = None
    ) -> None:
        self._ttl = ttl
        self._max_entries = max_entries
        self._clock = clock or SystemClock()
        self._seen: OrderedDict[str, float] = OrderedDict()

    async def first_delivery(self, *, activity_id: str, conversation_id: str | None) -> bool:
        key = f"{conversation_id or ''}|{activity_id}"
        now = self._clock.monotonic()
        while self._seen:
            oldest_key, seen_at = next(iter(self._seen.items()))
            if now - seen_at <= self._ttl and len(self._seen) < self._max_entries:
                break
            del self._seen[oldest_key]
        if key in self._seen:
            return False
        self._seen[key] = now
        return True
