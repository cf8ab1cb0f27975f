"""What the delivery worker needs from Teams and from the card builders.

The bot implements `TeamsMessenger` over its adapter (sends there are already
paced per conversation and retried on 429/412/502/504) and `NotificationCards`
over `bot.cards`; the worker only sees these Protocols, so `notify` never
imports the bot.

A messenger reports failures with the exceptions below; anything else it raises
counts as a transient failure and is retried with backoff.
"""

from __future__ import annotations

from typing import Any, Protocol

from domain.chat import ConversationRef
from domain.notifications import TicketNotice

Card = dict[str, Any]


class TeamsMessenger(Protocol):
    async def post_card(self, ref: ConversationRef, card: Card) -> str:
        """Start a new thread in a channel with `card`; returns the new activity's id."""
        ...

    async def update_card(self, ref: ConversationRef, activity_id: str, card: Card) -> None:
        """Replace the card posted as `activity_id`; raises `MessageGone` if it was deleted."""
        ...

    async def reply_in_thread(self, ref: ConversationRef, activity_id: str, text: str) -> None:
        """A short text reply in the thread that `activity_id` started."""
        ...

    async def send_card(self, ref: ConversationRef, card: Card) -> None:
        """A new message with `card` in a personal chat."""
        ...


class NotificationCards(Protocol):
    def webhook_card(self, notice: TicketNotice) -> Card:
        """Adaptive Card 1.5 for a channel webhook: `Action.OpenUrl` buttons only."""
        ...

    def channel_card(self, notice: TicketNotice) -> Card:
        """The ticket card a bot posts to a channel, with buttons for `notice.viewer_id`."""
        ...

    def personal_card(self, notice: TicketNotice) -> Card:
        """The ticket card for a personal chat, headed by `notice.headline`."""
        ...


class DeliveryError(Exception):
    """Base of the failures a messenger reports on purpose."""


class SendFailed(DeliveryError):
    """Teams did not take the message this time; `retry_after` (seconds) if Teams said when."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class TargetGone(DeliveryError):
    """The conversation is gone for good (bot removed, chat deleted): stop sending there."""


class MessageGone(DeliveryError):
    """The message to update was deleted; the conversation itself is fine."""


class Rejected(DeliveryError):
    """Teams refused this message as it is (e.g. 400, too large): retrying will not help."""
