"""Teams resends what it got no answer for: each activity runs once, a resend gets its answer.

Teams resends an activity it got no answer for within ~15 s, and the client retries a
task-module submit twice when it is not answered within 5 s. So every activity id is
claimed before its turn runs (`claim`); an invoke's answer is kept with the claim
(`record`), and a resent invoke gets that same answer without a second turn -- waiting
for it when the first delivery is still running. A turn that fails gives its claim
back (`release`), so Teams' retry runs it. Every answered turn is recorded (`record`,
`finished`), so a claim never answered means a turn whose process died mid-way: the
deduplicator may then report it released (`receipt`) and let a resend claim it (`claim`).

The composition root keeps receipts in the database, so several processes can share
the traffic.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


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
        """True the first time `key` is offered (and remember it), or when its holder died
        before answering; False while it is held or once it is answered."""
        ...

    async def record(self, key: str, answer: RecordedAnswer) -> None:
        """Keep the answer of a claimed delivery, for its resends."""
        ...

    def finished(self, key: str) -> None:
        """A claimed activity that is not an invoke was answered (200, nothing to replay):
        kept soon after, not by a statement in the turn."""
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
