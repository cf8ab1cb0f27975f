"""Due-date reminders, on an injected clock: once each, across restarts and two workers."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.repositories.due_reminders import SqlDueReminders
from db.tables import tasks
from notify.reminders import DueReminders
from tests.integration.builders import insert_team, insert_ticket, insert_user
from tests.integration.notify.conftest import (
    LOOPBACK,
    TEAM,
    Clock,
    bot_in_channel,
    bot_in_personal_chat,
    outbox_entries,
    subscribe,
)
from ticketflow.runtime import outbox_sink

CHANNEL = "19:desk@thread.tacv2"


def a_worker(engine: AsyncEngine, clock: Clock) -> DueReminders:
    """What each `serve` or `ticketflow worker` process runs (a new one is a restart)."""
    source = SqlDueReminders(engine, event_sink=outbox_sink(LOOPBACK, clock=clock))
    return DueReminders(source=source, clock=clock)


async def _due(engine: AsyncEngine, ticket: int, clock: Clock, *, hours: float) -> None:
    async with engine.begin() as connection:
        await connection.execute(
            update(tasks).where(tasks.c.id == ticket)
            .values(due_date=clock.now + timedelta(hours=hours))
        )


async def test_the_assignee_hears_once_when_due_within_a_day_and_once_when_overdue(
    engine: AsyncEngine, clock: Clock
) -> None:
    agent = await insert_user(engine, role="user")
    customer = await insert_user(engine, role="customer")
    await bot_in_personal_chat(engine, agent)
    ticket = await insert_ticket(engine, created_by=customer, assignee_id=agent)
    await _due(engine, ticket, clock, hours=30)

    assert await a_worker(engine, clock).run_once() == 0  # 30 h away: not yet
    clock.advance(timedelta(hours=7).total_seconds())
    assert await a_worker(engine, clock).run_once() == 1
    assert await a_worker(engine, clock).run_once() == 0, "a restart does not repeat it"
    clock.advance(timedelta(hours=24).total_seconds())
    assert await a_worker(engine, clock).run_once() == 1
    clock.advance(timedelta(days=3).total_seconds())
    assert await a_worker(engine, clock).run_once() == 0

    entries = await outbox_entries(engine)
    assert [(e.event_type, e.target.key, e.payload["reason"]) for e in entries] == [
        ("ticket_due_soon", agent, "assignee"),
        ("ticket_overdue", agent, "assignee"),
    ]


async def test_two_workers_at_the_same_moment_send_each_reminder_once(
    engine: AsyncEngine, clock: Clock
) -> None:
    agent = await insert_user(engine, role="user")
    customer = await insert_user(engine, role="customer")
    await bot_in_personal_chat(engine, agent)
    for _ in range(5):
        await _due(engine, await insert_ticket(engine, created_by=customer, assignee_id=agent),
                   clock, hours=-2)

    sent = await asyncio.gather(*(a_worker(engine, clock).run_once() for _ in range(2)))

    assert sorted(sent) in ([0, 5], [1, 4], [2, 3])
    assert len(await outbox_entries(engine)) == 5


async def test_a_team_queued_ticket_reminds_the_channels_its_members_subscribed(
    engine: AsyncEngine, clock: Clock
) -> None:
    manager = await insert_user(engine, role="manager")
    outsider = await insert_user(engine, role="manager")
    customer = await insert_user(engine, role="customer")
    team = await insert_team(engine, "Desk", manager)
    for channel in (CHANNEL, "19:elsewhere@thread.tacv2"):
        await bot_in_channel(engine, channel=channel)
    await subscribe(
        engine, manager, types=["ticket_created"], msteams_team_id=TEAM, channel_id=CHANNEL
    )
    await subscribe(engine, outsider, msteams_team_id=TEAM, channel_id="19:elsewhere@thread.tacv2")
    ticket = await insert_ticket(
        engine, created_by=customer, assignee_type="team", assignee_team_id=team
    )
    await _due(engine, ticket, clock, hours=3)

    assert await a_worker(engine, clock).run_once() == 1

    [entry] = await outbox_entries(engine)
    assert (entry.event_type, entry.target.key, entry.payload["on_behalf_of"]) == (
        "ticket_due_soon", CHANNEL, manager
    )


async def test_resolved_tickets_are_not_reminded_and_a_new_due_date_earns_new_reminders(
    engine: AsyncEngine, clock: Clock
) -> None:
    agent = await insert_user(engine, role="user")
    customer = await insert_user(engine, role="customer")
    await bot_in_personal_chat(engine, agent)
    resolved = await insert_ticket(engine, created_by=customer, assignee_id=agent)
    moved = await insert_ticket(engine, created_by=customer, assignee_id=agent)
    async with engine.begin() as connection:
        await connection.execute(
            update(tasks).where(tasks.c.id == resolved).values(status="resolved")
        )
    await _due(engine, resolved, clock, hours=-1)
    await _due(engine, moved, clock, hours=-1)
    assert await a_worker(engine, clock).run_once() == 1

    await _due(engine, moved, clock, hours=5)

    assert await a_worker(engine, clock).run_once() == 1
    assert [(e.ticket_id, e.event_type) for e in await outbox_entries(engine)] == [
        (moved, "ticket_overdue"),
        (moved, "ticket_due_soon"),
    ]


async def test_a_ticket_due_today_is_due_soon_today_and_overdue_once_the_day_is_over(
    engine: AsyncEngine, clock: Clock
) -> None:
    """A due date with no time of day (as `4 is due today` stores it) is that whole day: its
    midnight had passed, so it was "overdue" the morning it was due."""
    agent = await insert_user(engine, role="user")
    customer = await insert_user(engine, role="customer")
    await bot_in_personal_chat(engine, agent)
    clock.now = datetime(2026, 12, 5, 9, 30)
    today = await insert_ticket(engine, created_by=customer, assignee_id=agent)
    tomorrow = await insert_ticket(engine, created_by=customer, assignee_id=agent)
    async with engine.begin() as connection:
        for ticket, day in ((today, 5), (tomorrow, 6)):
            await connection.execute(update(tasks).where(tasks.c.id == ticket)
                                     .values(due_date=datetime(2026, 12, day)))

    assert await a_worker(engine, clock).run_once() == 1
    clock.now = datetime(2026, 12, 5, 23, 59)
    assert await a_worker(engine, clock).run_once() == 0
    clock.now = datetime(2026, 12, 6, 0, 0)
    assert await a_worker(engine, clock).run_once() == 2
    assert await a_worker(engine, clock).run_once() == 0

    assert [(e.ticket_id, e.event_type) for e in await outbox_entries(engine)] == [
        (today, "ticket_due_soon"), (today, "ticket_overdue"), (tomorrow, "ticket_due_soon")]


async def test_a_due_ticket_left_with_a_status_outside_the_schema_holds_up_no_other_reminder(
    engine: AsyncEngine, clock: Clock
) -> None:
    """Its row failed every sweep with a ValueError, so nobody was reminded of anything."""
    agent = await insert_user(engine, role="user")
    customer = await insert_user(engine, role="customer")
    await bot_in_personal_chat(engine, agent)
    odd = await insert_ticket(engine, created_by=customer, assignee_id=agent)
    fine = await insert_ticket(engine, created_by=customer, assignee_id=agent)
    await _due(engine, odd, clock, hours=-2)
    await _due(engine, fine, clock, hours=-1)
    async with engine.begin() as connection:
        await connection.execute(update(tasks).where(tasks.c.id == odd).values(status="pending"))

    assert await a_worker(engine, clock).run_once() == 1

    assert [entry.ticket_id for entry in await outbox_entries(engine)] == [fine]
