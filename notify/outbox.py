"""Writing a change's events to the outbox, in the change's own transaction.

The unit of work calls `record` just before it commits, on its connection, so
a ticket change and its notifications are stored together or not at all.
Recipients are decided now, from the subscriptions and access rights at the
moment of the change; cards are drawn later, at delivery, from the ticket as it
is then. The payload keeps what the card's "what happened" line needs.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from domain.access import Viewer
from domain.card_updates import PostedCard, card_updates
from domain.clock import utcnow
from domain.events import REMINDERS, TicketEvent
from domain.notifications import Delivery, Subscription, people_involved, recipients
from domain.reminders import reminder_recipients
from notify.deliveries import NewDelivery
from notify.ports import Audience, DeliveryLog
from notify.webhook_url import (
    WebhookPolicy,
    WebhookUrlRefused,
    check_webhook_url,
    redact_webhook_url,
)

log = logging.getLogger(__name__)

COMMENT_EXCERPT = 500


class OutboxWriter:
    """The `EventSink` for one unit of work: its events become outbox rows in its transaction
    (`audience` and `deliveries` work on the unit of work's connection)."""

    def __init__(
        self,
        *,
        audience: Audience,
        deliveries: DeliveryLog,
        policy: WebhookPolicy,
        clock: Callable[[], datetime] = utcnow,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
    ) -> None:
        self._audience = audience
        self._deliveries = deliveries
        self._policy = policy
        self._clock = clock
        self._new_id = new_id

    async def record(self, events: list[TicketEvent]) -> None:
        audience = self._audience
        enabled = await audience.enabled_subscriptions()
        changes = [event for event in events if event.type not in REMINDERS]
        reminded = [event.ticket for event in events if event.type in REMINDERS]
        subscriptions = [
            self._callable(s) for s in enabled if any(s.wants(event.type) for event in changes)
        ]
        posted = await audience.posted_cards({event.ticket.id for event in changes})
        card_places = {(card.msteams_team_id, card.channel_id) for card in posted}
        card_owners = [s for s in enabled if (s.msteams_team_id, s.channel_id) in card_places]
        team_channels = [s for s in enabled if s.has_channel] if reminded else []
        involved = set().union(*(people_involved(event) for event in changes)) | {
            ticket.assignee_id for ticket in reminded if ticket.assignee_id is not None
        }
        owners = {s.user_id for s in (*subscriptions, *card_owners, *team_channels)}
        viewers = await audience.viewers(owners | involved)
        reach = await audience.reach(
            channels={
                (s.msteams_team_id, s.channel_id)
                for s in (*subscriptions, *team_channels)
                if s.msteams_team_id and s.channel_id
            },
            users=involved,
        )

        def deliveries(event: TicketEvent) -> list[Delivery]:
            if event.type in REMINDERS:
                return reminder_recipients(
                    event.ticket, subscriptions=team_channels, viewers=viewers, reach=reach
                )
            return _with_card_updates(
                event,
                recipients(event, subscriptions=subscriptions, viewers=viewers, reach=reach),
                posted=posted,
                card_owners=card_owners,
                viewers=viewers,
            )

        rows = [
            NewDelivery(
                delivery_id=self._new_id(),
                event_type=event.type.value,
                ticket_id=event.ticket.id,
                target=delivery.target,
                payload=payload_of(event, delivery),
            )
            for event in events
            for delivery in deliveries(event)
        ]
        await self._deliveries.add(rows, now=self._clock())

    def _callable(self, subscription: Subscription) -> Subscription:
        """Drops a webhook URL today's policy refuses: never called, and the log says why."""
        if not subscription.webhook_url:
            return subscription
        try:
            check_webhook_url(subscription.webhook_url, policy=self._policy)
        except WebhookUrlRefused as refusal:
            log.warning(
                "not notifying webhook %s of user %s: %s",
                redact_webhook_url(subscription.webhook_url),
                subscription.user_id,
                refusal.message,
            )
            return replace(subscription, webhook_url=None)
        return subscription


def _with_card_updates(
    event: TicketEvent,
    deliveries: list[Delivery],
    *,
    posted: list[PostedCard],
    card_owners: list[Subscription],
    viewers: Mapping[str, Viewer],
) -> list[Delivery]:
    """The recipients' deliveries, plus an update for every channel card they leave out."""
    return deliveries + card_updates(
        event,
        posted=posted,
        subscriptions=card_owners,
        viewers=viewers,
        already={delivery.target for delivery in deliveries},
    )


def payload_of(event: TicketEvent, delivery: Delivery) -> dict[str, Any]:
    """What delivery needs besides the ticket itself, which it reads fresh."""
    comment = event.comment
    return {
        "ticket_number": event.ticket.ticket_number,
        "actor_id": event.actor_id,
        "occurred_at": event.occurred_at.isoformat(),
        "reason": delivery.reason.value,
        "on_behalf_of": delivery.on_behalf_of,
        "changes": [[c.field, c.old, c.new] for c in event.changes],
        "comment_excerpt": (
            None if comment is None else _excerpt(comment.content, COMMENT_EXCERPT)
        ),
        "origin": event.origin,
    }


def _excerpt(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

