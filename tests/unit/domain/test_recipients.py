"""Who is notified of each event, across roles, teams, settings and reach; never the actor."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

import pytest

from domain.access import Viewer
from domain.events import EventType, TicketEvent
from domain.notifications import (
    Reach,
    Reason,
    Subscription,
    Target,
    TargetKind,
    personal_recipients,
    recipients,
)
from domain.people import Role, User
from domain.tickets import Assignee, AssigneeType, Category, Comment, FieldChange, Ticket

SUPPORT, BILLING = 1, 2
NOW = datetime(2026, 3, 2, 9, 0)
ALL_TYPES = frozenset(t.value for t in EventType)


def person(
    user_id: str,
    role: Role,
    *,
    teams: tuple[int, ...] = (),
    active: bool = True,
    teammates: tuple[str, ...] = (),
) -> Viewer:
    user = User(
        id=user_id,
        email=f"{user_id}@example.com",
        first_name=user_id.title(),
        role=role,
        is_active=active,
    )
    return Viewer(user, team_ids=frozenset(teams), teammate_ids=frozenset(teammates))


ADMIN = person("ada", Role.ADMIN)
MANAGER = person("maya", Role.MANAGER, teams=(SUPPORT,), teammates=("maya", "arun"))
AGENT = person("arun", Role.USER, teams=(SUPPORT,))
OUTSIDER = person("olga", Role.USER, teams=(BILLING,))
REQUESTER = person("carla", Role.CUSTOMER)
OTHER_CUSTOMER = person("cora", Role.CUSTOMER)
RETIRED_ADMIN = person("rex", Role.ADMIN, active=False)
EVERYONE = {
    v.id: v for v in (ADMIN, MANAGER, AGENT, OUTSIDER, REQUESTER, OTHER_CUSTOMER, RETIRED_ADMIN)
}


def hook(user_id: str) -> str:
    return f"https://acme.webhook.office.com/webhookb2/{user_id}"


def subscribed(
    user_id: str,
    *,
    types: frozenset[str] = ALL_TYPES,
    enabled: bool = True,
    url: str | None = None,
    channel: tuple[str, str] | None = None,
    row: int = 0,
) -> Subscription:
    msteams_team_id, channel_id = channel or (None, None)
    return Subscription(
        user_id=user_id,
        enabled=enabled,
        notification_types=types,
        webhook_url=url if url is not None else (None if channel else hook(user_id)),
        msteams_team_id=msteams_team_id,
        channel_id=channel_id,
        id=row or None,
    )


def a_ticket(**changes: object) -> Ticket:
    ticket = Ticket(
        id=7,
        ticket_number="TKT-2026-0007",
        title="VPN drops",
        category=Category.INCIDENT,
        created_by=REQUESTER.id,
        created_at=NOW,
        updated_at=NOW,
        assignee_type=AssigneeType.USER,
        assignee_id=AGENT.id,
    )
    return replace(ticket, **changes)  # type: ignore[arg-type]


def event(
    kind: EventType, actor: Viewer, ticket: Ticket | None = None, **extra: object
) -> TicketEvent:
    return TicketEvent(kind, ticket or a_ticket(), actor.id, NOW, **extra)  # type: ignore[arg-type]


def webhook(user_id: str) -> tuple[TargetKind, str]:
    return (TargetKind.WEBHOOK, hook(user_id))


def personal(user_id: str) -> tuple[TargetKind, str]:
    return (TargetKind.PERSONAL, user_id)


def email(user_id: str) -> tuple[TargetKind, str]:
    return (TargetKind.EMAIL, f"{user_id}@example.com")


EVERY_STAFF_HOOK = [subscribed(v.id, row=i + 1) for i, v in enumerate(EVERYONE.values())]
FULL_REACH = Reach(bot_chats=frozenset(EVERYONE), email=True)


@dataclass(frozen=True)
class Case:
    event: TicketEvent
    expected: set[tuple[TargetKind, str]]
    subscriptions: list[Subscription] = field(default_factory=lambda: EVERY_STAFF_HOOK)
    reach: Reach = FULL_REACH


CASES = {
    "a new ticket reaches every subscriber who may see it, not the requester who filed it": Case(
        event(
            EventType.CREATED,
            REQUESTER,
            a_ticket(assignee_type=AssigneeType.TEAM, assignee_team_id=SUPPORT),
        ),
        {webhook(ADMIN.id), webhook(MANAGER.id), webhook(AGENT.id)},
    ),
    "an agent assigned by a manager hears in person; the manager's own hook stays quiet": Case(
        event(EventType.ASSIGNED, MANAGER, changes=(FieldChange("assignee", None, AGENT.id),)),
        {
            webhook(ADMIN.id),
            webhook(AGENT.id),
            webhook(REQUESTER.id),
            personal(AGENT.id),
            email(AGENT.id),
        },
    ),
    "an agent taking a ticket themselves is not told about it": Case(
        event(EventType.ASSIGNED, AGENT),
        {webhook(ADMIN.id), webhook(MANAGER.id), webhook(REQUESTER.id)},
    ),
    "the requester hears in person when someone else changes the status": Case(
        event(EventType.STATUS_CHANGED, AGENT),
        {
            webhook(ADMIN.id),
            webhook(MANAGER.id),
            webhook(REQUESTER.id),
            personal(REQUESTER.id),
            email(REQUESTER.id),
        },
    ),
    "the requester is not told about their own comment, nor is the assignee in person": Case(
        event(
            EventType.COMMENTED, REQUESTER, comment=Comment(1, 7, REQUESTER.id, "still broken", NOW)
        ),
        {webhook(ADMIN.id), webhook(MANAGER.id), webhook(AGENT.id)},
    ),
    "the requester hears in person when an agent comments": Case(
        event(EventType.COMMENTED, AGENT, comment=Comment(1, 7, AGENT.id, "on it", NOW)),
        {
            webhook(ADMIN.id),
            webhook(MANAGER.id),
            webhook(REQUESTER.id),
            personal(REQUESTER.id),
            email(REQUESTER.id),
        },
    ),
    "an edit tells subscribers only, never anyone in person": Case(
        event(EventType.UPDATED, ADMIN, changes=(FieldChange("title", "a", "b"),)),
        {webhook(MANAGER.id), webhook(AGENT.id), webhook(REQUESTER.id)},
    ),
    "a ticket queued to a team tells nobody in person and no one outside the team": Case(
        event(
            EventType.ASSIGNED,
            MANAGER,
            a_ticket(assignee_type=AssigneeType.TEAM, assignee_team_id=SUPPORT),
            previous_assignee=Assignee.user(AGENT.id),
        ),
        {webhook(ADMIN.id), webhook(AGENT.id), webhook(REQUESTER.id)},
    ),
    "a stale assignee id on a team-queued ticket grants the agent nothing": Case(
        event(
            EventType.STATUS_CHANGED,
            ADMIN,
            a_ticket(assignee_type=AssigneeType.TEAM, assignee_team_id=BILLING),
        ),
        {webhook(OUTSIDER.id), webhook(REQUESTER.id), personal(REQUESTER.id), email(REQUESTER.id)},
    ),
    "a disabled row and a type not subscribed send nothing": Case(
        event(EventType.STATUS_CHANGED, AGENT),
        {webhook(ADMIN.id)},
        subscriptions=[
            subscribed(ADMIN.id, types=frozenset({"ticket_status_changed"})),
            subscribed(MANAGER.id, enabled=False),
            subscribed(REQUESTER.id, types=frozenset({"ticket_created", "ticket_commented"})),
        ],
        reach=Reach(),
    ),
    "several owners of one webhook or one channel get one post each place": Case(
        event(EventType.CREATED, REQUESTER),
        {(TargetKind.WEBHOOK, hook("shared")), (TargetKind.CHANNEL, "19:support")},
        subscriptions=[
            subscribed(ADMIN.id, url=hook("shared"), row=1),
            subscribed(MANAGER.id, url=hook("shared"), row=2),
            subscribed(ADMIN.id, channel=("team-1", "19:support"), row=3),
            subscribed(AGENT.id, channel=("team-1", "19:support"), row=4),
        ],
        reach=Reach(bot_channels=frozenset({("team-1", "19:support")})),
    ),
    "a channel without the bot gets nothing, while the same row's webhook still does": Case(
        event(EventType.CREATED, REQUESTER),
        {webhook(ADMIN.id)},
        subscriptions=[subscribed(ADMIN.id, url=hook(ADMIN.id), channel=("team-9", "19:gone"))],
        reach=Reach(bot_channels=frozenset({("team-1", "19:support")})),
    ),
    "without a chat with the bot the requester is mailed instead": Case(
        event(EventType.STATUS_CHANGED, AGENT),
        {email(REQUESTER.id)},
        subscriptions=[],
        reach=Reach(email=True),
    ),
    "without a chat with the bot and with mail off, the requester hears nothing": Case(
        event(EventType.STATUS_CHANGED, AGENT),
        set(),
        subscriptions=[],
        reach=Reach(),
    ),
    "an inactive requester is told nothing in person": Case(
        event(EventType.STATUS_CHANGED, AGENT, a_ticket(created_by=RETIRED_ADMIN.id)),
        set(),
        subscriptions=[],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_recipients_matrix(name: str) -> None:
    case = CASES[name]

    deliveries = recipients(
        case.event, subscriptions=case.subscriptions, viewers=EVERYONE, reach=case.reach
    )

    found = [(d.target.kind, d.target.key) for d in deliveries]
    assert len(found) == len(set(found)), "one delivery per distinct target"
    assert set(found) == case.expected


def test_a_subscription_owner_unknown_to_the_viewers_is_skipped() -> None:
    deliveries = recipients(
        event(EventType.CREATED, REQUESTER),
        subscriptions=[subscribed("ghost")],
        viewers=EVERYONE,
        reach=Reach(),
    )

    assert deliveries == []


def test_the_first_subscriber_of_a_shared_target_is_the_one_the_card_is_drawn_for() -> None:
    shared = [
        subscribed(MANAGER.id, url=hook("x"), row=5),
        subscribed(ADMIN.id, url=hook("x"), row=2),
    ]

    [delivery] = recipients(
        event(EventType.CREATED, REQUESTER), subscriptions=shared, viewers=EVERYONE, reach=Reach()
    )

    assert delivery.on_behalf_of == ADMIN.id
    assert delivery.reason is Reason.SUBSCRIPTION


def test_personal_deliveries_say_why_they_were_sent() -> None:
    deliveries = recipients(
        event(EventType.ASSIGNED, MANAGER), subscriptions=[], viewers=EVERYONE, reach=FULL_REACH
    )

    assert {(d.target, d.reason, d.on_behalf_of) for d in deliveries} == {
        (Target.personal(AGENT.id), Reason.ASSIGNEE, AGENT.id),
        (Target.email(f"{AGENT.id}@example.com"), Reason.ASSIGNEE, AGENT.id),
    }


def test_unassigning_tells_nobody_in_person() -> None:
    unassigned = a_ticket(assignee_id=None)

    assert personal_recipients(event(EventType.ASSIGNED, MANAGER, unassigned)) == []


def test_email_addresses_are_compared_without_case() -> None:
    assert Target.email("Carla@Example.COM") == Target.email("carla@example.com")


# The subscription owner's own change: the channel card is brought up to date, quietly

CHANNEL = ("19:team", "19:support")
IN_CHANNEL = Reach(bot_channels=frozenset({CHANNEL}))


def test_the_owner_s_own_change_updates_their_channel_card_but_not_their_webhook() -> None:
    mine = subscribed(MANAGER.id, channel=CHANNEL, url=hook(MANAGER.id), row=1)

    found = recipients(
        event(EventType.STATUS_CHANGED, MANAGER, changes=(FieldChange("status", "open", "resolved"),)),
        subscriptions=[mine], viewers=EVERYONE, reach=IN_CHANNEL,
    )

    assert [(d.target, d.reason) for d in found] == [(Target.channel(*CHANNEL), Reason.OWN_CHANGE)]


def test_another_subscriber_of_the_same_channel_keeps_the_thread_reply() -> None:
    mine = subscribed(MANAGER.id, channel=CHANNEL, row=1)
    theirs = subscribed(ADMIN.id, channel=CHANNEL, row=2)

    found = recipients(event(EventType.COMMENTED, MANAGER), subscriptions=[mine, theirs],
                       viewers=EVERYONE, reach=IN_CHANNEL)

    assert [(d.target, d.reason, d.on_behalf_of) for d in found] == [
        (Target.channel(*CHANNEL), Reason.SUBSCRIPTION, ADMIN.id)]


def test_the_owner_s_own_new_ticket_is_not_posted_and_a_channel_without_the_bot_gets_nothing(
) -> None:
    mine = subscribed(MANAGER.id, channel=CHANNEL, row=1)
    ticket = a_ticket(assignee_type=AssigneeType.TEAM, assignee_team_id=SUPPORT)

    created = recipients(event(EventType.CREATED, MANAGER, ticket), subscriptions=[mine],
                         viewers=EVERYONE, reach=IN_CHANNEL)
    unreachable = recipients(event(EventType.ASSIGNED, MANAGER, ticket), subscriptions=[mine],
                             viewers=EVERYONE, reach=Reach())

    assert created == [] and unreachable == []
