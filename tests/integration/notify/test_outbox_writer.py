"""Ticket changes write their outbox rows in their own transaction, one per distinct target."""

from __future__ import annotations

import logging
import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.repositories.outbox import SqlDeliveryLog
from db.repositories.subscriptions import SqlAudience
from db.repositories.users import SqlUserRepository
from db.tables import notification_outbox, smtp_settings
from domain.clock import utcnow
from domain.events import EventType, TicketEvent
from domain.notifications import TargetKind
from domain.services.tickets import comment_on_ticket, create_ticket, update_ticket
from domain.tickets import Assignee, Category, TicketDraft
from notify.outbox import OutboxWriter
from tests.actors import as_actor
from tests.integration.builders import insert_team, insert_user
from tests.integration.notify.conftest import (
    LOOPBACK,
    Cast,
    UnitOfWorkFactory,
    admin_subscribed,
    bot_in_channel,
    bot_in_personal_chat,
    file_a_bug,
    outbox_entries,
    subscribe,
)

HOOK = "https://acme.webhook.office.com/webhookb2/"


async def test_a_new_ticket_writes_one_row_per_distinct_target_with_its_own_delivery_id(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    admin = await insert_user(engine, role="admin")
    manager = await insert_user(engine, role="manager")
    other_admin = await insert_user(engine, role="admin")
    customer = await insert_user(engine, role="customer")
    await subscribe(engine, admin, url=HOOK + "shared")
    await subscribe(engine, other_admin, url=HOOK + "shared")
    await subscribe(engine, manager, url=HOOK + "manager")  # cannot see a customer's new ticket

    ticket = await create_ticket(
        uow=uow_factory(), actor=as_actor(customer), title="VPN drops", category=Category.INCIDENT
    )

    [entry] = await outbox_entries(engine)
    assert (entry.target.kind, entry.target.key) == (TargetKind.WEBHOOK, HOOK + "shared")
    assert (entry.event_type, entry.ticket_id, entry.attempts) == ("ticket_created", ticket.id, 0)
    assert uuid.UUID(entry.delivery_id).version == 4
    assert entry.payload["ticket_number"] == ticket.ticket_number
    assert entry.payload["actor_id"] == customer
    assert entry.payload["on_behalf_of"] == admin


async def test_the_outbox_rows_roll_back_with_the_change(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    admin, customer = await admin_subscribed(engine, url=HOOK + "a")
    uow = uow_factory()

    async with uow:
        now = utcnow()
        draft = TicketDraft(title="Printer", category=Category.SUPPORT, created_by=customer)
        ticket = await uow.tickets.add(draft, prefix="TKT", now=now)
        writer = OutboxWriter(
            audience=SqlAudience(uow.connection),
            deliveries=SqlDeliveryLog(uow.connection),
            policy=LOOPBACK,
        )
        await writer.record(
            [TicketEvent(EventType.CREATED, ticket, customer, now)]
        )
        assert await _rows_seen_by(uow.connection) == 1
        # leaving without commit

    assert await outbox_entries(engine) == []


async def _rows_seen_by(connection: AsyncConnection) -> int:
    return len((await connection.execute(select(notification_outbox.c.id))).all())


async def test_every_change_records_its_event_type_and_what_changed(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, cast: Cast
) -> None:
    admin, agent, customer = cast
    await subscribe(engine, admin, url=HOOK + "admin")
    ticket = await create_ticket(
        uow=uow_factory(), actor=as_actor(customer), title="VPN drops", category="incident"
    )

    await update_ticket(
        uow=uow_factory(), actor=as_actor(admin), ticket=ticket.id, assignee=Assignee.user(agent)
    )
    await update_ticket(uow=uow_factory(), actor=as_actor(agent), ticket=ticket.id, status="in_progress")
    await comment_on_ticket(
        uow=uow_factory(), actor=as_actor(agent), ticket=ticket.id, content="Looking <b>now</b>"
    )

    entries = [e for e in await outbox_entries(engine) if e.target.kind is TargetKind.WEBHOOK]
    assert [e.event_type for e in entries] == [
        "ticket_created",
        "ticket_status_changed",
        "ticket_commented",
    ], "the admin's own assignment is not sent to the admin"
    assert entries[1].payload["changes"] == [["status", "open", "in_progress"]]
    assert entries[2].payload["comment_excerpt"] == "Looking <b>now</b>"


async def test_a_webhook_url_the_policy_refuses_is_never_written_and_the_log_says_why(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, caplog: pytest.LogCaptureFixture
) -> None:
    admin, customer = await admin_subscribed(engine, url="http://evil.example.com/collect?sig=SECRET")

    with caplog.at_level(logging.WARNING, logger="notify.outbox"):
        await file_a_bug(uow_factory, customer)

    assert await outbox_entries(engine) == []
    assert "must use https" in caplog.text
    assert "SECRET" not in caplog.text


async def test_bot_channels_and_chats_are_targets_only_where_the_bot_can_post(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    admin = await insert_user(engine, role="admin")
    manager = await insert_user(engine, role="manager")
    agent = await insert_user(engine, role="user")
    customer = await insert_user(engine, role="customer", email="carla@example.com")
    team = await insert_team(engine, "Support", manager, agent)
    await subscribe(engine, manager, msteams_team_id="team-1", channel_id="19:support")
    await bot_in_channel(engine, channel="19:support", msteams_team_id="team-1")
    await bot_in_personal_chat(engine, customer, conversation_id="a:carla")
    ticket = await file_a_bug(uow_factory, customer)
    await update_ticket(uow=uow_factory(), actor=as_actor(admin), ticket=ticket.id, assignee=Assignee.team(team))
    async with engine.begin() as connection:
        await connection.execute(
            smtp_settings.insert().values(host="127.0.0.1", from_email="help@example.com")
        )

    await update_ticket(uow=uow_factory(), actor=as_actor(agent), ticket=ticket.id, status="in_progress")

    targets = [(e.event_type, e.target.kind, e.target.key) for e in await outbox_entries(engine)]
    assert targets == [
        ("ticket_assigned", TargetKind.CHANNEL, "19:support"),
        ("ticket_status_changed", TargetKind.CHANNEL, "19:support"),
        ("ticket_status_changed", TargetKind.PERSONAL, customer),
        ("ticket_status_changed", TargetKind.EMAIL, "carla@example.com"),
    ], "nothing before the ticket was queued to the manager's team"
    channel = (await outbox_entries(engine))[0]
    assert channel.target.msteams_team_id == "team-1"


async def test_viewers_read_in_bulk_match_the_one_at_a_time_rule(engine: AsyncEngine) -> None:
    manager = await insert_user(engine, role="manager")
    agent = await insert_user(engine, role="user")
    lone = await insert_user(engine, role="user")
    inactive = await insert_user(engine, role="admin", active=False)
    await insert_team(engine, "Support", manager, agent)
    await insert_team(engine, "Billing", agent)
    people = [manager, agent, lone, inactive]

    async with engine.connect() as connection:
        bulk = await SqlAudience(connection).viewers(people + ["nobody"])
        single = {
            user_id: await SqlUserRepository(connection).viewer(user_id) for user_id in people
        }

    assert bulk == single
