"""Asking for what a ticket already has (its holder, its priority, its due day) changes
nothing, notifies no one, and says so."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import notification_outbox, task_history, tasks
from tests.e2e.service import Service, texts_in, version_of
from tests.integration.builders import insert_team, insert_ticket, insert_user, this_years

NUMBER = this_years(42)  # a bare 42 is this year's


async def _written(engine: AsyncEngine) -> tuple[int, int, object]:
    """History rows, outbox rows, and the ticket's updated_at."""
    async with engine.connect() as connection:
        history = (await connection.execute(
            select(func.count()).select_from(task_history))).scalar_one()
        outbox = (await connection.execute(
            select(func.count()).select_from(notification_outbox))).scalar_one()
        updated = (await connection.execute(select(tasks.c.updated_at))).scalar_one()
    return history, outbox, updated


async def test_sending_a_ticket_to_the_team_it_is_already_with_says_so_and_changes_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    customer = await insert_user(engine, role="customer")
    mona_id = await insert_user(engine, role="manager", email="mona@example.com",
                                name="Mona Manager")
    sam_id = await insert_user(engine, role="user", email="sam@example.com", name="Sam Rivera")
    desk = await insert_team(engine, "Service Desk", mona_id, sam_id)
    ticket = await insert_ticket(engine, created_by=customer, assignee_type="team",
                                 assignee_team_id=desk, number=NUMBER)
    mona = service.person("mona@example.com", "Mona Manager")
    before = await _written(engine)

    said = await service.say("send 42 to the service desk team", user=mona)

    assert f"{NUMBER} is already with Team Service Desk." in texts_in(said.card), said.texts
    assert "Assigned to" not in texts_in(said.card)
    assert await _written(engine) == before

    pressed = await service.send(service.teams.card_action(
        "ticket.assign", {"ticket_id": ticket, "version": await version_of(engine, ticket),
                            "assignee": f"team:{desk}"}, user=mona))
    assert pressed.answer.status == 200
    assert f"{NUMBER} is already with Team Service Desk." in texts_in(pressed.card)
    assert await _written(engine) == before


async def test_assigning_a_person_who_has_it_or_unassigning_nobody_changes_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    customer = await insert_user(engine, role="customer")
    mona_id = await insert_user(engine, role="manager", email="mona@example.com",
                                name="Mona Manager")
    sam_id = await insert_user(engine, role="user", email="sam@example.com", name="Sam Rivera")
    await insert_team(engine, "Service Desk", mona_id, sam_id)
    await insert_ticket(engine, created_by=customer, assignee_type="user", assignee_id=sam_id,
                        number=NUMBER)
    mona = service.person("mona@example.com", "Mona Manager")
    before = await _written(engine)

    said = await service.say("assign 42 to sam", user=mona)

    assert f"{NUMBER} is already assigned to Sam Rivera." in texts_in(said.card), said.texts
    assert await _written(engine) == before

    await insert_user(engine, role="admin", email="rita@example.com", name="Rita Admin")
    rita = service.person("rita@example.com", "Rita Admin")
    assert "Unassigned." in texts_in((await service.say("unassign 42", user=rita)).card)
    after_unassigning = await _written(engine)
    again = await service.say("unassign 42", user=rita)
    assert f"{NUMBER} isn't assigned to anyone." in texts_in(again.card), again.texts
    assert await _written(engine) == after_unassigning


async def test_an_edit_in_words_the_ticket_already_has_changes_nothing_and_says_so(
    service: Service, engine: AsyncEngine
) -> None:
    """'make 42 high' on a High ticket said "Saved: priority." though nothing was saved."""
    customer = await insert_user(engine, role="customer")
    await insert_user(engine, role="admin", email="rita@example.com", name="Rita Admin")
    await insert_ticket(engine, created_by=customer, number=NUMBER)
    rita = service.person("rita@example.com", "Rita Admin")
    assert "Saved: priority." in texts_in((await service.say("make 42 high", user=rita)).card)
    before = await _written(engine)

    for said in ("make 42 high", "set the priority of 42 to high pls"):
        again = await service.say(said, user=rita)
        assert f"{NUMBER} already has that priority; nothing changed." in texts_in(again.card)
        assert "Saved" not in texts_in(again.card)
    assert await _written(engine) == before
