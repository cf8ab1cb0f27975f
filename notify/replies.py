"""A turn's replies that Teams did not take at once: kept in the outbox, sent when allowed.

A reply throttled beyond what a turn can wait (a long `Retry-After`), or met by a
connector error (5xx, no connection), is queued here instead of failing the turn; the
delivery worker sends it when Teams allows, honouring `Retry-After`, with the outbox's
backoff. A reply Teams refused as it is (400, 413, the bot not in the conversation) is
kept as dead, for the record, and never retried. The message-extension submit queues
its ticket card here on purpose, so that its answer never waits for a send.

Replies are sent as drawn in the turn, in the order the turn made them; they are not
about one ticket, so they have no lane and no notice. What a reply shows is checked
again when it leaves (`reply_contents`): the person it answers may have lost sight of a
ticket in it since the turn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from notify.deliveries import OutboxEntry
from notify.ports import (
    MessageGone,
    NoticeFactsReader,
    Rejected,
    SendFailed,
    TargetGone,
    TeamsMessenger,
)
from notify.reply_contents import (
    ReplyContents,
    UnreadableContents,
    as_it_may_leave,
    tickets_still_seen,
)
from notify.webhook import DeliveryOutcome, DeliveryResult

REPLY_EVENT = "reply"
CONTENTS = "shows"
"""The payload key of a queued reply's `ReplyContents`."""
FIRST_ATTEMPT_DELAY = 1.0
"""Seconds before the worker first tries a reply a failing connector did not take."""


@dataclass(frozen=True, slots=True)
class QueuedReply:
    conversation_id: str
    reference: Mapping[str, Any]
    """The conversation reference to continue, as Bot Framework JSON."""
    activities: Sequence[Mapping[str, Any]]
    """The activities, as Bot Framework JSON, addressed as the turn addressed them."""
    reason: str
    """Why it was not sent in the turn (the connector's answer), for the outbox's record."""
    retry_after: float | None = None
    """Seconds Teams asked to wait; otherwise `FIRST_ATTEMPT_DELAY`."""
    refused: bool = False
    """Teams refused it as it is: stored dead, never sent."""
    contents: ReplyContents | None = None
    """Who it answers and which tickets it shows; None when it shows no ticket."""

    @property
    def first_attempt_in(self) -> float:
        return FIRST_ATTEMPT_DELAY if self.retry_after is None else max(self.retry_after, 0.0)


class ReplyQueue(Protocol):
    async def queue(self, reply: QueuedReply) -> None:
        """Store the reply in the outbox (durably, before the turn is answered)."""
        ...


class ReplyDeliverer:
    """Sends a queued reply through the messenger, which paces and retries like a turn,
    after checking again what it shows against the access rule (`facts`: read at each try)."""

    def __init__(self, *, messenger: TeamsMessenger, facts: NoticeFactsReader) -> None:
        self._messenger = messenger
        self._facts = facts

    async def deliver(self, entry: OutboxEntry) -> DeliveryOutcome:
        payload = entry.payload
        reference, activities = payload.get("reference"), payload.get("activities")
        if not isinstance(reference, Mapping) or not isinstance(activities, list):
            return DeliveryOutcome(DeliveryResult.REJECTED, "not a queued reply")
        try:
            activities = await self._as_it_may_leave(payload, activities)
        except UnreadableContents as unreadable:  # cannot tell what it shows: it does not leave
            return DeliveryOutcome(DeliveryResult.REJECTED, f"not sent: {unreadable}")
        try:
            await self._messenger.send_activities(reference, activities)
        except SendFailed as failure:
            return DeliveryOutcome(
                DeliveryResult.RETRY_LATER, str(failure), retry_after=failure.retry_after
            )
        except TargetGone as gone:
            return DeliveryOutcome(DeliveryResult.GONE, str(gone) or "the conversation is gone")
        except (Rejected, MessageGone) as rejected:
            return DeliveryOutcome(DeliveryResult.REJECTED, str(rejected))
        return DeliveryOutcome(DeliveryResult.DELIVERED, "sent")

    async def _as_it_may_leave(
        self, payload: Mapping[str, Any], activities: list[Mapping[str, Any]]
    ) -> list[Mapping[str, Any]]:
        """Replies queued without a record (they showed no ticket) leave as drawn."""
        if payload.get(CONTENTS) is None:
            return activities
        contents = ReplyContents.from_json(payload[CONTENTS])
        seen = await tickets_still_seen(self._facts, contents)
        return list(as_it_may_leave(activities, contents, seen))

    async def close(self) -> None:
        return None
