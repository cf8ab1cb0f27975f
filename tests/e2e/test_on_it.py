"""Over HTTP: "on it" / "I'm on it" / "looking into it now" after a ticket was shown start
it, and take it when no one has it or a team's queue holds it; with no ticket shown the bot
asks which."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from db.uow import SqlUnitOfWork
from domain.services.tickets import change_ticket
from domain.tickets import Assignee
from tests.actors import as_actor
from tests.e2e.service import Service, file_ticket, person_in_teams, texts_in
from tests.integration.builders import insert_person, insert_team


async def status_and_assignee(engine: AsyncEngine, number: str) -> tuple[str, str | None]:
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks.c.status, tasks.c.assignee_id)
                                        .where(tasks.c.ticket_number == number))).one()
    return row.status, row.assignee_id


async def test_on_it_starts_the_ticket_just_shown_and_takes_it_when_no_one_has_it(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    sam = await insert_person(engine, "Sam", "Agent")
    free = await file_ticket(engine, manager, "Switch in room 4 is down", category="incident")
    sams = await file_ticket(engine, manager, "Wifi dead in meeting room B", category="incident")
    await change_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(manager),
                        ticket=sams.ticket_number, assignee=Assignee.user(sam))

    await service.say(f"show {int(free.ticket_number[-4:])}", user=mia)
    said = service.teams.personal_message("I'm on it! 👍", user=mia)
    turn = await service.send(said)
    assert (f"{free.ticket_number} is now in progress and assigned to you."
            in texts_in(turn.card))
    assert await status_and_assignee(engine, free.ticket_number) == ("in_progress", manager)
    await service.send(said)  # Teams resends it: nothing more happens
    assert await status_and_assignee(engine, free.ticket_number) == ("in_progress", manager)

    await service.say(f"#{int(sams.ticket_number[-4:])}", user=mia)
    turn = await service.say("looking into it now", user=mia)
    assert f"{sams.ticket_number} is now in progress." in texts_in(turn.card)
    assert await status_and_assignee(engine, sams.ticket_number) == ("in_progress", sam)  # still Sam's


async def test_on_it_takes_a_ticket_from_the_team_queue(
    service: Service, engine: AsyncEngine
) -> None:
    # a ticket queued to the agent's team stayed the team's: "on it" only started it (a
    # colleague's ticket stays theirs: the first test)
    manager, _ = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    agent, sam = await person_in_teams(service, engine, "Sam", "Agent")
    desk = await insert_team(engine, "Service Desk", agent)
    queued = await file_ticket(engine, manager, "Printer on floor 3 jams",
                               assignee=Assignee.team(desk))

    await service.say(f"show {int(queued.ticket_number[-4:])}", user=sam)
    turn = await service.say("im on it", user=sam)
    assert (f"{queued.ticket_number} is now in progress and assigned to you."
            in texts_in(turn.card))
    assert await status_and_assignee(engine, queued.ticket_number) == ("in_progress", agent)


async def test_on_it_on_a_ticket_in_progress_that_no_one_has_takes_it(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    ticket = await file_ticket(engine, manager, "Printer jams", status="in_progress")

    await service.say(f"show {int(ticket.ticket_number[-4:])}", user=mia)
    turn = await service.say("on it", user=mia)

    assert (f"{ticket.ticket_number} is now assigned to you (it was already in progress)."
            in texts_in(turn.card))
    assert await status_and_assignee(engine, ticket.ticket_number) == ("in_progress", manager)


async def test_on_it_with_no_ticket_shown_asks_which_and_changes_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    ticket = await file_ticket(engine, manager, "Printer jams")
    _, sam = await person_in_teams(service, engine, "Sam", "Agent")

    turn = await service.say("on it", user=sam)  # Sam has no open ticket: which one?
    assert not turn.cards and len(turn.texts) == 1 and "start 4" in turn.texts[0], turn.texts

    turn = await service.say("on it", user=mia)  # Mia's only open ticket: asked, on a card
    assert (f"Start work on {ticket.ticket_number} (in progress), and take it if no one has "
            "it?") in texts_in(turn.card)
    assert await status_and_assignee(engine, ticket.ticket_number) == ("open", None)
