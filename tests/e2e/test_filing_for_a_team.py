"""Filing a ticket for a team or a person in one message, as a new user would: queued or
assigned as said when the access rule allows it, filed unassigned with the reason when it
does not, and asked about when the name fits no one."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_history, tasks
from tests.e2e.service import Service, presses, texts_in
from tests.e2e.teams_doubles.activities import TeamsUser, senders_today
from tests.integration.builders import insert_team, insert_user


async def person(service: Service, engine: AsyncEngine, name: str, *, role: str = "user"
                 ) -> tuple[str, TeamsUser]:
    email = f"{name.split()[0].lower()}@example.com"
    user_id = await insert_user(engine, role=role, email=email, name=name)
    return user_id, service.person(email, name)


async def stored(engine: AsyncEngine) -> list[dict[str, Any]]:
    async with engine.connect() as connection:
        rows = (await connection.execute(select(tasks).order_by(tasks.c.id))).mappings().all()
    return [dict(row) for row in rows]


async def history(engine: AsyncEngine, ticket_id: int) -> list[tuple[str, str | None]]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(task_history.c.action, task_history.c.new_value)
            .where(task_history.c.task_id == ticket_id).order_by(task_history.c.id))
    return [(action, value) for action, value in rows]


async def finish_the_dialog(service: Service, user: TeamsUser) -> dict[str, Any]:
    """Answers the questions left (description, kind, urgency); the filed card."""
    await service.say("skip", user=user)
    await service.say("Incident", user=user)
    return (await service.say("High", user=user)).card


async def test_an_agent_files_a_ticket_queued_to_their_team_in_one_message(
    service: Service, engine: AsyncEngine
) -> None:
    ada_id, ada = await person(service, engine, "Ada Lovelace")
    network = await insert_team(engine, "Network", ada_id)
    asked = await service.say("log a ticket for the network team: switch in room 4 is down",
                              user=ada)
    assert any("Describe it" in text for text in asked.texts), asked.texts
    card = await finish_the_dialog(service, ada)

    [row] = await stored(engine)
    assert row["title"] == "Switch in room 4 is down"
    assert (row["assignee_type"], row["assignee_team_id"], row["assignee_id"]) == (
        "team", network, None)
    assert "Network" in texts_in(card)
    assert await history(engine, row["id"]) == [
        ("created", row["ticket_number"]), ("assigned", f"team:{network}")]


async def test_an_explicit_ask_after_the_problem_files_it_and_puts_it_where_said(
    service: Service, engine: AsyncEngine
) -> None:
    ada_id, ada = await person(service, engine, "Ada Lovelace")
    network = await insert_team(engine, "Network", ada_id)
    asked = await service.say("printer on floor 3 is jammed again, can you log it and put it "
                              "on the network folks", user=ada)
    assert any("Describe it" in text for text in asked.texts), asked.texts
    await finish_the_dialog(service, ada)
    [row] = await stored(engine)
    assert (row["title"], row["assignee_team_id"]) == ("Printer on floor 3 is jammed again",
                                                       network)


@pytest.mark.parametrize("said", [
    "log a ticket for the network team: printer jammed",
    "printer jammed, please log it and put it on the network team",
])
async def test_a_customer_naming_a_team_has_the_ticket_filed_unassigned_and_is_told_why(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    ada_id, _ = await person(service, engine, "Ada Lovelace")
    await insert_team(engine, "Network", ada_id)
    _, cy = await person(service, engine, "Cy Customer", role="customer")
    asked = await service.say(said, user=cy)
    assert asked.texts[0] == ("I'll file it without giving it to anyone: customers cannot "
                              "assign tickets. The service desk will route it.")
    assert any("Describe it" in text for text in asked.texts)
    await finish_the_dialog(service, cy)
    [row] = await stored(engine)
    assert (row["title"], row["assignee_id"], row["assignee_team_id"]) == (
        "Printer jammed", None, None)


async def test_an_agent_naming_a_team_they_are_not_in_is_told_and_the_ticket_is_unassigned(
    service: Service, engine: AsyncEngine
) -> None:
    ada_id, ada = await person(service, engine, "Ada Lovelace")
    lee_id, _ = await person(service, engine, "Lee Park")
    await insert_team(engine, "Network", ada_id)
    await insert_team(engine, "Facilities", lee_id)
    asked = await service.say("new ticket for facilities: door sticks", user=ada)
    assert asked.texts[0] == (
        "I'll file it without giving it to the Facilities team: you can assign tickets only "
        "to yourself or to a team you belong to. The service desk will route it.")
    await finish_the_dialog(service, ada)
    [row] = await stored(engine)
    assert (row["title"], row["assignee_team_id"], row["assignee_id"]) == (
        "Door sticks", None, None)


async def test_a_team_that_does_not_exist_is_asked_about_and_a_pressed_answer_files_there(
    service: Service, engine: AsyncEngine
) -> None:
    ada_id, ada = await person(service, engine, "Ada Lovelace", role="manager")
    network = await insert_team(engine, "Network", ada_id)
    await insert_team(engine, "Facilities", ada_id)
    asked = await service.say("raise an urgent incident for the finance team: invoices stuck",
                              user=ada)
    assert asked.texts == ["I couldn't find “finance team”. Who should take the new ticket?"]
    buttons = presses(asked)
    assert list(buttons) == ["Facilities team", "Network team", "Leave it unassigned"]
    assert await stored(engine) == []
    pressed = await service.say(buttons["Network team"], user=ada)
    assert any("Describe it" in text for text in pressed.texts), pressed.texts
    await service.say("skip", user=ada)  # kind and urgency were said: not asked again
    [row] = await stored(engine)
    assert (row["title"], row["priority"], row["category"], row["assignee_team_id"]) == (
        "Invoices stuck", "urgent", "incident", network)


async def test_leave_it_unassigned_pressed_files_the_ticket_as_said_with_nobody_taking_it(
    service: Service, engine: AsyncEngine
) -> None:
    """The button's words once read back as the title: 'And assign it to nobody: Invoices
    stuck'."""
    ada_id, ada = await person(service, engine, "Ada Lovelace", role="manager")
    await insert_team(engine, "Network", ada_id)
    asked = await service.say("raise an urgent incident for the finance team: invoices stuck",
                              user=ada)
    pressed = await service.say(presses(asked)["Leave it unassigned"], user=ada)
    assert any("Describe it" in text for text in pressed.texts), pressed.texts
    await service.say("skip", user=ada)
    [row] = await stored(engine)
    assert (row["title"], row["priority"], row["category"], row["assignee_id"],
            row["assignee_team_id"]) == ("Invoices stuck", "urgent", "incident", None, None)


