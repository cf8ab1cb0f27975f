"""Over HTTP: "4 is fixed, it was a loose cable" resolves 4 and adds the reason as a
comment in the same change, says both in one reply, and a resend adds nothing twice."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_comments, tasks
from tests.e2e.service import Service, file_ticket, person_in_teams, texts_in


async def _state(engine: AsyncEngine, number: str) -> tuple[str, list[str]]:
    async with engine.connect() as connection:
        row = (await connection.execute(
            select(tasks.c.id, tasks.c.status).where(tasks.c.ticket_number == number))).one()
        comments = (await connection.execute(
            select(task_comments.c.content).where(task_comments.c.task_id == row.id)
            .order_by(task_comments.c.id))).scalars().all()
    return row.status, list(comments)


async def test_a_reason_said_with_a_status_change_is_added_as_a_comment_once(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    switch = await file_ticket(engine, manager, "Switch in room 4 is down", category="incident")
    vendor = await file_ticket(engine, manager, "Badge reader blinks red")
    first = int(switch.ticket_number[-4:])

    message = service.teams.personal_message(f"{first} is fixed, it was a loose cable", user=mia)
    turn = await service.send(message)

    assert len(turn.sent) == 1
    assert (f"{switch.ticket_number} is now resolved. Your comment was added."
            in texts_in(turn.card))
    assert "it was a loose cable" in texts_in(turn.card)
    assert await _state(engine, switch.ticket_number) == ("resolved", ["it was a loose cable"])

    await service.send(message)  # Teams resends the same activity
    assert await _state(engine, switch.ticket_number) == ("resolved", ["it was a loose cable"])

    turn = await service.say(
        f"{int(vendor.ticket_number[-4:])} is on hold because we're waiting for the vendor 🙄",
        user=mia)
    assert f"{vendor.ticket_number} is now on hold. Your comment was added." in texts_in(turn.card)
    assert await _state(engine, vendor.ticket_number) == (
        "on_hold", ["we're waiting for the vendor 🙄"])


async def test_a_reason_with_a_change_the_person_may_not_make_is_not_added_either(
    service: Service, engine: AsyncEngine
) -> None:
    customer, cat = await person_in_teams(service, engine, "Cat", "Customer", role="customer")
    ticket = await file_ticket(engine, customer, "Payroll export fails", category="incident")

    turn = await service.say(f"start {int(ticket.ticket_number[-4:])} - I'll look myself",
                             user=cat)
    assert "Only the service desk sets the status." in texts_in(turn.card)  # a comment offered

    assert await _state(engine, ticket.ticket_number) == ("open", [])


async def test_one_reason_for_several_tickets_is_added_to_each(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    numbers = [(await file_ticket(engine, manager, f"Printer {n} offline")).ticket_number
               for n in (1, 2)]

    turn = await service.say(
        f"close {int(numbers[0][-4:])} and {int(numbers[1][-4:])} - duplicates of 3", user=mia)

    assert turn.texts == [f"{numbers[0]} and {numbers[1]} are now closed. "
                          "Your comment was added to each."]
    for number in numbers:
        assert await _state(engine, number) == ("closed", ["duplicates of 3"])


@pytest.mark.parametrize(("said", "status", "reason"), [
    ("resolve {n}, no further issues", "resolved", "no further issues"),
    ("closing {n} user confirmed fixed", "closed", "user confirmed fixed"),
    ("close {n}: confirmed fixed by user", "closed", "confirmed fixed by user"),
])
async def test_a_reason_that_starts_with_no_or_comes_unpunctuated_is_the_comment(
    service: Service, engine: AsyncEngine, said: str, status: str, reason: str
) -> None:
    """Before: 'resolve 4, no further issues' searched the list for its words, and the other
    two were not understood."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    ticket = await file_ticket(engine, manager, "Switch in room 4 is down", status="in_progress")

    turn = await service.say(said.format(n=int(ticket.ticket_number[-4:])), user=mia)

    assert (f"{ticket.ticket_number} is now {status}. Your comment was added."
            in texts_in(turn.card))
    assert await _state(engine, ticket.ticket_number) == (status, [reason])


async def test_how_a_ticket_ended_and_a_comment_asked_for_are_added_with_the_change(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    dupe, quiet, cable = [
        (await file_ticket(engine, manager, title)).ticket_number
        for title in ("Printer offline again", "Shared drive slow", "Monitor flickers")]

    await service.say(f"close {int(dupe[-4:])} as a duplicate of 3", user=mia)
    await service.say(f"closing {int(quiet[-4:])} since the user never replied", user=mia)
    turn = await service.say(
        f"resolve {int(cable[-4:])} and tell the user it was the cable", user=mia)

    assert f"{cable} is now resolved. Your comment was added." in texts_in(turn.card)
    assert await _state(engine, dupe) == ("closed", ["duplicate of 3"])
    assert await _state(engine, quiet) == ("closed", ["the user never replied"])
    assert await _state(engine, cable) == ("resolved", ["it was the cable"])

    unchanged = (await file_ticket(engine, manager, "Laptop fan loud")).ticket_number
    await service.say(f"close {int(unchanged[-4:])}, they don't want it closed", user=mia)
    assert await _state(engine, unchanged) == ("open", [])


async def test_how_long_a_ticket_waits_is_added_with_its_hold(
    service: Service, engine: AsyncEngine
) -> None:
    """"put 12 on hold until the part arrives" held 12 and dropped the rest: whoever read
    the ticket later saw it on hold, not what it waits for."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    laptop = await file_ticket(engine, manager, "Laptop does not power on")
    await service.say(f"show {laptop.ticket_number}", user=mia)

    turn = await service.say("set it to on hold until the part arrives", user=mia)

    assert f"{laptop.ticket_number} is now on hold. Your comment was added." in texts_in(turn.card)
    assert await _state(engine, laptop.ticket_number) == ("on_hold", ["until the part arrives"])
