"""A ticket taken off someone named ("take 12 off alex", "unassign 12 from sam") is taken
off them only while they hold it: before, it was unassigned from whoever held it, so "take
12 off alex" while Sam had it left Sam's ticket with nobody. Now the card says it is not
with Alex and nothing changes; taken off its holder, it is unassigned as before."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import notification_outbox, task_history, tasks
from db.uow import SqlUnitOfWork
from domain.clock import utcnow
from domain.services import tickets as ticket_services
from domain.tickets import Assignee
from tests.actors import as_actor
from tests.e2e.service import Service, file_ticket, person_in_teams, texts_in


async def _holder(engine: AsyncEngine, number: str) -> str | None:
    async with engine.connect() as connection:
        return (await connection.execute(
            select(tasks.c.assignee_id).where(tasks.c.ticket_number == number))).scalar_one()


@pytest.mark.parametrize("said", ["take {n} off alex", "unassign {n} from alex kim",
                                  "take alex off {n}", "remove alex from {n}"])
async def test_a_ticket_taken_off_someone_who_does_not_hold_it_stays_as_it_is(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    mia, manager = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    sam, _ = await person_in_teams(service, engine, "Sam", "Rivera")
    await person_in_teams(service, engine, "Alex", "Kim")
    ticket = await file_ticket(engine, mia, assignee=Assignee.user(sam))
    number = str(int(ticket.ticket_number.rsplit("-", 1)[1]))

    answered = await service.say(said.format(n=number), user=manager)

    assert f"{ticket.ticket_number} is not with Alex Kim, so nothing was changed." in texts_in(
        answered.card)
    assert await _holder(engine, ticket.ticket_number) == sam


async def test_a_ticket_taken_off_its_holder_is_unassigned(
    service: Service, engine: AsyncEngine
) -> None:
    mia, manager = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    alex, _ = await person_in_teams(service, engine, "Alex", "Kim")
    ticket = await file_ticket(engine, mia, assignee=Assignee.user(alex))
    number = str(int(ticket.ticket_number.rsplit("-", 1)[1]))

    await service.say(f"take {number} off alex", user=manager)

    assert await _holder(engine, ticket.ticket_number) is None


async def test_several_taken_off_someone_are_unassigned_only_where_they_hold_them(
    service: Service, engine: AsyncEngine
) -> None:
    mia, manager = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    alex, _ = await person_in_teams(service, engine, "Alex", "Kim")
    sam, _ = await person_in_teams(service, engine, "Sam", "Rivera")
    held = await file_ticket(engine, mia, assignee=Assignee.user(alex))
    other = await file_ticket(engine, mia, assignee=Assignee.user(sam))
    numbers = [str(int(t.ticket_number.rsplit("-", 1)[1])) for t in (held, other)]

    answered = await service.say(f"take {numbers[0]} and {numbers[1]} off alex", user=manager)

    assert await _holder(engine, held.ticket_number) is None
    assert await _holder(engine, other.ticket_number) == sam
    assert any(f"{other.ticket_number}: Not with Alex Kim" in text for text in answered.texts), (
        answered.texts)


async def _history_and_outbox(engine: AsyncEngine) -> tuple[int, int]:
    async with engine.connect() as connection:
        return tuple([(await connection.execute(select(func.count()).select_from(table)))
                      .scalar_one() for table in (task_history, notification_outbox)])  # type: ignore[return-value]


def _reassigned_first(
    monkeypatch: pytest.MonkeyPatch, engine: AsyncEngine, ticket_ids: list[int], to: str
) -> None:
    """Someone (the web app, another person's card) gives the tickets to `to` after the bot
    understood the message and before the change is made: what the bot read is stale."""
    real = ticket_services.change_ticket
    moved: list[bool] = []

    async def someone_reassigns_first(**changes: Any) -> Any:
        if not moved:
            moved.append(True)
            async with engine.begin() as connection:
                await connection.execute(update(tasks).where(tasks.c.id.in_(ticket_ids)).values(
                    assignee_type="user", assignee_id=to, assignee_team_id=None,
                    updated_at=utcnow()))
        return await real(**changes)

    monkeypatch.setattr(ticket_services, "change_ticket", someone_reassigns_first)


@pytest.mark.parametrize("said", ["take {n} off alex", "unassign {n} from Alex Kim",
                                  "remove alex from {n} pls", "take alex off #{n}"])
async def test_a_ticket_reassigned_while_it_is_taken_off_someone_stays_with_its_new_holder(
    service: Service, engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch, said: str
) -> None:
    """The check that Alex holds it is made with the change, under its lock: before, the bot
    read the ticket (Alex's), Sam was given it, and the bot then took it off Sam."""
    mia, manager = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    sam, _ = await person_in_teams(service, engine, "Sam", "Rivera")
    alex, _ = await person_in_teams(service, engine, "Alex", "Kim")
    ticket = await file_ticket(engine, mia, assignee=Assignee.user(alex))
    number = str(int(ticket.ticket_number.rsplit("-", 1)[1]))
    _reassigned_first(monkeypatch, engine, [ticket.id], sam)
    before = await _history_and_outbox(engine)

    answered = await service.say(said.format(n=number), user=manager)

    assert f"{ticket.ticket_number} is not with Alex Kim, so nothing was changed." in texts_in(
        answered.card)
    assert await _holder(engine, ticket.ticket_number) == sam
    assert await _history_and_outbox(engine) == before


async def test_several_reassigned_while_they_are_taken_off_someone_stay_with_their_new_holder(
    service: Service, engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    mia, manager = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    sam, _ = await person_in_teams(service, engine, "Sam", "Rivera")
    alex, _ = await person_in_teams(service, engine, "Alex", "Kim")
    tickets = [await file_ticket(engine, mia, assignee=Assignee.user(alex)) for _ in range(2)]
    numbers = [str(int(t.ticket_number.rsplit("-", 1)[1])) for t in tickets]
    _reassigned_first(monkeypatch, engine, [t.id for t in tickets], sam)

    answered = await service.say(f"take {numbers[0]} and {numbers[1]} off alex", user=manager)

    assert [await _holder(engine, t.ticket_number) for t in tickets] == [sam, sam]
    for ticket in tickets:
        assert any(f"{ticket.ticket_number}: Not with Alex Kim" in text
                   for text in answered.texts), answered.texts


@pytest.mark.parametrize("expected", ["alex", "nobody", "team"])
async def test_the_use_case_refuses_a_change_expecting_a_holder_the_ticket_no_longer_has(
    service: Service, engine: AsyncEngine, expected: str
) -> None:
    """Called with a stale expected holder (what a caller read before someone else's change):
    a typed refusal, and nothing written, notified or remembered."""
    mia, _ = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    sam, _ = await person_in_teams(service, engine, "Sam", "Rivera")
    alex, _ = await person_in_teams(service, engine, "Alex", "Kim")
    ticket = await file_ticket(engine, mia, assignee=Assignee.user(sam))
    held_by = {"alex": Assignee.user(alex), "nobody": None, "team": Assignee.team(1)}[expected]
    before = await _history_and_outbox(engine)

    change = await ticket_services.change_ticket(
        uow=SqlUnitOfWork(engine), actor=as_actor(mia), ticket=ticket.id, assignee=None,
        held_by=held_by)

    assert change.held_elsewhere and change.unchanged
    assert change.ticket.assignee == Assignee.user(sam)
    assert await _holder(engine, ticket.ticket_number) == sam
    assert await _history_and_outbox(engine) == before


async def test_the_use_case_makes_the_change_when_the_expected_holder_still_holds_it(
    service: Service, engine: AsyncEngine
) -> None:
    mia, _ = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    alex, _ = await person_in_teams(service, engine, "Alex", "Kim")
    ticket = await file_ticket(engine, mia, assignee=Assignee.user(alex))

    change = await ticket_services.change_ticket(
        uow=SqlUnitOfWork(engine), actor=as_actor(mia), ticket=ticket.id, assignee=None,
        held_by=Assignee.user(alex))

    assert not change.held_elsewhere and not change.unchanged
    assert await _holder(engine, ticket.ticket_number) is None
