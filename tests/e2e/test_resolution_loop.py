"""Closing the loop: the requester of a resolved ticket answers "It's fixed" or "Still broken".

Over HTTP with the stand-in connector: the resolution (by the bot or by the web app,
through change capture) brings the requester a personal card; only they may answer,
once, and a card overtaken by events says so and shows the ticket as it is.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_comments, task_history, tasks
from tests.e2e.service import Service, buttons_of, card_of, settled, texts_in
from tests.e2e.teams_doubles.activities import TeamsUser
from tests.integration.builders import insert_ticket, insert_user, this_years
from tests.integration.notify.capture.webapp import WebApp
from tests.unit.bot.cards.reading import walk
from tests.unit.bot.cards.schema import assert_valid_card

NUMBER = this_years(77)  # a bare 77 is this year's


async def _cast(service: Service, engine: AsyncEngine) -> tuple[int, TeamsUser, TeamsUser, str]:
    """Carla filed the ticket, Ada works it; both have a chat with the bot."""
    carla_id = await insert_user(engine, role="customer", email="carla@example.com")
    ada_id = await insert_user(engine, role="user", email="ada@example.com")
    carla = service.person("carla@example.com", "Carla Customer")
    ada = service.person("ada@example.com", "Ada Lovelace")
    for person in (carla, ada):
        await service.say("help", user=person)
    ticket = await insert_ticket(engine, created_by=carla_id, assignee_id=ada_id, number=NUMBER)
    return ticket, carla, ada, ada_id


async def _question(service: Service, person: TeamsUser, *, seconds: float = 20.0) -> dict[str, Any]:
    """The card asking `person` whether it is fixed, once the worker has sent it."""
    conversation = service.teams.personal_conversation_id(person)

    def question() -> dict[str, Any] | None:
        for call in service.connector.successful("send"):
            card = card_of(call.body)
            if call.conversation_id == conversation and card and "It's fixed" in buttons_of(card):
                return card
        return None

    await service.connector.wait_until(lambda _: question() is not None, timeout=seconds)
    card = question()
    assert card is not None
    return card


async def _status(engine: AsyncEngine, ticket: int) -> str:
    async with engine.connect() as connection:
        return str(await connection.scalar(select(tasks.c.status).where(tasks.c.id == ticket)))


def _answer(card: dict[str, Any], title: str) -> dict[str, Any]:
    """The data an `Action.Execute` titled `title` sends, wherever it sits on the card."""
    [action] = [
        node for node in walk(card)
        if node.get("type") == "Action.Execute" and node.get("title") == title
    ]
    return {"verb": action["verb"], "data": dict(action.get("data", {}))}


async def test_the_requester_confirms_the_fix_once_and_nobody_else_can(
    service: Service, engine: AsyncEngine
) -> None:
    ticket, carla, ada, _ = await _cast(service, engine)

    await service.say(f"resolve {NUMBER}", user=ada)
    question = await _question(service, carla)
    assert_valid_card(question)
    assert "resolved" in texts_in(question).lower() and "Is it fixed for you?" in texts_in(question)
    assert {"It's fixed", "Still broken"} <= set(buttons_of(question))
    fixed = _answer(question, "It's fixed")

    refused = await service.press(fixed["verb"], fixed["data"], user=ada)
    assert "only the person who filed this ticket" in texts_in(refused)
    assert await _status(engine, ticket) == "resolved"

    click = service.teams.card_action(fixed["verb"], fixed["data"], user=carla)
    first = await service.send(click)
    resent = await service.send(click)  # Teams resends an invoke it thinks unanswered
    assert first.answer.text == resent.answer.text
    assert f"Thanks for confirming: {NUMBER} is closed." in texts_in(first.card)
    assert await _status(engine, ticket) == "closed"

    again = await service.press(fixed["verb"], fixed["data"], user=carla)  # a double tap
    assert f"Thanks for confirming: {NUMBER} is closed." in texts_in(again)  # as the first
    assert "It's fixed" not in buttons_of(again)
    async with engine.connect() as connection:
        closings = list(
            await connection.execute(
                select(task_history.c.old_value, task_history.c.new_value).where(
                    task_history.c.task_id == ticket, task_history.c.field == "status"
                ).order_by(task_history.c.id)
            )
        )
    assert closings == [("open", "resolved"), ("resolved", "closed")]
    await settled(engine)


async def test_a_web_app_resolution_asks_the_requester_and_still_broken_reopens_with_a_comment(
    service: Service, engine: AsyncEngine
) -> None:
    ticket, carla, _, ada_id = await _cast(service, engine)

    await WebApp(engine).update(ticket, by=ada_id, status="resolved")  # plain SQL, via capture
    question = await _question(service, carla)
    assert f"Your ticket was moved to Resolved by User {ada_id[:4]}" in texts_in(question)
    broken = _answer(question, "Reopen with this comment")

    empty = await service.press(broken["verb"], {**broken["data"], "comment": "  "}, user=carla)
    assert "cannot be empty" in texts_in(empty)
    assert "Reopen with this comment" in str(empty)  # asked again, on the same card
    assert await _status(engine, ticket) == "resolved"

    reopened = await service.press(
        broken["verb"], {**broken["data"], "comment": "Still drops every hour on hotel wifi"},
        user=carla,
    )
    assert f"Reopened {NUMBER} with your comment" in texts_in(reopened)
    assert await _status(engine, ticket) == "open"
    async with engine.connect() as connection:
        comments = list(
            await connection.execute(
                select(task_comments.c.content).where(task_comments.c.task_id == ticket)
            )
        )
    assert comments == [("Still drops every hour on hotel wifi",)]

    late = await service.press(
        broken["verb"], {**broken["data"], "comment": "and again"}, user=carla
    )
    assert f"{NUMBER} was already reopened: nothing changed." in texts_in(late)
    fixed = _answer(question, "It's fixed")
    stale = await service.press(fixed["verb"], fixed["data"], user=carla)
    assert f"{NUMBER} was already reopened: nothing changed." in texts_in(stale)
    assert await _status(engine, ticket) == "open"
    await settled(engine)


CHANGED_SINCE = "changed since you last saw it"
ANSWERS = {
    "It's fixed": ({}, "is closed.", "closed"),
    "Reopen with this comment": ({"comment": "Still drops every hour on hotel wifi"},
                                 "with your comment", "open"),
}


async def _written(engine: AsyncEngine, ticket: int) -> tuple[int, int]:
    async with engine.connect() as connection:
        return tuple([len(list(await connection.execute(select(table.c.id).where(
            table.c.task_id == ticket)))) for table in (task_history, task_comments)])  # type: ignore[return-value]


async def _priority_changed_in_the_web_app(service: Service, engine: AsyncEngine, ticket: int,
                                           ada: TeamsUser, ada_id: str) -> None:
    await WebApp(engine).update(ticket, by=ada_id, priority="urgent")


async def _reopened_and_resolved_again(service: Service, engine: AsyncEngine, ticket: int,
                                       ada: TeamsUser, ada_id: str) -> None:
    await service.say(f"reopen {NUMBER}", user=ada)
    await service.say(f"resolve {NUMBER}", user=ada)


async def _priority_changed_in_chat(service: Service, engine: AsyncEngine, ticket: int,
                                    ada: TeamsUser, ada_id: str) -> None:
    await insert_user(engine, role="admin", email="root@example.com")
    root = service.person("root@example.com", "Rita Root")
    said = await service.say(f"set {NUMBER} priority to high", user=root)
    assert "High" in texts_in(said.card), texts_in(said.card)


@pytest.mark.parametrize("title", list(ANSWERS))
@pytest.mark.parametrize("meanwhile", [_priority_changed_in_the_web_app,
                                       _reopened_and_resolved_again, _priority_changed_in_chat])
async def test_an_answer_on_a_card_drawn_before_the_ticket_changed_changes_nothing(
    service: Service, engine: AsyncEngine, title: str, meanwhile: Any,
) -> None:
    """The card is stale: what the requester answered is not the ticket as it is now. Before,
    the press closed or reopened it anyway; now it is told, nothing is written, and the card
    it gets back is the current one, whose answer then counts."""
    ticket, carla, ada, ada_id = await _cast(service, engine)
    await service.say(f"resolve {NUMBER}", user=ada)
    old = _answer(await _question(service, carla), title)
    await meanwhile(service, engine, ticket, ada, ada_id)
    assert await _status(engine, ticket) == "resolved"
    before = await _written(engine, ticket)
    extra, done, status = ANSWERS[title]

    answer = await service.press(old["verb"], {**old["data"], **extra}, user=carla)

    assert CHANGED_SINCE in texts_in(answer) and done not in texts_in(answer), texts_in(answer)
    assert await _status(engine, ticket) == "resolved"
    assert await _written(engine, ticket) == before
    fresh = _answer(answer, title)  # the current card still asks, and its answer counts
    assert done in texts_in(await service.press(fresh["verb"], {**fresh["data"], **extra},
                                                user=carla))
    assert await _status(engine, ticket) == status
    await settled(engine)


@pytest.mark.parametrize("title", list(ANSWERS))
@pytest.mark.parametrize("at_once", [False, True])
async def test_a_second_tap_on_ones_own_answer_is_answered_as_the_first(
    service: Service, engine: AsyncEngine, title: str, at_once: bool,
) -> None:
    ticket, carla, ada, _ = await _cast(service, engine)
    await service.say(f"resolve {NUMBER}", user=ada)
    pressed = _answer(await _question(service, carla), title)
    before = await _written(engine, ticket)
    extra, done, status = ANSWERS[title]

    def tap() -> dict[str, Any]:  # a new activity id each time
        return service.teams.card_action(pressed["verb"], {**pressed["data"], **extra},
                                         user=carla)

    if at_once:
        turns = await asyncio.gather(service.send(tap()), service.send(tap()))
    else:
        turns = [await service.send(tap()), await service.send(tap())]

    said = [texts_in(turn.card) for turn in turns]
    assert all(done in card for card in said), said
    assert await _status(engine, ticket) == status
    history, comments = await _written(engine, ticket)
    assert (history - before[0], comments - before[1]) == ((1, 0) if not extra else (2, 1))
    await settled(engine)


@pytest.mark.parametrize("title", list(ANSWERS))
async def test_a_second_tap_after_someone_else_changed_the_ticket_changes_nothing(
    service: Service, engine: AsyncEngine, title: str,
) -> None:
    ticket, carla, ada, ada_id = await _cast(service, engine)
    await service.say(f"resolve {NUMBER}", user=ada)
    pressed = _answer(await _question(service, carla), title)
    extra, done, _ = ANSWERS[title]
    assert done in texts_in(await service.press(pressed["verb"], {**pressed["data"], **extra},
                                                user=carla))
    await WebApp(engine).update(ticket, by=ada_id, status="resolved")
    before = await _written(engine, ticket)

    again = await service.press(pressed["verb"], {**pressed["data"], **extra}, user=carla)

    assert done not in texts_in(again), texts_in(again)
    assert await _status(engine, ticket) == "resolved"
    assert await _written(engine, ticket) == before
    await settled(engine)


@pytest.mark.parametrize("title", list(ANSWERS))
@pytest.mark.parametrize("version", [None, "missing", "", "garbage", 0])
async def test_an_answer_without_a_valid_version_changes_nothing(
    service: Service, engine: AsyncEngine, title: str, version: Any,
) -> None:
    ticket, carla, ada, _ = await _cast(service, engine)
    await service.say(f"resolve {NUMBER}", user=ada)
    pressed = _answer(await _question(service, carla), title)
    extra, done, _ = ANSWERS[title]
    value = {**pressed["data"], **extra}
    if version == "missing":
        del value["version"]
    else:
        value["version"] = version
    before = await _written(engine, ticket)

    answer = await service.press(pressed["verb"], value, user=carla)

    assert done not in texts_in(answer) and NUMBER in texts_in(answer), texts_in(answer)
    assert await _status(engine, ticket) == "resolved"
    assert await _written(engine, ticket) == before
    await settled(engine)
