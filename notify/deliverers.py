"""One deliverer per kind of target: channel webhooks, bot posts to channels, personal chats.

Each turns one claimed row and its notice into a `DeliveryOutcome`; the worker
decides what happens next (delivered, retry, disable, dead) from that alone.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, Protocol

import aiohttp

from domain.chat import ConversationRef
from domain.events import EventType
from domain.notifications import Reason, TicketNotice
from domain.ports import ConversationRefRepository
from domain.tickets import FieldChange
from notify.deliveries import OutboxEntry
from notify.ports import (
    MessageGone,
    NotificationCards,
    Rejected,
    SendFailed,
    TargetGone,
    TeamsMessenger,
    TicketCards,
)
from notify.safe_http import create_webhook_session
from notify.webhook import DeliveryOutcome, DeliveryResult, post_webhook
from notify.webhook_url import WebhookPolicy

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
DEFAULT_WEBHOOK_TIMEOUT = 10.0
THREAD_COMMENT_MAX = 1000
THREAD_VALUE_MAX = 60
_UNQUOTED_FIELDS = frozenset({"description", "notes"})
"""Long free text: the thread says it changed, and the card (or the web app) shows it."""


class Deliverer(Protocol):
    async def deliver(self, entry: OutboxEntry, notice: TicketNotice) -> DeliveryOutcome: ...

    async def close(self) -> None:
        """Release connections; the worker calls it once when it stops."""
        ...


def webhook_message(card: dict[str, Any]) -> dict[str, Any]:
    """The body Teams Workflows and connector webhooks take: a message with one card."""
    return {"type": "message", "attachments": [{"contentType": ADAPTIVE_CARD, "content": card}]}


class WebhookDeliverer:
    """Posts through the guarded session, kept open so connections are reused."""

    def __init__(
        self,
        *,
        cards: NotificationCards,
        policy: WebhookPolicy,
        timeout: float = DEFAULT_WEBHOOK_TIMEOUT,
    ) -> None:
        self._cards = cards
        self._policy = policy
        self._timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    async def deliver(self, entry: OutboxEntry, notice: TicketNotice) -> DeliveryOutcome:
        if self._session is None:
            self._session = create_webhook_session(self._policy, timeout=self._timeout)
        return await post_webhook(
            self._session,
            entry.target.key,
            webhook_message(self._cards.webhook_card(notice)),
            delivery_id=entry.delivery_id,
            policy=self._policy,
        )

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


class ChannelDeliverer:
    """A ticket's first notification in a channel posts its card; later ones update that
    card in place and say what happened in its thread."""

    def __init__(
        self,
        *,
        messenger: TeamsMessenger,
        cards: NotificationCards,
        refs: ConversationRefRepository,
        ticket_cards: TicketCards,
    ) -> None:
        self._messenger = messenger
        self._cards = cards
        self._refs = refs
        self._ticket_cards = ticket_cards

    async def deliver(self, entry: OutboxEntry, notice: TicketNotice) -> DeliveryOutcome:
        msteams_team_id = entry.target.msteams_team_id
        channel = entry.target.key
        ref = await self._refs.channel(msteams_team_id, channel) if msteams_team_id else None
        if entry.ticket_id is None:
            return DeliveryOutcome(DeliveryResult.REJECTED, "a channel card is about a ticket")
        if ref is None:
            return DeliveryOutcome(DeliveryResult.GONE, "the bot is no longer in this channel")
        own_change = entry.payload.get("reason") == Reason.OWN_CHANGE.value
        said_here = entry.payload.get("origin") == ref.conversation_id
        return await _sending(
            self._post_or_update(
                ref, entry.ticket_id, notice, own_change=own_change, said_here=said_here
            ),
            ref,
            self._refs,
        )

    async def _post_or_update(
        self,
        ref: ConversationRef,
        ticket_id: int,
        notice: TicketNotice,
        *,
        own_change: bool,
        said_here: bool = False,
    ) -> DeliveryOutcome:
        """`own_change`: the subscription owner's own change only updates a card already
        posted — no new post, no thread reply."""
        card = self._cards.channel_card(notice)
        activity_id = await self._ticket_cards.activity_id(ticket_id, ref.conversation_id)
        if own_change:
            if activity_id is None:
                return DeliveryOutcome(DeliveryResult.DELIVERED, "no card here to update")
            try:
                await self._messenger.update_card(ref, activity_id, card)
            except MessageGone:
                return DeliveryOutcome(DeliveryResult.DELIVERED, "the card was deleted")
            return DeliveryOutcome(DeliveryResult.DELIVERED, "updated")
        posted = activity_id is None
        if activity_id is not None:
            try:
                await self._messenger.update_card(ref, activity_id, card)
            except MessageGone:
                posted, activity_id = True, None
        if activity_id is None:
            activity_id = await self._messenger.post_card(ref, card)
            await self._ticket_cards.remember(ticket_id, ref.conversation_id, activity_id)
        if notice.event_type is not EventType.CREATED and not said_here:
            await self._messenger.reply_in_thread(ref, activity_id, thread_line(notice))
        return DeliveryOutcome(DeliveryResult.DELIVERED, "posted" if posted else "updated")

    async def close(self) -> None:
        return None


def thread_line(notice: TicketNotice) -> str:
    """What a card's thread is told: the headline, a comment's words with its author, and an
    edit's new values (the thread is where people read what happened, one line each)."""
    if notice.event_type is EventType.COMMENTED and notice.comment_excerpt:
        return f"{notice.headline}: {_trimmed(notice.comment_excerpt, THREAD_COMMENT_MAX)}"
    shown = [_edit(change) for change in notice.changes if change.field not in _UNQUOTED_FIELDS]
    if notice.event_type is EventType.UPDATED and shown:
        return f"{notice.headline}: {'; '.join(shown)}"
    return notice.headline


