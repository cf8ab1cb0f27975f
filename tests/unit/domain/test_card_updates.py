"""Channel cards of a ticket are updated on every event, drawn for a subscriber who may see it."""

from __future__ import annotations

from domain.card_updates import PostedCard, card_updates
from domain.events import EventType, TicketEvent
from domain.notifications import Reason, Target
from tests.unit.domain.test_recipients import (
    ADMIN,
    AGENT,
    EVERYONE,
    MANAGER,
    NOW,
    OUTSIDER,
    a_ticket,
    subscribed,
)

SUPPORT_CHANNEL = ("team-1", "19:support")
OTHER_CHANNEL = ("team-1", "19:other")


def status_changed_by(actor: str) -> TicketEvent:
    return TicketEvent(EventType.STATUS_CHANGED, a_ticket(), actor, NOW)


def test_a_card_is_updated_for_a_type_its_subscription_ignores_and_for_the_owners_own_change() -> (
    None
):
    [update] = card_updates(
        status_changed_by(MANAGER.id),
        posted=[PostedCard(7, *SUPPORT_CHANNEL)],
        subscriptions=[subscribed(MANAGER.id, types=frozenset({"ticket_created"}),
                                  channel=SUPPORT_CHANNEL)],
        viewers=EVERYONE,
        already=(),
    )

    assert update.target == Target.channel(*SUPPORT_CHANNEL)
    assert (update.reason, update.on_behalf_of) == (Reason.OWN_CHANGE, MANAGER.id)
    [other] = card_updates(
        status_changed_by(AGENT.id),
        posted=[PostedCard(7, *SUPPORT_CHANNEL)],
        subscriptions=[subscribed(MANAGER.id, types=frozenset({"ticket_created"}),
                                  channel=SUPPORT_CHANNEL)],
        viewers=EVERYONE,
        already=(),
    )
    assert (other.reason, other.on_behalf_of) == (Reason.SUBSCRIPTION, MANAGER.id)


def test_a_card_already_reached_by_the_recipients_rule_gets_no_second_delivery() -> None:
    assert card_updates(
        status_changed_by(AGENT.id),
        posted=[PostedCard(7, *SUPPORT_CHANNEL)],
        subscriptions=[subscribed(ADMIN.id, channel=SUPPORT_CHANNEL)],
        viewers=EVERYONE,
        already={Target.channel(*SUPPORT_CHANNEL)},
    ) == []


def test_a_card_is_drawn_for_the_first_subscriber_who_may_see_the_ticket() -> None:
    [update] = card_updates(
        status_changed_by(AGENT.id),
        posted=[PostedCard(7, *SUPPORT_CHANNEL)],
        subscriptions=[
            subscribed(OUTSIDER.id, channel=SUPPORT_CHANNEL, row=1),
            subscribed(ADMIN.id, channel=SUPPORT_CHANNEL, row=2),
        ],
        viewers=EVERYONE,
        already=(),
    )

    assert update.on_behalf_of == ADMIN.id


def test_cards_of_other_tickets_channels_nobody_may_see_or_nobody_subscribes_are_left_alone() -> (
    None
):
    assert card_updates(
        status_changed_by(AGENT.id),
        posted=[
            PostedCard(8, *SUPPORT_CHANNEL),
            PostedCard(7, *OTHER_CHANNEL),
            PostedCard(7, *SUPPORT_CHANNEL),
        ],
        subscriptions=[
            subscribed(OUTSIDER.id, channel=SUPPORT_CHANNEL),
            subscribed(ADMIN.id, channel=SUPPORT_CHANNEL, enabled=False),
        ],
        viewers=EVERYONE,
        already=(),
    ) == []
