"""An assignment that takes the ticket out of the assigner's sight is done, and said so."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, texts_in, version_of
from tests.integration.builders import insert_team, insert_ticket, insert_user

NUMBER = "TKT-2026-0042"


async def _assignee(engine: AsyncEngine) -> tuple[object, object, object]:
    async with engine.connect() as connection:
        row = (await connection.execute(select(
            tasks.c.assignee_type, tasks.c.assignee_id, tasks.c.assignee_team_id))).one()
    return tuple(row)


async def test_an_agent_who_unassigns_themselves_is_told_it_is_done_not_that_it_is_missing(
    service: Service, engine: AsyncEngine
) -> None:
    """The change was made, then the card after it was drawn for someone who could no
    longer see the ticket: "I can't find ticket 1" (its database id) in chat, and "nothing
    was changed" on the card's button."""
    customer = await insert_user(engine, role="customer")
    sam_id = await insert_user(engine, role="user", email="sam@example.com", name="Sam Rivera")
    await insert_team(engine, "Network", sam_id)
    ticket = await insert_ticket(engine, created_by=customer, assignee_type="user",
                                 assignee_id=sam_id, number=NUMBER)
    sam = service.person("sam@example.com", "Sam Rivera")

    said = await service.say(f"unassign {NUMBER}", user=sam)

    assert said.texts == [f"Unassigned {NUMBER}. It is no longer yours or your team's, so you "
                          "can't see it any more."]
    assert await _assignee(engine) == ("user", None, None)

    async with engine.begin() as connection:
        await connection.execute(tasks.update().values(assignee_id=sam_id))
    pressed = await service.send(service.teams.card_action(
        "ticket.assign", {"ticket_id": ticket, "version": await version_of(engine, ticket),
                          "assignee": ""}, user=sam))
    assert pressed.answer.status == 200
    assert texts_in(pressed.card) == (f"Unassigned {NUMBER}. It is no longer yours or your "
                                      "team's, so you can't see it any more.")
    assert await _assignee(engine) == ("user", None, None)
    shown = await service.say("show it", user=sam)
    assert NUMBER not in " ".join(shown.texts)  # "it" did not move to a ticket out of sight


async def test_a_manager_who_gives_a_ticket_to_another_team_is_told_it_left_their_sight(
    service: Service, engine: AsyncEngine
) -> None:
    customer = await insert_user(engine, role="customer")
    mona_id = await insert_user(engine, role="manager", email="mona@example.com",
                                name="Mona Manager")
    desk = await insert_team(engine, "Desk", mona_id)
    facilities = await insert_team(engine, "Facilities")
    await insert_ticket(engine, created_by=customer, assignee_type="team",
                        assignee_team_id=desk, number=NUMBER)
    mona = service.person("mona@example.com", "Mona Manager")

    said = await service.say(f"assign {NUMBER} to the facilities team", user=mona)

    assert said.texts == [f"Reassigned {NUMBER}. It is no longer yours or your team's, so you "
                          "can't see it any more."]
    assert await _assignee(engine) == ("team", None, facilities)