def _edit(change: FieldChange) -> str:
    def value(raw: object) -> str:
        return _trimmed(str(raw), THREAD_VALUE_MAX)

    if change.new is None:
        return f"{change.field} cleared"
    if change.old is None:
        return f"{change.field} set to {value(change.new)}"
    return f"{change.field} {value(change.old)} → {value(change.new)}"


def _trimmed(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class PersonalDeliverer:
    def __init__(
        self,
        *,
        messenger: TeamsMessenger,
        cards: NotificationCards,
        refs: ConversationRefRepository,
    ) -> None:
        self._messenger = messenger
        self._cards = cards
        self._refs = refs

    async def deliver(self, entry: OutboxEntry, notice: TicketNotice) -> DeliveryOutcome:
        ref = await self._refs.personal_for(entry.target.key)
        if ref is None:
            return DeliveryOutcome(DeliveryResult.REJECTED, "the user has no chat with the bot")
        return await _sending(self._send(ref, notice), ref, self._refs)

    async def _send(self, ref: ConversationRef, notice: TicketNotice) -> DeliveryOutcome:
        await self._messenger.send_card(ref, self._cards.personal_card(notice))
        return DeliveryOutcome(DeliveryResult.DELIVERED, "sent")

    async def close(self) -> None:
        return None


async def _sending(
    send: Awaitable[DeliveryOutcome], ref: ConversationRef, refs: ConversationRefRepository
) -> DeliveryOutcome:
    """The messenger's failures as outcomes; other exceptions reach the worker, which retries.

    A conversation that is gone for the bot (403 `BotNotInConversationRoster` after it
    was removed, 404/410) is forgotten, so later events stop posting there; installing
    the bot again brings the conversation back.
    """
    try:
        outcome = await send
    except SendFailed as failure:
        return DeliveryOutcome(
            DeliveryResult.RETRY_LATER, str(failure), retry_after=failure.retry_after
        )
    except TargetGone as gone:
        await refs.remove(ref.conversation_id)
        return DeliveryOutcome(DeliveryResult.GONE, str(gone) or "the conversation is gone")
    except Rejected as rejected:
        return DeliveryOutcome(DeliveryResult.REJECTED, str(rejected))
    return outcome
