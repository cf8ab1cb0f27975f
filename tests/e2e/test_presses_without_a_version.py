"""A button's press checked against the card it was pressed on, over real HTTP against the
database. Our cards always carry the ticket's `version`; a press without one (a forged or
very old card) changed the ticket with no check at all. Now it changes nothing and answers
with the ticket as it is, asking to look and press again. And a person's own second tap,
on the card their first tap changed, was told the ticket "changed since you last saw it";
it is now answered as the first tap was — unless someone else changed the ticket since."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_comments, task_history, tasks
from tests.e2e.service import Service, data, file_ticket, texts_in
from tests.integration.builders import insert_user

CHANGED_SINCE = "changed since you last saw it"
PRESS_AGAIN = "press again"

CHANGES = [
    ("ticket.status", {"status": "resolved"}, "is now resolved"),
    ("ticket.assign", {"assignee": "me"}, "Assigned to"),
    ("ticket.edit", {"title": "Laptop boots to a black screen", "description": "Since Monday"},
     "Saved."),
]


async def _state(engine: AsyncEngine, ticket_id: int) -> tuple[dict[str, Any], dict[str, int]]:
    async with engine.connect() as connection:
        row = dict((await connection.execute(
            select(tasks).where(tasks.c.id == ticket_id))).mappings().one())
        counts = {table.name: (await connection.execute(
            select(func.count()).select_from(table))).scalar_one()
            for table in (tasks, task_comments, task_history)}
    return row, counts


def _card_text(answer: Any) -> str:
    assert answer.status == 200, answer.text
    assert answer.json["type"] == "application/vnd.microsoft.card.adaptive", answer.text
    return texts_in(answer.json["value"])


async def _setup(service: Service, engine: AsyncEngine) -> tuple[Any, Any, dict[str, Any]]:
    ada_id = await insert_user(engine, role="admin", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    ticket = await file_ticket(engine, ada_id)
    card = (await service.say(ticket.ticket_number, user=ada)).card
    return ticket, ada, card


@pytest.mark.parametrize(("verb", "extra", "done"), CHANGES)
@pytest.mark.parametrize("version", ["null", "missing", "", "  ", 0, "garbage", 20260101])
@pytest.mark.parametrize("how", ["Action.Execute", "Action.Submit"])
async def test_a_press_without_a_valid_version_changes_nothing_and_shows_the_ticket(
    service: Service, engine: AsyncEngine, verb: str, extra: dict[str, Any], done: str,
    version: Any, how: str,
) -> None:
    ticket, ada, card = await _setup(service, engine)
    value = {**data(card, verb), **extra}
    if version == "missing":
        del value["version"]
    else:
        value["version"] = None if version == "null" else version
    before = await _state(engine, ticket.id)

    if how == "Action.Execute":
        said = _card_text(await service.post(service.teams.card_action(verb, value, user=ada)))
        assert done not in said, said
        assert ticket.ticket_number in said, said
        assert PRESS_AGAIN in said or CHANGED_SINCE in said, said
    else:
        answer = await service.post(service.teams.card_submit({"verb": verb, **value}, user=ada))
        assert answer.status == 200, answer.text

    assert await _state(engine, ticket.id) == before


@pytest.mark.parametrize(("verb", "extra", "done"), CHANGES)
async def test_the_same_press_with_its_version_still_changes_the_ticket(
    service: Service, engine: AsyncEngine, verb: str, extra: dict[str, Any], done: str,
) -> None:
    ticket, ada, card = await _setup(service, engine)
    before = await _state(engine, ticket.id)

    said = _card_text(await service.post(service.teams.card_action(
        verb, {**data(card, verb), **extra}, user=ada)))

    assert done in said, said
    assert await _state(engine, ticket.id) != before


async def test_a_press_on_the_edit_button_without_a_version_still_opens_the_form(
    service: Service, engine: AsyncEngine,
) -> None:
    """No field inputs: it changes nothing, it only shows the form."""
    ticket, ada, card = await _setup(service, engine)
    value = {key: v for key, v in data(card, "ticket.edit").items() if key != "version"}

    answer = await service.post(service.teams.card_action("ticket.edit", value, user=ada))

    assert answer.status == 200, answer.text
    assert "Input.Text" in answer.text


@pytest.mark.parametrize(("verb", "extra", "done"), CHANGES)
@pytest.mark.parametrize("at_once", [False, True])
async def test_a_second_tap_on_ones_own_changed_card_is_answered_as_the_first(
    service: Service, engine: AsyncEngine, verb: str, extra: dict[str, Any], done: str,
    at_once: bool,
) -> None:
    ticket, ada, card = await _setup(service, engine)
    value = {**data(card, verb), **extra}
    before = await _state(engine, ticket.id)

    def tap() -> dict[str, Any]:
        return service.teams.card_action(verb, dict(value), user=ada)  # a new activity id

    if at_once:
        answers = await asyncio.gather(service.post(tap()), service.post(tap()))
    else:
        answers = [await service.post(tap()), await service.post(tap())]

    said = [_card_text(answer) for answer in answers]
    assert all(done in card for card in said), said
    assert not any(CHANGED_SINCE in card for card in said), said
    after = await _state(engine, ticket.id)
    written = {name: after[1][name] - before[1][name] for name in after[1]}
    assert written == {"tasks": 0, "task_comments": 0,
                       "task_history": 2 if verb == "ticket.edit" else 1}


@pytest.mark.parametrize(("verb", "extra", "done"), CHANGES)
async def test_a_tap_after_someone_else_made_the_same_change_is_told_it_changed(
    service: Service, engine: AsyncEngine, verb: str, extra: dict[str, Any], done: str,
) -> None:
    """Bob's card asks what Ada's press already made: the ticket is as Bob asks, but Bob did
    not make it so, and his card was drawn before: he is told, and nothing is written."""
    ticket, ada, _ = await _setup(service, engine)
    await insert_user(engine, role="admin", email="bob@example.com")
    bob = service.person("bob@example.com", "Bob Byte")
    adas = (await service.say(ticket.ticket_number, user=ada)).card
    bobs = (await service.say(ticket.ticket_number, user=bob)).card
    mine = {"assignee": "me"} if verb == "ticket.assign" else {}
    ada_extra = {**extra, **({"assignee": await _id(engine, "bob@example.com")}
                             if verb == "ticket.assign" else {})}
    first = _card_text(await service.post(service.teams.card_action(
        verb, {**data(adas, verb), **ada_extra}, user=ada)))
    assert CHANGED_SINCE not in first, first
    changed = await _state(engine, ticket.id)

    said = _card_text(await service.post(service.teams.card_action(
        verb, {**data(bobs, verb), **extra, **mine}, user=bob)))

    assert CHANGED_SINCE in said, said
    assert await _state(engine, ticket.id) == changed


async def _id(engine: AsyncEngine, email: str) -> str:
    async with engine.connect() as connection:
        return str((await connection.execute(
            text("SELECT id FROM users WHERE email = :email"), {"email": email})).scalar_one())


@pytest.mark.parametrize(("verb", "extra", "done"), CHANGES)
async def test_a_second_tap_after_a_change_outside_the_bot_is_told_it_changed(
    service: Service, engine: AsyncEngine, verb: str, extra: dict[str, Any], done: str,
) -> None:
    """Ada's first tap changed the ticket, then the web app changed it again: her second
    tap is on a card two changes old."""
    ticket, ada, card = await _setup(service, engine)
    value = {**data(card, verb), **extra}
    assert done in _card_text(await service.post(service.teams.card_action(verb, value, user=ada)))
    bump = ("datetime(updated_at, '+1 second')" if engine.dialect.name == "sqlite"
            else "updated_at + interval '1 second'")
    async with engine.begin() as connection:
        await connection.execute(text(f"UPDATE tasks SET priority = 'urgent', updated_at = {bump} "
                                      "WHERE id = :id"), {"id": ticket.id})
    changed = await _state(engine, ticket.id)

    said = _card_text(await service.post(service.teams.card_action(verb, dict(value), user=ada)))

    assert CHANGED_SINCE in said, said
    assert await _state(engine, ticket.id) == changed
