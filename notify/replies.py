"""A turn's replies that Teams did not take at once: kept in the outbox, sent when allowed.

A reply throttled beyond what a turn can wait (a long `Retry-After`), or met by a
connector error (5xx, no connection), is queued here instead of failing the turn; the
delivery worker sends it when Teams allows, honouring `Retry-After`, with the outbox's
backoff. A reply Teams refused as it is (400, 413, the bot not in the conversation) is
kept as dead, for the record, and never retried. The message-extension submit queues
its ticket card here on purpose, so that its answer never waits for a send; "Create
ticket" works in chats the bot is not in, so that card says where it goes instead
(`Instead`): to the person's own chat with the bot, after a line saying why.

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
from domain.chat import ConversationRef
from domain.ports import ConversationRefRepository
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
    role_now,
    tickets_still_seen,
)
from notify.webhook import DeliveryOutcome, DeliveryResult

REPLY_EVENT = "reply"
CONTENTS = "shows"
"""The payload key of a queued reply's `ReplyContents`."""
INSTEAD = "instead"
"""The payload key of a queued reply's `Instead`."""
FIRST_ATTEMPT_DELAY = 1.0
"""Seconds before the worker first tries a reply a failing connector did not take."""


@dataclass(frozen=True, slots=True)
class Instead:
    """Where a reply goes when its conversation is one the bot is not in (403
    `BotNotInConversationRoster`, 404): the personal chat with the bot of the person it was
    drawn for (`ReplyContents.viewer_id`, so what it shows is theirs to see), `note` first."""

    note: str

    def to_json(self) -> dict[str, Any]:
        return {"note": self.note}

    @classmethod
    def from_json(cls, value: object) -> Instead | None:
        note = value.get("note") if isinstance(value, Mapping) else None
        return cls(note) if isinstance(note, str) and note else None


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
    instead: Instead | None = None
    """Where it goes if the bot is not in its conversation; None: nowhere."""

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

    def __init__(
        self,
        *,
        messenger: TeamsMessenger,
        facts: NoticeFactsReader,
        refs: ConversationRefRepository | None = None,
    ) -> None:
        self._messenger = messenger
        self._facts = facts
        self._refs = refs

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
            reason = str(gone) or "the conversation is gone"
            return await self._instead(payload, activities, reason, entry.target.key)
        except (Rejected, MessageGone) as rejected:
            return DeliveryOutcome(DeliveryResult.REJECTED, str(rejected))
        return DeliveryOutcome(DeliveryResult.DELIVERED, "sent")

    async def _instead(
        self, payload: Mapping[str, Any], activities: list[Mapping[str, Any]], reason: str,
        conversation_id: str,
    ) -> DeliveryOutcome:
        """The reply in its person's own chat with the bot, when it says to go there."""
        instead, refs = Instead.from_json(payload.get(INSTEAD)), self._refs
        contents = payload.get(CONTENTS)
        person = contents.get("viewer") if isinstance(contents, Mapping) else None
        if instead is None or refs is None or not isinstance(person, str):
            return DeliveryOutcome(DeliveryResult.GONE, reason)
        chat = await refs.personal_for(person)
        if chat is None or chat.conversation_id == conversation_id:
            return DeliveryOutcome(DeliveryResult.GONE, reason)
        note = {"type": "message", "text": instead.note, "textFormat": "plain"}
        try:
            await self._messenger.send_activities(
                _addressed(chat), [_to(chat, note), *(_to(chat, a) for a in activities)]
            )
        except SendFailed as failure:
            return DeliveryOutcome(
                DeliveryResult.RETRY_LATER, f"{reason}; in their chat with the bot: {failure}",
                retry_after=failure.retry_after,
            )
        except TargetGone as gone:  # the bot was removed from their chat too: forget it
            await refs.remove(chat.conversation_id)
            return DeliveryOutcome(
                DeliveryResult.GONE, f"{reason}; in their chat with the bot: {gone}"
            )
        except (Rejected, MessageGone) as failure:
            return DeliveryOutcome(
                DeliveryResult.GONE, f"{reason}; in their chat with the bot: {failure}"
            )
        return DeliveryOutcome(
            DeliveryResult.DELIVERED, f"sent to their chat with the bot instead ({reason})"
        )

    async def _as_it_may_leave(
        self, payload: Mapping[str, Any], activities: list[Mapping[str, Any]]
    ) -> list[Mapping[str, Any]]:
        """Replies queued without a record (they showed no ticket) leave as drawn."""
        if payload.get(CONTENTS) is None:
            return activities
        contents = ReplyContents.from_json(payload[CONTENTS])
        seen = await tickets_still_seen(self._facts, contents)
        role = await role_now(self._facts, contents)
        return list(as_it_may_leave(activities, contents, seen, role=role))

    async def close(self) -> None:
        return None


def _addressed(chat: ConversationRef) -> dict[str, Any]:
    """The chat's stored reference, naming its tenant (the pacing of sends is per tenant)."""
    reference = dict(chat.reference)
    if chat.tenant_id:
        reference["conversation"] = {**reference.get("conversation", {}),
                                     "tenantId": chat.tenant_id}
    return reference


def _to(chat: ConversationRef, activity: Mapping[str, Any]) -> dict[str, Any]:
    """`activity` as a new message in `chat`, no longer a reply in the conversation it was
    drawn for."""
    reference = _addressed(chat)
    moved = {key: value for key, value in activity.items() if key not in ("replyToId", "id")}
    moved.update(
        conversation=reference.get("conversation"), recipient=reference.get("user"),
        serviceUrl=chat.service_url,
    )
    if reference.get("bot"):
        moved["from"] = reference["bot"]
    return moved
