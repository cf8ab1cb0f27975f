"""Who hears about a ticket event, and the channel subscriptions that decide it.

A subscription is one `teams_integration_settings` row: a user's choice of where
*their* notifications go (a channel webhook, a Teams channel the bot is in) and
which event types they want. `user_id` is unique in that table, so each user has
one row: a manager who says `subscribe` in a channel moves their subscription to
that channel (their webhook URL, if any, is kept).

The rules here are pure functions over values, so every case of the recipients
matrix is decided without I/O; `notify.outbox` loads the values on the ticket
change's own connection and stores one outbox row per `Delivery`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from domain.access import TicketAction, Viewer, can_see
from domain.errors import InvalidValue
from domain.events import REMINDERS, EventType, TicketEvent
from domain.people import Role
from domain.tickets import AssigneeType, FieldChange, Ticket

SUBSCRIPTION_MANAGERS = (Role.ADMIN, Role.MANAGER)
# Reminders are not subscribed to: they go to the assignee or the queue team's channels.
SUBSCRIBABLE = tuple(t for t in EventType if t not in REMINDERS)
_EVENT_TYPE_NAMES = frozenset(t.value for t in SUBSCRIBABLE)


class TargetKind(StrEnum):
    WEBHOOK = "webhook"
    CHANNEL = "channel"
    PERSONAL = "personal"
    EMAIL = "email"
    CONVERSATION = "conversation"
    """A turn's reply Teams did not take at once (throttled, failing): sent as drawn."""


@dataclass(frozen=True, slots=True)
class Target:
    """Where one delivery goes; two equal targets get one post."""

    kind: TargetKind
    key: str
    msteams_team_id: str | None = None
    """For a channel, the team it belongs to (the key is the channel id)."""

    @classmethod
    def webhook(cls, url: str) -> Target:
        return cls(TargetKind.WEBHOOK, url)

    @classmethod
    def channel(cls, msteams_team_id: str, channel_id: str) -> Target:
        return cls(TargetKind.CHANNEL, channel_id, msteams_team_id=msteams_team_id)

    @classmethod
    def personal(cls, user_id: str) -> Target:
        return cls(TargetKind.PERSONAL, user_id)

    @classmethod
    def email(cls, address: str) -> Target:
        return cls(TargetKind.EMAIL, address.lower())

    @classmethod
    def conversation(cls, conversation_id: str) -> Target:
        return cls(TargetKind.CONVERSATION, conversation_id)


@dataclass(frozen=True, slots=True)
class Subscription:
    """One `teams_integration_settings` row."""

    user_id: str
    enabled: bool = False
    notification_types: frozenset[str] = frozenset()
    webhook_url: str | None = None
    msteams_team_id: str | None = None
    msteams_team_name: str | None = None
    channel_id: str | None = None
    channel_name: str | None = None
    id: int | None = None

    def wants(self, event_type: EventType) -> bool:
        return self.enabled and event_type.value in self.notification_types

    @property
    def has_channel(self) -> bool:
        return bool(self.msteams_team_id and self.channel_id)

    def sends_to(self, target: Target) -> bool:
        """Whether this subscription, switched on, posts to the webhook or channel `target`.

        Checked again when a delivery leaves, as access is: a delivery waiting out a failed
        attempt is not made to a webhook its owner has since removed or replaced, nor to a
        channel since unsubscribed or left for another one."""
        if not self.enabled:
            return False
        if target.kind is TargetKind.WEBHOOK:
            return self.webhook_url == target.key
        if target.kind is TargetKind.CHANNEL:
            return (self.msteams_team_id, self.channel_id) == (target.msteams_team_id, target.key)
        return False

    def still_asks_for(
        self, target: Target, event_type: EventType, *, reason: Reason, holds_card: bool
    ) -> bool:
        """Whether this subscription, as it is now, still asks for a delivery drawn for it
        when the event happened: it points at `target` (`sends_to`), and wants the event's
        type — unless the type never decided it: the owner's own change, a reminder, or a
        channel that holds the ticket's card (`domain.card_updates`: kept true whatever the
        types). A delivery waiting out a failure is not posted once its type is dropped."""
        if not self.sends_to(target):
            return False
        if reason is Reason.OWN_CHANGE or event_type in REMINDERS:
            return True
        if target.kind is TargetKind.CHANNEL and holds_card:
            return True
        return self.wants(event_type)


def oldest_first(subscriptions: Sequence[Subscription]) -> list[Subscription]:
    """In the order they were saved, unsaved ones last: who subscribed first speaks for a place."""
    return sorted(subscriptions, key=lambda s: (s.id is None, s.id or 0))


@dataclass(frozen=True, slots=True)
class Reach:
    """What can be reached when the event is recorded: bot channels and chats, and mail."""

    bot_channels: frozenset[tuple[str, str]] = frozenset()
    """(team id, channel id) pairs where the bot is installed."""
    bot_chats: frozenset[str] = frozenset()
    """Users with a personal chat with the bot."""
    email: bool = False
    """Outgoing mail is configured and switched on."""


class Reason(StrEnum):
    SUBSCRIPTION = "subscription"
    ASSIGNEE = "assignee"
    REQUESTER = "requester"
    OWN_CHANGE = "own_change"
    """The subscription owner changed the ticket: their channel's card is brought up to
    date in place, and nothing is said about it in the thread."""


@dataclass(frozen=True, slots=True)
class Delivery:
    """One notification to send; the card is drawn with `on_behalf_of`'s access."""

    target: Target
    reason: Reason
    on_behalf_of: str


