"""A ticket taken off someone named ("take 12 off alex", "unassign 12 from sam") is taken
off them only while they hold it: before, it was unassigned from whoever held it, so "take
12 off alex" while Sam had it left Sam's ticket with nobody. Now the card says it is not
with Alex and nothing changes; taken off its holder, it is unassigned as before."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from domain.tickets import Assignee
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
