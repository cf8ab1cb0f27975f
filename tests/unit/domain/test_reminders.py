"""Which reminder a ticket calls for, and who hears it: the assignee, or the queue's channels."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from domain.events import EventType
from domain.notifications import Reach, Target
from domain.reminders import reminder_due, reminder_recipients
from domain.tickets import AssigneeType, TicketStatus
from tests.unit.domain.test_recipients import (
    AGENT,
    EVERYONE,
    MANAGER,
    NOW,
    OUTSIDER,
    SUPPORT,
    a_ticket,
    subscribed,
)

CHANNEL = ("team-1", "19:desk")


def test_a_ticket_is_due_soon_within_a_day_overdue_after_and_never_once_resolved() -> None:
    assert reminder_due(a_ticket(due_date=NOW + timedelta(hours=25)), now=NOW) is None
    assert reminder_due(a_ticket(due_date=NOW + timedelta(hours=24)), now=NOW) is (
        EventType.DUE_SOON
    )
    assert reminder_due(a_ticket(due_date=NOW), now=NOW) is EventType.OVERDUE
    resolved = a_ticket(due_date=NOW - timedelta(days=1), status=TicketStatus.RESOLVED)
    assert reminder_due(resolved, now=NOW) is None
    assert reminder_due(a_ticket(due_date=None), now=NOW) is None


def test_a_due_day_is_due_soon_on_that_day_and_overdue_once_it_has_passed() -> None:
    """A due date with no time of day (as the bot stores one) lasts the whole UTC day: it
    was "overdue" from the first minute of that day, and "due soon" the day before."""
    today = a_ticket(due_date=datetime.combine(NOW.date(), time()))
    assert reminder_due(today, now=NOW) is EventType.DUE_SOON
    assert reminder_due(today, now=NOW.replace(hour=23, minute=59)) is EventType.DUE_SOON
    assert reminder_due(today, now=datetime.combine(NOW.date() + timedelta(days=1), time())) is (
        EventType.OVERDUE)
    tomorrow = a_ticket(due_date=datetime.combine(NOW.date() + timedelta(days=1), time()))
    assert reminder_due(tomorrow, now=NOW) is None


def test_the_assignee_is_reminded_in_their_chat_only() -> None:
    [delivery] = reminder_recipients(
        a_ticket(),
        subscriptions=[subscribed(MANAGER.id, channel=CHANNEL)],
        viewers=EVERYONE,
        reach=Reach(bot_chats=frozenset({AGENT.id}), bot_channels=frozenset({CHANNEL})),
    )
    assert delivery.target == Target.personal(AGENT.id)
    assert reminder_recipients(a_ticket(), subscriptions=[], viewers=EVERYONE, reach=Reach()) == []


def test_a_queued_ticket_reminds_channels_subscribed_by_members_of_its_team() -> None:
    queued = a_ticket(assignee_type=AssigneeType.TEAM, assignee_id=None, assignee_team_id=SUPPORT)

    deliveries = reminder_recipients(
        queued,
        subscriptions=[
            subscribed(OUTSIDER.id, channel=("team-1", "19:billing"), row=1),
            subscribed(MANAGER.id, channel=CHANNEL, types=frozenset(), row=2),
        ],
        viewers=EVERYONE,
        reach=Reach(bot_channels=frozenset({CHANNEL, ("team-1", "19:billing")})),
    )

    assert [(d.target, d.on_behalf_of) for d in deliveries] == [
        (Target.channel(*CHANNEL), MANAGER.id)
    ]