def recipients(
    event: TicketEvent,
    *,
    subscriptions: Sequence[Subscription],
    viewers: Mapping[str, Viewer],
    reach: Reach,
) -> list[Delivery]:
    """Every delivery `event` calls for, one per distinct target, never to the actor.

    Subscriptions count when enabled, subscribed to the event's type, and owned by
    someone other than the actor who may see the ticket (an owner missing from
    `viewers` sees nothing). A webhook URL is a target; a channel is one only where
    the bot is installed. Personal messages (and emails) go to the assignee when a
    ticket is assigned to them and to the requester when someone else changes the
    status or comments.
    """
    deliveries: dict[Target, Delivery] = {}
    own_channels: list[Delivery] = []

    def add(target: Target, reason: Reason, user_id: str) -> None:
        deliveries.setdefault(target, Delivery(target, reason, user_id))

    for subscription in oldest_first(subscriptions):
        if subscription.user_id == event.actor_id:
            own_channels += _own_channel_update(event, subscription, viewers, reach)
            continue
        if not subscription.wants(event.type):
            continue
        if not _may_see(viewers.get(subscription.user_id), event.ticket):
            continue
        if subscription.webhook_url:
            add(Target.webhook(subscription.webhook_url), Reason.SUBSCRIPTION, subscription.user_id)
        if subscription.msteams_team_id and subscription.channel_id:
            place = (subscription.msteams_team_id, subscription.channel_id)
            if place in reach.bot_channels:
                add(Target.channel(*place), Reason.SUBSCRIPTION, subscription.user_id)
    for user_id, reason in personal_recipients(event):
        viewer = viewers.get(user_id)
        if viewer is None or not _may_see(viewer, event.ticket):
            continue
        if user_id in reach.bot_chats:
            add(Target.personal(user_id), reason, user_id)
        if reach.email and viewer.user.email:
            add(Target.email(viewer.user.email), reason, user_id)
    for own in own_channels:  # someone else's subscription to the channel says more
        deliveries.setdefault(own.target, own)
    return list(deliveries.values())


def _own_channel_update(
    event: TicketEvent, subscription: Subscription, viewers: Mapping[str, Viewer], reach: Reach
) -> list[Delivery]:
    """The owner's own change still updates the card their channel shows (no thread reply);
    a new ticket they file themselves is not posted."""
    if event.type is EventType.CREATED or not subscription.enabled:
        return []
    if not subscription.msteams_team_id or not subscription.channel_id:
        return []
    place = (subscription.msteams_team_id, subscription.channel_id)
    owner = viewers.get(subscription.user_id)
    if place not in reach.bot_channels or not _may_see(owner, event.ticket):
        return []
    return [Delivery(Target.channel(*place), Reason.OWN_CHANGE, subscription.user_id)]


def personal_recipients(event: TicketEvent) -> list[tuple[str, Reason]]:
    """Who is told in person, before access and reach are checked; never the actor."""
    ticket = event.ticket
    people: list[tuple[str, Reason]] = []
    assignee = ticket.assignee
    is_user = assignee is not None and assignee.kind is AssigneeType.USER
    if event.type in (EventType.ASSIGNED, EventType.CREATED) and is_user and assignee:
        people.append((str(assignee.user_id), Reason.ASSIGNEE))
    if event.type in (EventType.STATUS_CHANGED, EventType.COMMENTED):
        people.append((ticket.created_by, Reason.REQUESTER))
    return [(user_id, reason) for user_id, reason in people if user_id != event.actor_id]


def people_involved(event: TicketEvent) -> set[str]:
    """The users whose access `recipients` may ask about besides subscription owners."""
    return {user_id for user_id, _ in personal_recipients(event)}


def _may_see(viewer: Viewer | None, ticket: Ticket) -> bool:
    return viewer is not None and can_see(viewer, ticket)


@dataclass(frozen=True, slots=True)
class TicketNotice:
    """What a notification card shows: the ticket as it is now and what just happened.

    Labels are resolved names; `actions` are the buttons for `viewer_id` (a bot card
    only; webhook cards cannot carry them).
    """

    event_type: EventType
    ticket: Ticket
    headline: str
    """One line, e.g. "Assigned to Dana Scully by Lee Adama"."""
    actor_label: str
    requester_label: str
    assignee_label: str | None
    company_name: str
    web_url: str
    teams_url: str | None = None
    changes: tuple[FieldChange, ...] = ()
    """Old and new values as people read them."""
    comment_excerpt: str | None = None
    actions: frozenset[TicketAction] = frozenset()
    viewer_id: str | None = None
    refresh_user_ids: tuple[str, ...] = ()
    """Teams user ids whose clients redraw a bot card for themselves (at most 60)."""
    asks_requester: bool = False
    """A personal notice telling the requester their ticket was resolved, while it still is:
    the card asks "It's fixed" / "Still broken"."""


def parse_event_types(values: Iterable[object]) -> frozenset[str]:
    """`created`, `ticket_created` or `all`; nothing named means every type."""
    chosen: set[str] = set()
    for value in values:
        text = str(value).strip().lower().replace("-", "_")
        if text == "all":
            chosen.update(t.value for t in SUBSCRIBABLE)
            continue
        name = text if text.startswith("ticket_") else f"ticket_{text}"
        if name not in _EVENT_TYPE_NAMES:
            allowed = ", ".join(t.value.removeprefix("ticket_") for t in SUBSCRIBABLE)
            raise InvalidValue("event_type", f"'{value}' is not one of: {allowed}, all")
        chosen.add(name)
    return frozenset(chosen or (t.value for t in SUBSCRIBABLE))
