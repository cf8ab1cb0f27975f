"""The one unit of work: every repository on one transaction, and a mode that only reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import api_keys, tasks, teams_integration_settings, users
from db.uow import SqlUnitOfWork
from domain.api_keys import NewApiKey, Permission
from domain.chat import TeamsChannel
from domain.clock import utcnow
from domain.events import EventType, TicketEvent
from domain.notifications import Subscription
from domain.ports import ReadOnlyWork
from domain.services import tickets as ticket_services
from domain.services.api_keys import create_api_key
from domain.services.subscriptions import subscribe_channel
from tests.actors import as_actor
from tests.integration.builders import insert_ticket, insert_user

NOW = datetime(2026, 5, 4, 12, 0)


class RecordingSink:
    def __init__(self, seen: list[TicketEvent]) -> None:
        self.seen = seen

    async def record(self, events: list[TicketEvent]) -> None:
        self.seen.extend(events)


async def _count(engine: AsyncEngine, table: object) -> int:
    async with engine.connect() as connection:
        return int(await connection.scalar(select(func.count()).select_from(table)))  # type: ignore[arg-type]


async def test_a_reading_unit_of_work_reads_what_is_committed(engine: AsyncEngine) -> None:
    customer = await insert_user(engine, role="customer")
    ticket_id = await insert_ticket(engine, created_by=customer, title="Scanner offline")
    async with SqlUnitOfWork(engine).reading() as uow:
        ticket = await uow.tickets.get(ticket_id)
        user = await uow.users.get(customer)
        assert ticket is not None and ticket.title == "Scanner offline"
        assert user is not None and await uow.subscriptions.for_user(customer) is None
        assert await uow.api_keys.all(user_id=customer) == []


async def test_a_reading_unit_of_work_refuses_every_kind_of_write_and_changes_nothing(
    engine: AsyncEngine,
) -> None:
    customer = await insert_user(engine, role="customer")
    ticket_id = await insert_ticket(engine, created_by=customer, title="Scanner offline")
    before = (await _count(engine, api_keys), await _count(engine, teams_integration_settings))
    async with SqlUnitOfWork(engine).reading() as uow:
        ticket = await uow.tickets.get(ticket_id)
        user = await uow.users.get(customer)
        assert ticket is not None and user is not None
        with pytest.raises(ReadOnlyWork):
            await uow.tickets.save(replace(ticket, title="Changed by a reader"))
        with pytest.raises(ReadOnlyWork):
            await uow.users.save(replace(user, first_name="Mallory"), now=NOW)
        with pytest.raises(ReadOnlyWork):
            await uow.subscriptions.save(Subscription(user_id=customer, enabled=True), now=NOW)
        with pytest.raises(ReadOnlyWork):
            await uow.api_keys.add(
                NewApiKey(customer, "k", "0" * 64, "tfk_abcdef", frozenset({Permission.TICKETS_READ}),
                          None),
                now=NOW,
            )
        with pytest.raises(ReadOnlyWork):
            await uow.connection.execute(text("DELETE FROM tasks"))
        with pytest.raises(ReadOnlyWork):
            uow.outbox.add(TicketEvent(EventType.UPDATED, ticket, customer, NOW))
        with pytest.raises(ReadOnlyWork):
            await uow.commit()
        assert (await uow.tickets.get(ticket_id)) == ticket  # still usable for reads
    async with engine.connect() as connection:
        title = await connection.scalar(select(tasks.c.title).where(tasks.c.id == ticket_id))
        name = await connection.scalar(select(users.c.first_name).where(users.c.id == customer))
    assert (title, name) == ("Scanner offline", "Customer")
    assert (await _count(engine, api_keys), await _count(engine, teams_integration_settings)) == before


async def test_a_use_case_run_on_a_reading_unit_of_work_fails_without_writing(
    engine: AsyncEngine,
) -> None:
    customer = await insert_user(engine, role="customer")
    before = await _count(engine, tasks)
    with pytest.raises(ReadOnlyWork):
        await ticket_services.create_ticket(
            uow=SqlUnitOfWork(engine).reading(), actor=as_actor(customer), title="Printer jams",
            category="incident",
        )
    assert await _count(engine, tasks) == before


async def test_a_reader_does_not_wait_for_an_open_writer_and_sees_only_committed_rows(
    engine: AsyncEngine,
) -> None:
    customer = await insert_user(engine, role="customer")
    ticket_id = await insert_ticket(engine, created_by=customer, title="Scanner offline")
    async with SqlUnitOfWork(engine) as writer:
        ticket = await writer.tickets.get(ticket_id, for_update=True)
        assert ticket is not None
        await writer.tickets.save(replace(ticket, title="Scanner back online"))
        # The writer holds its locks (on SQLite, the database's write lock) until it ends.
        async with SqlUnitOfWork(engine).reading() as reader:
            seen = await reader.tickets.get(ticket_id)
        assert seen is not None and seen.title == "Scanner offline"
        await writer.commit()
    async with SqlUnitOfWork(engine).reading() as reader:
        seen = await reader.tickets.get(ticket_id)
    assert seen is not None and seen.title == "Scanner back online"


@pytest.mark.postgres_only
async def test_on_postgresql_a_reading_unit_of_work_runs_no_transaction(
    engine: AsyncEngine,
) -> None:
    """Each statement is its own transaction: no BEGIN/COMMIT round trips around a read."""
    async with SqlUnitOfWork(engine).reading() as uow:
        first = await uow.connection.scalar(text("SELECT txid_current()"))
        second = await uow.connection.scalar(text("SELECT txid_current()"))
    assert first != second
    async with SqlUnitOfWork(engine) as uow:
        first = await uow.connection.scalar(text("SELECT txid_current()"))
        second = await uow.connection.scalar(text("SELECT txid_current()"))
    assert first == second


async def test_subscriptions_api_keys_tickets_and_events_share_one_transaction(
    engine: AsyncEngine,
) -> None:
    manager = await insert_user(engine, role="manager")
    ticket_id = await insert_ticket(engine, created_by=manager, title="Scanner offline")
    seen: list[TicketEvent] = []

    async def change_everything(*, commit: bool) -> None:
        async with SqlUnitOfWork(engine, event_sink=lambda _c: RecordingSink(seen)) as uow:
            await uow.subscriptions.save(
                Subscription(user_id=manager, enabled=True,
                             notification_types=frozenset({"ticket_created"})),
                now=NOW,
            )
            await uow.api_keys.add(
                NewApiKey(manager, "k", "1" * 64, "tfk_ghijkl",
                          frozenset({Permission.TICKETS_READ}), None),
                now=NOW,
            )
            ticket = await uow.tickets.get(ticket_id, for_update=True)
            assert ticket is not None
            changed = replace(ticket, title="Scanner back online")
            await uow.tickets.save(changed)
            uow.outbox.add(TicketEvent(EventType.UPDATED, changed, manager, NOW))
            if commit:
                await uow.commit()

    await change_everything(commit=False)
    assert (await _count(engine, teams_integration_settings), await _count(engine, api_keys)) == (0, 0)
    async with SqlUnitOfWork(engine).reading() as uow:
        assert (await uow.tickets.get(ticket_id)).title == "Scanner offline"  # type: ignore[union-attr]
    assert seen == []

    await change_everything(commit=True)
    async with SqlUnitOfWork(engine).reading() as uow:
        assert (await uow.subscriptions.for_user(manager)) is not None
        assert [k.key_prefix for k in await uow.api_keys.all(user_id=manager)] == ["tfk_ghijkl"]
        assert (await uow.tickets.get(ticket_id)).title == "Scanner back online"  # type: ignore[union-attr]
    assert [(e.type, e.ticket.id) for e in seen] == [(EventType.UPDATED, ticket_id)]


async def test_use_cases_write_subscriptions_and_api_keys_through_the_one_unit_of_work(
    engine: AsyncEngine,
) -> None:
    manager = await insert_user(engine, role="manager")
    saved = await subscribe_channel(
        uow=SqlUnitOfWork(engine), actor=as_actor(manager),
        channel=TeamsChannel("T1", "C1", msteams_team_name="Acme", channel_name="Support"),
    )
    key, _ = await create_api_key(
        uow=SqlUnitOfWork(engine), actor=as_actor(manager), user_email=await _email(engine, manager),
        name="Monitoring", permissions="tickets:read", now=utcnow(),
    )
    async with SqlUnitOfWork(engine).reading() as uow:
        assert await uow.subscriptions.for_user(manager) == saved
        assert [k.id for k in await uow.api_keys.all(user_id=manager)] == [key.id]


async def _email(engine: AsyncEngine, user_id: str) -> str:
    async with engine.connect() as connection:
        return str(await connection.scalar(select(users.c.email).where(users.c.id == user_id)))
