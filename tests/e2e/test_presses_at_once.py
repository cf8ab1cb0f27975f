"""Buttons pressed at the same time, and a ticket changed under a card, over real HTTP
against the database: one change for one press, however often it arrives; two people's
conflicting presses are one change and one "changed since"; a change someone made outside
the bot (the web app, a script) is never overwritten by a card drawn before it."""

from __future__ import annotations

import asyncio
import copy
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_comments, task_history, tasks
from tests.e2e.service import Service, data, file_ticket, texts_in
from tests.integration.builders import insert_user

CHANGED_SINCE = "changed since you last saw it"


async def _rows(engine: AsyncEngine) -> dict[str, int]:
    async with engine.connect() as connection:
        return {table.name: (await connection.execute(
            select(func.count()).select_from(table))).scalar_one()
            for table in (tasks, task_comments, task_history)}


async def _ticket_row(engine: AsyncEngine, ticket_id: int) -> dict[str, Any]:
    async with engine.connect() as connection:
        return dict((await connection.execute(
            select(tasks).where(tasks.c.id == ticket_id))).mappings().one())


def _card_text(answer: Any) -> str:
    assert answer.status == 200, answer.text
    assert answer.json["type"] == "application/vnd.microsoft.card.adaptive", answer.text
    return texts_in(answer.json["value"])


