"""Over HTTP: "hand 7 back to the queue", "return 7 to the queue", "put 7 back in the queue"
make one change: open again, held by no one person (a team that holds it keeps it). Before,
"return 7 to the queue" searched the list for "return 7", "send 7 back to the queue" asked
which team, and "put 7 back in the queue" reopened a ticket the agent kept holding."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_comments, tasks
from tests.e2e.service import Service, data, person_in_teams, texts_in
from tests.integration.builders import insert_team, insert_ticket, this_years

NUMBER = this_years(7)


async def held(engine: AsyncEngine, ticket: int) -> tuple[str, str | None, str | None, int | None]:
    async with engine.connect() as connection:
        row = (await connection.execute(
            select(tasks.c.status, tasks.c.assignee_type, tasks.c.assignee_id,
                   tasks.c.assignee_team_id).where(tasks.c.id == ticket))).one()
    team = row.assignee_team_id if row.assignee_type == "team" else None
    person = row.assignee_id if row.assignee_type == "user" else None
    return row.status, row.assignee_type if (person or team) else None, person, team


@pytest.mark.parametrize("said", [
    "hand 7 back to the queue", "return 7 to the queue", "send 7 back to the queue",
    "put 7 back in the queue pls", "7 back to queue", "requeue 7",
])
async def test_an_agent_hands_their_ticket_back_to_the_queue(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    sam_id, sam = await person_in_teams(service, engine, "Sam", "Agent", role="manager")
    ticket = await insert_ticket(engine, created_by=sam_id, assignee_id=sam_id, number=NUMBER,
                                 status="in_progress")

    turn = await service.say(said, user=sam)

    assert f"{NUMBER} is back in the queue: open, and nobody has it." in texts_in(turn.card)
    assert await held(engine, ticket) == ("open", None, None, None)


async def test_a_reason_said_with_it_is_its_comment(
    service: Service, engine: AsyncEngine
) -> None:
    sam_id, sam = await person_in_teams(service, engine, "Sam", "Agent", role="manager")
    ticket = await insert_ticket(engine, created_by=sam_id, assignee_id=sam_id, number=NUMBER,
                                 status="on_hold")

    turn = await service.say("hand 7 back to the queue - I'm swamped with the migration",
                             user=sam)

    assert (f"{NUMBER} is back in the queue: open, and nobody has it. Your comment was added."
            in texts_in(turn.card))
    assert await held(engine, ticket) == ("open", None, None, None)
    async with engine.connect() as connection:
        said = (await connection.execute(select(task_comments.c.content).where(
            task_comments.c.task_id == ticket))).scalars().all()
    assert said == ["I'm swamped with the migration"]


async def test_a_team_that_holds_it_keeps_it_and_nothing_to_change_is_said_so(
    service: Service, engine: AsyncEngine
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    network = await insert_team(engine, "Network", mia_id)
    ticket = await insert_ticket(engine, created_by=mia_id, assignee_type="team",
                                 assignee_team_id=network, number=NUMBER, status="on_hold")

    turn = await service.say("put 7 back in the queue", user=mia)
    assert (f"{NUMBER} is back in its team's queue: open, and no one person has it."
            in texts_in(turn.card))
    assert await held(engine, ticket) == ("open", "team", None, network)

    again = await service.say("return 7 to the queue", user=mia)
    assert (f"{NUMBER} is already in its team's queue: open, and no one person has it."
            in texts_in(again.card))
    assert await held(engine, ticket) == ("open", "team", None, network)


async def test_an_agent_cannot_take_a_colleagues_ticket_off_them_and_a_refusal_changes_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    lee_id, lee = await person_in_teams(service, engine, "Lee", "Agent")
    sam_id, _ = await person_in_teams(service, engine, "Sam", "Agent")
    await insert_team(engine, "Network", lee_id, sam_id)
    ticket = await insert_ticket(engine, created_by=lee_id, assignee_id=sam_id, number=NUMBER,
                                 status="in_progress")

    turn = await service.say("put 7 back in the queue", user=lee)
    assert turn.texts == ["Sorry, you can't do that: you can only unassign yourself."]
    assert await held(engine, ticket) == ("in_progress", "user", sam_id, None)

    await service.say("don't put 7 back in the queue", user=lee)
    assert await held(engine, ticket) == ("in_progress", "user", sam_id, None)


async def test_several_tickets_go_back_each_on_its_own(
    service: Service, engine: AsyncEngine
) -> None:
    sam_id, sam = await person_in_teams(service, engine, "Sam", "Agent", role="manager")
    mine = await insert_ticket(engine, created_by=sam_id, assignee_id=sam_id, number=NUMBER,
                               status="in_progress")
    queued = await insert_ticket(engine, created_by=sam_id, assignee_type=None,
                                 number=this_years(8))

    turn = await service.say("put 7 and 8 back in the queue", user=sam)

    assert turn.texts == [f"{NUMBER} is back in the queue: open.\n\nNot changed:\n"
                          f"- {this_years(8)}: {this_years(8)} is already in the queue"]
    assert await held(engine, mine) == ("open", None, None, None)
    assert await held(engine, queued) == ("open", None, None, None)


async def test_with_no_ticket_named_or_in_view_it_asks_which(
    service: Service, engine: AsyncEngine
) -> None:
    """Their only open ticket is offered, on a card to confirm, as "on it" does; with none,
    which one is asked."""
    sam_id, sam = await person_in_teams(service, engine, "Sam", "Agent", role="manager")
    _, lee = await person_in_teams(service, engine, "Lee", "Agent", role="manager")
    ticket = await insert_ticket(engine, created_by=sam_id, assignee_id=sam_id, number=NUMBER,
                                 status="in_progress")

    turn = await service.say("hand the ticket back to the queue", user=sam)
    assert (f"Put {NUMBER} back in the queue (open, and no one person holding it)?"
            in texts_in(turn.card))
    assert await held(engine, ticket) == ("in_progress", "user", sam_id, None)
    confirmed = await service.press("request.confirm", data(turn.card, "request.confirm"),
                                    user=sam)
    assert f"{NUMBER} is back in the queue: open, and nobody has it." in texts_in(confirmed)
    assert await held(engine, ticket) == ("open", None, None, None)

    none = await service.say("hand the ticket back to the queue", user=lee)
    assert none.texts == ["Which ticket? Say its number, for example `put 4 back in the queue`."]
