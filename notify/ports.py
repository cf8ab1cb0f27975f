"""What notifications need from Teams, the card builders and storage.

The bot implements `TeamsMessenger` over its adapter (sends there are already
paced per conversation and retried on 429/412/502/504) and `NotificationCards`
over `bot.cards`; `db` implements the storage ports (`DeliveryQueue`,
`DeliveryLog`, `Audience`, `NoticeFacts`, `TicketCards`, `EmailSettingsStore`).
`notify` only sees these Protocols, so it imports neither the bot nor `db`, and
the composition root (`ticketflow`) hands it the implementations.

A messenger reports failures with the exceptions below; anything else it raises
counts as a transient failure and is retried with backoff.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Any, Protocol

from domain.access import Viewer
from domain.card_updates import PostedCard
from domain.chat import ConversationRef
from domain.company import CompanySettings
from domain.notifications import Reach, Subscription, Target, TargetKind, TicketNotice
from domain.people import User
from domain.tickets import Ticket
from notify.deliveries import NewDelivery, OutboxEntry, Settlement
from notify.email_settings import EmailTemplate, SmtpSettings

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

    async def send_activities(
        self, reference: Mapping[str, Any], activities: Sequence[Mapping[str, Any]]
    ) -> None:
        """Send a turn's queued reply (Bot Framework JSON), addressed as the turn addressed it."""
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


class DeliveryQueue(Protocol):
    """The outbox as a worker sees it: due rows claimed under a lease, outcomes recorded."""

    async def claim(
        self,
        *,
        owner: str,
        limit: int,
        now: datetime,
        lease_until: datetime,
        kinds: Collection[TargetKind],
    ) -> list[OutboxEntry]:
        """Lease up to `limit` due rows of these target kinds to `owner`, oldest first."""
        ...

    async def renew(self, *, owner: str, ids: Sequence[int], lease_until: datetime) -> int:
        """Extend the leases `owner` still holds; returns how many."""
        ...

    async def release(self, *, owner: str, ids: Sequence[int], now: datetime) -> int:
        """Give unfinished rows back, due now; returns how many."""
        ...

    async def settle(
        self, *, owner: str, settlements: Sequence[Settlement], now: datetime
    ) -> list[OutboxEntry]:
        """Record how attempts ended; returns the entries whose target this disabled."""
        ...

    def wakeups(self) -> AbstractAsyncContextManager[asyncio.Event]:
        """While entered: an event set when rows were committed for workers to claim
        (by any writer this process or, where the database can say so, another one has)."""
        ...


class DeliveryLog(Protocol):
    """Where a change's deliveries are written, in the change's own transaction."""

    async def add(self, deliveries: Sequence[NewDelivery], *, now: datetime) -> None: ...


class Audience(Protocol):
    """Who may hear of a change, read in the change's own transaction."""

    async def enabled_subscriptions(self) -> list[Subscription]: ...

    async def viewers(self, user_ids: Collection[str]) -> dict[str, Viewer]: ...

    async def reach(
        self, *, channels: Collection[tuple[str, str]], users: Collection[str]
    ) -> Reach: ...

    async def posted_cards(self, ticket_ids: Collection[int]) -> list[PostedCard]:
        """The channels where the bot posted these tickets' cards."""
        ...


class NoticeFacts(Protocol):
    """What a batch of notices is drawn from: the tickets as they are now, and names."""

    async def tickets(self, ids: Collection[int]) -> dict[int, Ticket]: ...

    async def users(self, ids: Collection[str]) -> dict[str, User]: ...

    async def team_names(self, ids: Collection[int]) -> dict[int, str]: ...

    async def company(self) -> CompanySettings: ...

    async def viewers(self, user_ids: Collection[str]) -> dict[str, Viewer]: ...

    async def subscriptions(self, user_ids: Collection[str]) -> dict[str, Subscription]:
        """The subscription each of these users has now, if any."""
        ...

    async def posted_cards(self, ticket_ids: Collection[int]) -> list[PostedCard]:
        """The channel cards the bot has posted of these tickets, as they are now."""
        ...

    async def subscriptions_to(self, targets: Collection[Target]) -> list[Subscription]:
        """Every subscription, as it is now, whose webhook or channel is one of `targets`."""
        ...

    async def refresh_audiences(self, tickets: Iterable[Ticket]) -> dict[int, tuple[str, ...]]:
        """Teams user ids whose cards refresh by themselves, per ticket id."""
        ...


NoticeFactsReader = Callable[[], AbstractAsyncContextManager[NoticeFacts]]
"""Opens one consistent read of `NoticeFacts` per batch."""


class TicketCards(Protocol):
    """Which message holds a ticket's card in a conversation, so later changes update it."""

    async def activity_id(self, ticket_id: int, conversation_id: str) -> str | None: ...

    async def remember(self, ticket_id: int, conversation_id: str, activity_id: str) -> None: ...


class EmailSettingsStore(Protocol):
    """The SMTP server and the message templates, read at each delivery."""

    async def smtp(self) -> SmtpSettings | None: ...

    async def template(self, name: str) -> EmailTemplate | None: ...


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
