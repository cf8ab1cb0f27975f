"""Due-date reminders: once when a ticket becomes due within 24 hours, once when overdue.

Who hears: the assignee in their chat with the bot, or, for a ticket queued to a
team, the channels subscribed by members of that team (each subscriber must
still be allowed to see the ticket). A reminder is sent once per ticket, kind
and due date, whichever process notices first; moving the due date earns new
reminders. Resolved and closed tickets are never reminded of.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from domain.access import Viewer, can_see
from domain.events import EventType
from domain.notifications import Delivery, Reach, Reason, Subscription, Target, oldest_first
from domain.tickets import AssigneeType, Ticket, deadline

DUE_SOON_WINDOW = timedelta(hours=24)


def reminder_due(ticket: Ticket, *, now: datetime) -> EventType | None:
    """The reminder the ticket calls for now, if any (before asking whether it was sent)."""
    if ticket.due_date is None or not ticket.is_open_for_edits:
        return None
    due = deadline(ticket.due_date)
    if due <= now:
        return EventType.OVERDUE
    if due - now <= DUE_SOON_WINDOW:
        return EventType.DUE_SOON
    return None


def reminder_recipients(
    ticket: Ticket,
    *,
    subscriptions: Sequence[Subscription],
    viewers: Mapping[str, Viewer],
    reach: Reach,
) -> list[Delivery]:
    """The assignee's chat, or the queue team's subscribed channels, one delivery per place."""
    deliveries: dict[Target, Delivery] = {}
    if ticket.assignee_type is AssigneeType.USER and ticket.assignee_id is not None:
        viewer = viewers.get(ticket.assignee_id)
        if viewer is not None and can_see(viewer, ticket) and viewer.id in reach.bot_chats:
            target = Target.personal(viewer.id)
            deliveries[target] = Delivery(target, Reason.ASSIGNEE, viewer.id)
        return list(deliveries.values())
    team = ticket.assignee_team_id if ticket.assignee_type is AssigneeType.TEAM else None
    if team is None:
        return []
    for subscription in oldest_first(subscriptions):
        place = (subscription.msteams_team_id, subscription.channel_id)
        viewer = viewers.get(subscription.user_id)
        if (
            not subscription.enabled
            or subscription.msteams_team_id is None
            or subscription.channel_id is None
            or place not in reach.bot_channels
            or viewer is None
            or team not in viewer.team_ids
            or not can_see(viewer, ticket)
        ):
            continue
        target = Target.channel(subscription.msteams_team_id, subscription.channel_id)
        deliveries.setdefault(target, Delivery(target, Reason.SUBSCRIPTION, subscription.user_id))
    return list(deliveries.values())
