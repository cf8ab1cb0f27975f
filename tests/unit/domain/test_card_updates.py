"""Channel cards of a ticket are updated on every event, drawn for a subscriber who may see it."""

from __future__ import annotations

import pytest

from domain.card_updates import PostedCard, card_updates
from domain.events import EventType, TicketEvent
from domain.notifications import Reason, Subscription, Target
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


_HOOK = "https://acme.webhook.office.com/hook"
_PLACE = ("19:team", "19:channel@thread.tacv2")


def _narrowed(*types: EventType, enabled: bool = True) -> Subscription:
    return Subscription("mia", enabled=enabled, notification_types=frozenset(t.value for t in types),
                        webhook_url=_HOOK, msteams_team_id=_PLACE[0], channel_id=_PLACE[1])


@pytest.mark.parametrize(("target", "event", "reason", "holds_card", "types", "asked"), [
    # drawn because the type was wanted: only while it still is
    (Target.webhook(_HOOK), EventType.CREATED, Reason.SUBSCRIPTION, False,
     (EventType.CREATED,), True),
    (Target.webhook(_HOOK), EventType.CREATED, Reason.SUBSCRIPTION, False,
     (EventType.ASSIGNED, EventType.COMMENTED), False),
    (Target.webhook(_HOOK), EventType.COMMENTED, Reason.SUBSCRIPTION, False, (), False),
    (Target.channel(*_PLACE), EventType.CREATED, Reason.SUBSCRIPTION, False,
     (EventType.STATUS_CHANGED,), False),
    (Target.channel(*_PLACE), EventType.ASSIGNED, Reason.SUBSCRIPTION, False,
     (EventType.ASSIGNED,), True),
    # not decided by the type: a card the channel holds, one's own change, a reminder
    (Target.channel(*_PLACE), EventType.ASSIGNED, Reason.SUBSCRIPTION, True,
     (EventType.CREATED,), True),
    (Target.webhook(_HOOK), EventType.ASSIGNED, Reason.SUBSCRIPTION, True,
     (EventType.CREATED,), False),  # a webhook holds no card
    (Target.channel(*_PLACE), EventType.UPDATED, Reason.OWN_CHANGE, False, (), True),
    (Target.channel(*_PLACE), EventType.OVERDUE, Reason.SUBSCRIPTION, False, (), True),
    # pointing elsewhere: nothing, whatever the types
    (Target.channel("19:team", "19:other@thread.tacv2"), EventType.CREATED,
     Reason.SUBSCRIPTION, True, tuple(EventType), False),
    (Target.webhook(_HOOK + "/old"), EventType.CREATED, Reason.SUBSCRIPTION, False,
     tuple(EventType), False),
])
def test_a_delivery_is_still_asked_for_only_by_the_subscription_as_it_is_now(
    target: Target, event: EventType, reason: Reason, holds_card: bool,
    types: tuple[EventType, ...], asked: bool,
) -> None:
    assert _narrowed(*types).still_asks_for(target, event, reason=reason,
                                            holds_card=holds_card) is asked


def test_a_subscription_switched_off_asks_for_nothing() -> None:
    off = _narrowed(*EventType, enabled=False)
    for reason in Reason:
        assert not off.still_asks_for(Target.channel(*_PLACE), EventType.OVERDUE, reason=reason,
                                      holds_card=True)
