"""What the use cases rely on from a unit of work, held against the fake: nothing is
stored until commit, a rollback or an error discards everything, numbers never collide."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import datetime

import pytest

from domain.events import EventType, TicketEvent
from domain.people import NewUser, Role
from domain.ports import UnitOfWork
from domain.tickets import Category, HistoryAction, HistoryEntry, TicketDraft
from tests.unit.conftest import Organisation
from tests.unit.fakes import FakeDatabase, FakeUnitOfWork, UniqueViolation

NOW = datetime(2026, 6, 1, 10, 0)
ALEX = NewUser("alex@example.com", "Alex", "Smith", Role.USER)


def test_the_fake_is_a_unit_of_work(uow: FakeUnitOfWork) -> None:
    as_port: UnitOfWork = uow
    assert as_port is uow


async def test_a_change_is_visible_to_others_only_after_commit(db: FakeDatabase) -> None:
    async with db.unit_of_work() as writer:
        user = await writer.users.add(ALEX, now=NOW)
        assert await writer.users.get(user.id) == user
        async with db.unit_of_work() as reader:
            assert await reader.users.get(user.id) is None
        await writer.commit()
    async with db.unit_of_work() as reader:
        assert await reader.users.get(user.id) == user


async def test_leaving_without_commit_discards_the_changes(db: FakeDatabase) -> None:
    before = db.snapshot()
    async with db.unit_of_work() as uow:
        await uow.users.add(ALEX, now=NOW)
    assert db.snapshot() == before
    assert db.commits == 0


async def test_an_error_inside_discards_the_changes_and_propagates(db: FakeDatabase) -> None:
    before = db.snapshot()
    with pytest.raises(ZeroDivisionError):
        async with db.unit_of_work() as uow:
            await uow.users.add(ALEX, now=NOW)
            _ = 1 / 0
    assert db.snapshot() == before


async def test_a_rollback_discards_and_the_unit_of_work_goes_on(
    db: FakeDatabase, org: Organisation
) -> None:
    async with db.unit_of_work() as uow:
        await uow.users.add(ALEX, now=NOW)
        await uow.rollback()
        assert await uow.users.get_by_email(ALEX.email) is None
        await uow.users.add(NewUser("sam@example.com", "Sam", None, Role.USER), now=NOW)
        await uow.commit()
    emails = {u.email for u in db.committed.users.values()}
    assert "sam@example.com" in emails and ALEX.email not in emails


async def test_a_commit_keeps_the_unit_of_work_open_for_more(db: FakeDatabase) -> None:
    async with db.unit_of_work() as uow:
        await uow.users.add(ALEX, now=NOW)
        await uow.commit()
        await uow.users.add(NewUser("sam@example.com", None, None, Role.USER), now=NOW)
    assert [u.email for u in db.committed.users.values()] == [ALEX.email]


async def test_repositories_refuse_to_work_outside_async_with(uow: FakeUnitOfWork) -> None:
    with pytest.raises(RuntimeError, match="outside `async with`"):
        await uow.users.get("user-1")
    with pytest.raises(RuntimeError):
        await uow.commit()


async def test_a_unit_of_work_cannot_be_entered_twice_at_once(uow: FakeUnitOfWork) -> None:
    async with uow:
        with pytest.raises(RuntimeError, match="twice"):
            async with uow:
                pass


async def test_a_unit_of_work_can_be_used_again_after_it_closed(db: FakeDatabase) -> None:
    uow = db.unit_of_work()
    async with uow:
        await uow.users.add(ALEX, now=NOW)
        await uow.commit()
    async with uow:
        assert await uow.users.get_by_email("ALEX@example.com") is not None


async def test_events_reach_the_outbox_only_with_the_commit(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    event = TicketEvent(EventType.UPDATED, ticket, org.admin.id, NOW)
    async with db.unit_of_work() as uow:
        uow.outbox.add(event)
    assert db.events == []
    async with db.unit_of_work() as uow:
        uow.outbox.add(event)
        await uow.rollback()
        await uow.commit()
    assert db.events == []
    async with db.unit_of_work() as uow:
        uow.outbox.add(event)
        await uow.commit()
    assert db.events == [event]


async def test_history_rows_get_an_id_and_a_time_when_stored(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    async with db.unit_of_work() as uow:
        uow.history.add(HistoryEntry(ticket.id, org.admin.id, HistoryAction.COMMENTED))
        await uow.commit()
        [entry] = await uow.history.for_task(ticket.id)
    assert entry.id is not None and entry.created_at is not None


async def test_an_email_already_taken_breaks_the_unique_key_in_any_case(
    db: FakeDatabase, org: Organisation
) -> None:
    async with db.unit_of_work() as uow:
        with pytest.raises(UniqueViolation):
            await uow.users.add(NewUser(str(org.agent.email).upper(), None, None, Role.USER),
                                now=NOW)


async def test_saving_a_ticket_never_changes_its_number_or_creator(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    async with db.unit_of_work() as uow:
        await uow.tickets.save(replace(ticket, ticket_number="X-1", created_by=org.admin.id,
                                       title="Renamed"))
        await uow.commit()
    stored = db.ticket(ticket.id)
    assert (stored.ticket_number, stored.created_by, stored.title) == (
        ticket.ticket_number, ticket.created_by, "Renamed")


async def test_two_writers_creating_at_once_get_consecutive_numbers(
    db: FakeDatabase, org: Organisation
) -> None:
    first_has_number = asyncio.Event()

    async def create(wait_for: asyncio.Event | None) -> str:
        async with db.unit_of_work() as uow:
            if wait_for is not None:
                await wait_for.wait()
            draft = TicketDraft("Printer jam", Category.SUPPORT, org.customer.id)
            ticket = await uow.tickets.add(draft, prefix="TKT", now=NOW)
            first_has_number.set()
            await asyncio.sleep(0)  # let the other writer reach the numbering lock
            await uow.commit()
            return ticket.ticket_number

    numbers = await asyncio.gather(create(None), create(first_has_number))
    assert sorted(numbers) == ["TKT-2026-0001", "TKT-2026-0002"]
    assert len(db.committed.tasks) == 2


async def test_a_locked_read_sees_what_another_writer_committed_meanwhile(
    db: FakeDatabase, org: Organisation
) -> None:
    """How a stale card is caught: the locked re-read sees the newer version."""
    ticket = db.seed_ticket(created_by=org.customer)
    async with db.unit_of_work() as slow:
        assert await slow.tickets.get(ticket.id) == ticket
        async with db.unit_of_work() as fast:
            await fast.tickets.save(replace(ticket, title="Changed", updated_at=NOW))
            await fast.commit()
        assert await slow.tickets.get(ticket.id) == ticket  # its snapshot
        locked = await slow.tickets.get(ticket.id, for_update=True)
    assert locked is not None and locked.title == "Changed"
