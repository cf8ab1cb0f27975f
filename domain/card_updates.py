"""Keeping bot-posted ticket cards true: every change updates every channel card of its ticket.

The recipients rule decides who is *told* about an event; a card already posted
in a channel is different — it shows the ticket, and a card that is not updated
is wrong. So each channel holding a card of the ticket gets a delivery for every
event, whatever its subscription's event types and whoever made the change,
drawn on behalf of a subscriber of that channel who may see the ticket (a channel
nobody subscribes any more, or whose subscribers lost access, is left alone).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from domain.access import Viewer, can_see
from domain.events import TicketEvent
from domain.notifications import Delivery, Reason, Subscription, Target, oldest_first


@dataclass(frozen=True, slots=True)
class PostedCard:
    """A ticket card the bot posted in a channel (`bot_ticket_cards`)."""

    ticket_id: int
    msteams_team_id: str
    channel_id: str


def card_updates(
    event: TicketEvent,
    *,
    posted: Sequence[PostedCard],
    subscriptions: Sequence[Subscription],
    viewers: Mapping[str, Viewer],
    already: Collection[Target],
) -> list[Delivery]:
    """Deliveries that update the ticket's channel cards `already` does not reach."""
    deliveries: list[Delivery] = []
    for card in posted:
        target = Target.channel(card.msteams_team_id, card.channel_id)
        if card.ticket_id != event.ticket.id or target in already:
            continue
        owner = _subscriber_who_may_see(card, subscriptions, viewers, event)
        if owner is not None and all(d.target != target for d in deliveries):
            # The subscriber's own change updates the card without a line in its thread.
            reason = Reason.OWN_CHANGE if owner == event.actor_id else Reason.SUBSCRIPTION
            deliveries.append(Delivery(target, reason, owner))
    return deliveries


def _subscriber_who_may_see(
    card: PostedCard,
    subscriptions: Sequence[Subscription],
    viewers: Mapping[str, Viewer],
    event: TicketEvent,
) -> str | None:
    for subscription in oldest_first(subscriptions):
        if not subscription.enabled or (subscription.msteams_team_id, subscription.channel_id) != (
            card.msteams_team_id,
            card.channel_id,
        ):
            continue
        viewer = viewers.get(subscription.user_id)
        if viewer is not None and can_see(viewer, event.ticket):
            return subscription.user_id
    return None