async def test_a_due_date_said_with_the_new_ticket_is_stored(
    service: Service, engine: AsyncEngine
) -> None:
    _, ada = await person(service, engine, "Ada Lovelace")
    today = senders_today()  # the sender's day
    await service.say("open a ticket and assign it to me, due friday: renew the certificate",
                      user=ada)
    await finish_the_dialog(service, ada)
    [row] = await stored(engine)
    due = row["due_date"]
    assert row["title"] == "Renew the certificate" and row["assignee_type"] == "user"
    assert due.weekday() == 4
    assert any(0 <= (due.date() - day).days <= 7 for day in (today, senders_today()))


@pytest.mark.parametrize(("said", "title"), [
    ("report a problem: wifi down in room 4. Could someone open a ticket for it?",
     "Wifi down in room 4"),
    ("Could you log this for me: the projector in B2 is dead", "The projector in B2 is dead"),
    ("my laptop won't turn on. could someone raise a ticket for this please?",
     "My laptop won't turn on"),
])
async def test_an_ask_to_file_in_a_sentence_of_its_own_files_the_problem_told(
    service: Service, engine: AsyncEngine, said: str, title: str
) -> None:
    """These went to the help assistant ("report a problem: … Could someone open a ticket for
    it?") or were free text ("Could you log this for me: …"); the ask is no part of the title."""
    _, ada = await person(service, engine, "Ada Lovelace")
    asked = await service.say(said, user=ada)
    assert any("Describe it" in text for text in asked.texts), asked.texts
    await finish_the_dialog(service, ada)
    [row] = await stored(engine)
    assert row["title"] == title
