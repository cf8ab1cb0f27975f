"""Over HTTP: an agent tells the bot a ticket waits on its requester ("waiting on the user for
12") and it goes on hold; when they come back ("user replied, back to work on 12") it is in
progress again. Before, both went to the help assistant and the ticket stayed as it was. A
question about it changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, person_in_teams, texts_in
from tests.integration.builders import insert_ticket, this_years

NUMBER = this_years(12)


async def status_of(engine: AsyncEngine, ticket: int) -> str:
    async with engine.connect() as connection:
        return str((await connection.execute(
            select(tasks.c.status).where(tasks.c.id == ticket))).scalar_one())


@pytest.mark.parametrize(("waiting", "back"), [
    ("waiting on the user for 12", "user replied, back to work on 12"),
    ("pending customer on 12", "customer got back to me on 12, picking it up again"),
    ("12 awaiting customer feedback", "resume 12"),
])
async def test_waiting_on_the_requester_holds_it_and_their_reply_starts_it_again(
    service: Service, engine: AsyncEngine, waiting: str, back: str
) -> None:
    sam_id, sam = await person_in_teams(service, engine, "Sam", "Agent", role="manager")
    ticket = await insert_ticket(engine, created_by=sam_id, assignee_id=sam_id, number=NUMBER,
                                 status="in_progress")

    asked = await service.say("is 12 waiting on the user?", user=sam)
    assert f"No, {NUMBER} is in progress with you." in texts_in(asked.card)
    assert await status_of(engine, ticket) == "in_progress"

    held = await service.say(waiting, user=sam)
    assert f"{NUMBER} is now on hold." in texts_in(held.card)
    assert await status_of(engine, ticket) == "on_hold"

    resumed = await service.say(back, user=sam)
    assert f"{NUMBER} is now in progress." in texts_in(resumed.card)
    assert await status_of(engine, ticket) == "in_progress"