@pytest.mark.parametrize(("verb", "extra", "done", "written"), [
    ("ticket.status", {}, "is now in progress", {"task_history": 1}),
    ("ticket.assign", {"assignee": "me"}, "Assigned to", {"task_history": 1}),
    ("ticket.comment", {"comment": "Swapped the PSU"}, "Comment added.",
     {"task_comments": 1, "task_history": 1}),
    ("ticket.edit", {"title": "Laptop boots to a black screen", "description": "Since Monday"},
     "Saved.", {"task_history": 2}),
])
@pytest.mark.parametrize("copies", [2, 10])
async def test_one_press_arriving_several_times_at_once_changes_the_ticket_once(
    service: Service, engine: AsyncEngine, verb: str, extra: dict[str, Any], done: str,
    written: dict[str, int], copies: int,
) -> None:
    """Teams resends an invoke it has no answer for while the first is still running."""
    ada_id = await insert_user(engine, role="admin", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    ticket = await file_ticket(engine, ada_id)
    card = (await service.say(ticket.ticket_number, user=ada)).card
    press = service.teams.card_action(verb, {**data(card, verb), **extra}, user=ada)
    before = await _rows(engine)

    answers = await asyncio.gather(*(service.post(copy.deepcopy(press)) for _ in range(copies)))

    cards = [_card_text(answer) for answer in answers]
    assert all(done in card for card in cards), cards  # every copy gets the first answer
    after = await _rows(engine)
    assert {name: after[name] - before[name] for name in after} == {
        "tasks": 0, "task_comments": 0, "task_history": 0, **written}


@pytest.mark.parametrize("copies", [2, 10])
async def test_one_message_extension_submit_arriving_several_times_at_once_files_one_ticket(
    service: Service, engine: AsyncEngine, copies: int
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    service.teams.user = service.person("ada@example.com", "Ada Lovelace")
    submit = service.teams.submit_action(
        "createTicket", {"verb": "ticket.create", "title": "Badge reader at door 2 is dead",
                         "category": "incident"}, in_channel=False)

    answers = await asyncio.gather(*(service.post(copy.deepcopy(submit)) for _ in range(copies)))

    assert Counter(answer.status for answer in answers) == {200: copies}, [
        answer.text for answer in answers]
    assert len({answer.text for answer in answers}) == 1  # the same answer to every copy
    assert (await _rows(engine))["tasks"] == 1


async def test_two_people_pressing_conflicting_buttons_at_once_make_one_change(
    service: Service, engine: AsyncEngine
) -> None:
    """Both cards were drawn from the same ticket: whichever press is stored first wins, the
    other is told the ticket changed and shown it as it is now."""
    ada_id = await insert_user(engine, role="admin", email="ada@example.com")
    await insert_user(engine, role="admin", email="bob@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    bob = service.person("bob@example.com", "Bob Byte")
    ticket = await file_ticket(engine, ada_id)
    adas = (await service.say(ticket.ticket_number, user=ada)).card
    bobs = (await service.say(ticket.ticket_number, user=bob)).card
    presses = [
        service.teams.card_action(
            "ticket.status", {**data(adas, "ticket.status"), "status": "resolved"}, user=ada),
        service.teams.card_action(
            "ticket.status", {**data(bobs, "ticket.status"), "status": "on_hold"}, user=bob),
    ]

    cards = [_card_text(answer)
             for answer in await asyncio.gather(*(service.post(p) for p in presses))]

    stored = (await _ticket_row(engine, ticket.id))["status"]
    assert stored in ("resolved", "on_hold")
    winner = 0 if stored == "resolved" else 1
    assert "is now" in cards[winner], cards
    assert CHANGED_SINCE in cards[1 - winner], cards
    async with engine.connect() as connection:
        moves = (await connection.execute(select(task_history.c.new_value).where(
            task_history.c.task_id == ticket.id, task_history.c.field == "status"))).scalars()
        assert list(moves) == [stored]


# What the web app (or anyone at the SQL prompt) writes, some of it without `updated_at`.
OUTSIDE_CHANGES = [
    ("status", "UPDATE tasks SET status = 'on_hold' WHERE id = :id"),
    ("title", "UPDATE tasks SET title = 'Changed in the web app' WHERE id = :id"),
    ("priority", "UPDATE tasks SET priority = 'urgent' WHERE id = :id"),
    ("assignee", "UPDATE tasks SET assignee_type = 'team', assignee_id = NULL, "
                 "assignee_team_id = NULL WHERE id = :id"),
    ("due date", "UPDATE tasks SET due_date = '2031-05-01 00:00:00' WHERE id = :id"),
    ("status and updated_at", "UPDATE tasks SET status = 'resolved', "
                              "updated_at = created_at + interval '1 hour' WHERE id = :id"),
]


@pytest.mark.parametrize(("verb", "extra"), [
    ("ticket.status", {}),
    ("ticket.assign", {"assignee": "me"}),
    ("ticket.edit", {"title": "Typed on the old card", "description": "Old card"}),
])
@pytest.mark.parametrize(("what", "statement"), OUTSIDE_CHANGES)
async def test_a_card_drawn_before_a_change_made_outside_the_bot_is_told_so_and_overwrites_nothing(
    service: Service, engine: AsyncEngine, verb: str, extra: dict[str, Any], what: str,
    statement: str,
) -> None:
    ada_id = await insert_user(engine, role="admin", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    ticket = await file_ticket(engine, ada_id)
    card = (await service.say(ticket.ticket_number, user=ada)).card
    if engine.dialect.name == "sqlite":
        statement = statement.replace("created_at + interval '1 hour'",
                                      "datetime(created_at, '+1 hour')")
    async with engine.begin() as connection:
        await connection.execute(text(statement), {"id": ticket.id})
    changed = await _ticket_row(engine, ticket.id)
    before = await _rows(engine)

    answer = await service.post(service.teams.card_action(
        verb, {**data(card, verb), **extra}, user=ada))

    assert CHANGED_SINCE in _card_text(answer), what
    assert await _ticket_row(engine, ticket.id) == changed
    assert await _rows(engine) == before


async def _comments(engine: AsyncEngine) -> list[tuple[str, str]]:
    async with engine.connect() as connection:
        rows = await connection.execute(select(task_comments.c.user_id, task_comments.c.content)
                                         .order_by(task_comments.c.id))
        return [(user_id, content) for user_id, content in rows.all()]


@pytest.mark.parametrize("how", ["Action.Execute", "Action.Submit", "Action.Submit-in-a-channel"])
async def test_a_comment_pressed_twice_with_two_ids_is_added_once(
    service: Service, engine: AsyncEngine, how: str
) -> None:
    """A double tap, or a client that sends its press again under a new id: the resend
    deduplication does not know it, and the comment was added twice, each copy told to the
    requester. The same words from the same person on the same card, moments apart, are one
    comment; other words, another person, or words typed in chat are comments of their own."""
    ada_id = await insert_user(engine, role="admin", email="ada@example.com")
    bob_id = await insert_user(engine, role="admin", email="bob@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    bob = service.person("bob@example.com", "Bob Builder")
    ticket = await file_ticket(engine, ada_id)
    card = (await service.say(ticket.ticket_number, user=ada)).card
    drawn = data(card, "ticket.comment")

    async def press(words: str, who: Any) -> None:
        value = {**drawn, "comment": words}
        activity = (service.teams.card_action("ticket.comment", value, user=who)
                    if how == "Action.Execute" else service.teams.card_submit(
                        {"verb": "ticket.comment", **value}, user=who,
                        in_channel=how.endswith("channel")))
        answer = await service.post(activity)
        assert answer.status == 200, answer.text
        if how == "Action.Execute":
            assert "Comment added." in _card_text(answer)

    await press("Swapped the PSU", ada)
    await press("Swapped the PSU", ada)
    await press("Swapped the PSU", bob)
    await press("Fan replaced too", ada)
    await service.say(f"comment on {ticket.ticket_number}: Swapped the PSU", user=ada)

    assert await _comments(engine) == [(ada_id, "Swapped the PSU"), (bob_id, "Swapped the PSU"),
                                       (ada_id, "Fan replaced too"), (ada_id, "Swapped the PSU")]


@pytest.mark.parametrize(("verb", "extra", "written"), [
    ("ticket.comment", {"comment": "Swapped the PSU"}, {"task_comments": 1, "task_history": 1}),
    ("ticket.status", {"status": "resolved"}, {"task_history": 1}),
    ("ticket.assign", {"assignee": "me"}, {"task_history": 1}),
])
async def test_a_button_tapped_three_times_at_once_under_three_ids_changes_the_ticket_once(
    service: Service, engine: AsyncEngine, verb: str, extra: dict[str, Any],
    written: dict[str, int],
) -> None:
    """Three taps of one button, each a delivery of its own, arriving together: on
    PostgreSQL each comment press looked for the same words moments ago before any had
    committed, and the comment was added three times (three notifications)."""
    ada_id = await insert_user(engine, role="admin", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    ticket = await file_ticket(engine, ada_id)
    card = (await service.say(ticket.ticket_number, user=ada)).card
    value = {**data(card, verb), **extra}
    before = await _rows(engine)

    answers = await asyncio.gather(*(
        service.post(service.teams.card_action(verb, value, user=ada)) for _ in range(3)))

    assert [answer.status for answer in answers] == [200, 200, 200], [a.text for a in answers]
    after = await _rows(engine)
    assert {name: after[name] - before[name] for name in after} == {
        "tasks": 0, "task_comments": 0, "task_history": 0, **written}


async def test_different_words_or_another_persons_comment_pressed_at_once_are_each_added(
    service: Service, engine: AsyncEngine
) -> None:
    ada_id = await insert_user(engine, role="admin", email="ada@example.com")
    bob_id = await insert_user(engine, role="admin", email="bob@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    bob = service.person("bob@example.com", "Bob Builder")
    ticket = await file_ticket(engine, ada_id)
    drawn = data((await service.say(ticket.ticket_number, user=ada)).card, "ticket.comment")
    pressed = [("Swapped the PSU", ada), ("Fan replaced too", ada), ("Swapped the PSU", bob)]

    answers = await asyncio.gather(*(service.post(service.teams.card_action(
        "ticket.comment", {**drawn, "comment": words}, user=who)) for words, who in pressed))

    assert [answer.status for answer in answers] == [200, 200, 200]
    assert sorted(await _comments(engine)) == sorted([
        (ada_id, "Swapped the PSU"), (ada_id, "Fan replaced too"), (bob_id, "Swapped the PSU")])
