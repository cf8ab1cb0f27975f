"""The whole service under Teams' resends: a resent or double-tapped submit files one ticket."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.elements import card_actions
from db.tables import tasks
from tests.e2e.service import Service, texts_in, user_in_teams
from tests.integration.builders import insert_user

FORM = {"title": "Printer on floor 3 jams", "category": "support", "priority": "high"}


async def _tickets(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return (await connection.execute(select(func.count()).select_from(tasks))).scalar_one()


def _create_button(card: dict[str, Any]) -> dict[str, Any]:
    found = [action for action in card_actions(card) if action.get("verb") == "ticket.create"
             or (action.get("data") or {}).get("verb") == "ticket.create"]
    assert found, "no Create button on the form"
    return found[0]


async def test_a_double_tapped_create_on_one_form_files_one_ticket(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    form = (await service.say("new ticket form", user=ada)).card
    data = {**(_create_button(form).get("data") or {}), **FORM}

    first = await service.press("ticket.create", data, user=ada)
    second = await service.press("ticket.create", data, user=ada)

    assert "Filed " in texts_in(first)
    assert second == first
    assert await _tickets(engine) == 1
    another_form = (await service.say("new ticket form", user=ada)).card
    assert _create_button(another_form).get("data") != _create_button(form).get("data")


async def test_a_resent_create_invoke_files_one_ticket_and_gets_the_same_card(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    press = service.teams.card_action("ticket.create", FORM, user=ada)

    first = await service.send(press)
    resent = await service.send(press)

    assert (first.answer.status, resent.answer.status) == (200, 200)
    assert resent.answer.text == first.answer.text
    assert await _tickets(engine) == 1


async def test_a_resent_message_extension_submit_files_one_ticket(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    service.teams.user = service.person("ada@example.com", "Ada Lovelace")
    submit = service.teams.submit_action("createTicket", FORM, message_text="Printer jams")

    first = await service.send(submit)
    resent = await service.send(submit)

    assert (first.answer.status, resent.answer.status) == (200, 200)
    assert resent.answer.text == first.answer.text
    assert await _tickets(engine) == 1
