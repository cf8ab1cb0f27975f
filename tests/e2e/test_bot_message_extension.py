"""The "Create ticket" message action: a prefilled form, then the ticket card in the chat."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, texts_in
from tests.integration.builders import insert_user


async def test_create_ticket_from_a_message_prefills_files_and_posts_the_card(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    service.teams.user = service.person("ada@example.com", "Ada Lovelace")
    message = "Wifi in the Berlin office is down<br>Since 9am, all floors."

    fetched = await service.send(service.teams.fetch_task("createTicket", message_text=message))
    task = fetched.answer.json["task"]
    assert task["type"] == "continue"
    form = task["value"]["card"]["content"]
    inputs = {e["id"]: e.get("value") for e in form["body"] if "id" in e and "value" in e}
    assert inputs["title"] == "Wifi in the Berlin office is down"
    assert "Since 9am, all floors." in inputs["description"]
    assert "From a Teams message by Ada Lovelace" in inputs["description"]

    bad = await service.send(service.teams.submit_action(
        "createTicket", {"verb": "ticket.create", "title": "", "category": "incident"}))
    assert bad.answer.json["task"]["type"] == "continue"
    assert "a title is required" in texts_in(bad.answer.json["task"]["value"]["card"]["content"])

    submitted = await service.send(service.teams.submit_action(
        "createTicket", {"verb": "ticket.create", **inputs, "category": "incident",
                         "priority": "urgent"}))
    assert submitted.answer.status == 200 and submitted.answer.json in ({}, None)
    assert "Filed TKT-" in texts_in(submitted.card)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["title"], row["priority"]) == ("Wifi in the Berlin office is down", "urgent")
