"""Teams resends what it got no answer for: each activity runs once, a resend gets its answer.

Teams resends an activity it got no answer for within ~15 s, and the client retries a
task-module submit twice when it is not answered within 5 s. So every activity id is
claimed before its turn runs (`claim`); an invoke's answer is kept with the claim
(`record`), and a resent invoke gets that same answer without a second turn -- waiting
for it when the first delivery is still running. A turn that fails gives its claim
back (`release`), so Teams' retry runs it.

The port lets the composition root choose where receipts live (memory for one process,
the database when several processes share the traffic).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from bot.transport.clock import Clock, SystemClock

MAX_ANSWER_BYTES = 64 * 1024
"""A larger answer is not kept: a resend gets `oversized_answer_stand_in` instead."""


@dataclass(frozen=True, slots=True)
class RecordedAnswer:
    """What the first delivery was answered: the HTTP status and the JSON text, if any."""

    status: int
    body: str | None = None


class ReceiptState(StrEnum):
    RUNNING = "running"
    """Claimed; the first delivery has not answered yet."""
    ANSWERED = "answered"
    RELEASED = "released"
    """Not claimed (any more): the first delivery failed, or the receipt was purged."""


@dataclass(frozen=True, slots=True)
class Receipt:
    state: ReceiptState
    answer: RecordedAnswer | None = None


class ActivityDeduplicator(Protocol):
    """Receipts for activities, by a key that names the delivery (see `delivery_key`)."""

    async def claim(self, key: str, *, conversation_id: str | None) -> bool:
        """True the first time `key` is offered (and remember it); False while it is held."""
        ...

    async def record(self, key: str, answer: RecordedAnswer) -> None:
        """Keep the answer of a claimed delivery, for its resends."""
        ...

    async def release(self, key: str) -> None:
        """Forget a claim whose turn failed, so a resend runs the turn."""
        ...

    async def receipt(self, key: str) -> Receipt: ...


def delivery_key(*parts: str | None) -> str:
    """A fixed-length key: activity ids are unique only within a conversation, and a form
    nonce only for its sender, so the key is built from all of them."""
    joined = "\n".join(part or "" for part in parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()


def bounded(answer: RecordedAnswer, *, stand_in: RecordedAnswer) -> RecordedAnswer:
    """The answer itself, or `stand_in` when it is too large to keep."""
    if answer.body is not None and len(answer.body.encode()) > MAX_ANSWER_BYTES:
        return stand_in
    return answer


@dataclass(slots=True)
class _Held:
    at: float
    answer: RecordedAnswer | None = None


class RecentActivityIds:
    """In-process receipts, bounded in count and age."""

    def __init__(
        self, *, ttl: float = 15 * 60.0, max_entries: int = 100_000, clock: Clock | None = None
    ) -> None:
        self._ttl = ttl
        self._max_entries = max_entries
        self._clock = clock or SystemClock()
        self._held: OrderedDict[str, _Held] = OrderedDict()

    async def claim(self, key: str, *, conversation_id: str | None) -> bool:
        now = self._clock.monotonic()
        self._forget_old(now)
        if key in self._held:
            return False
        self._held[key] = _Held(at=now)
        return True

    async def record(self, key: str, answer: RecordedAnswer) -> None:
        held = self._held.get(key)
        if held is not None:
            held.answer = answer

    async def release(self, key: str) -> None:
        self._held.pop(key, None)

    async def receipt(self, key: str) -> Receipt:
        held = self._held.get(key)
        if held is None:
            return Receipt(ReceiptState.RELEASED)
        if held.answer is None:
            return Receipt(ReceiptState.RUNNING)
        return Receipt(ReceiptState.ANSWERED, held.answer)

    def _forget_old(self, now: float) -> None:
        while self._held:
            oldest_key, held = next(iter(self._held.items()))
            if now - held.at <= self._ttl and len(self._held) < self._max_entries:
                break
            del self._held[oldest_key]
