"""Card buttons (Action.Execute) end to end: every verb, refusals, stale cards, resends."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_comments, tasks
from tests.e2e.service import (
    Service,
    buttons_of,
    data,
    fallback,
    file_ticket,
    texts_in,
    user_in_teams,
)
from tests.integration.builders import insert_team, insert_user


async def test_an_agent_works_a_ticket_with_every_verb(service: Service, engine: AsyncEngine) -> None:
    agent_id = await insert_user(engine, role="user", email="ada@example.com")
    team = await insert_team(engine, "Desk", agent_id)
    ada = service.person("ada@example.com", "Ada Lovelace")
    ticket = await file_ticket(engine, agent_id)

    card = (await service.say(f"ticket {ticket.ticket_number}", user=ada)).card
    assert ticket.ticket_number in texts_in(card)
    card = await service.press("ticket.assign", {**data(card, "ticket.assign"), "assignee": "me"},
                               user=ada)
    assert "Assigned to User " in texts_in(card)  # the name TicketFlow has for her
    card = await service.press("ticket.status", data(card, "ticket.status"), user=ada)
    assert "is now in progress" in texts_in(card)
    card = await service.press("ticket.assign",
                               {**data(card, "ticket.assign"), "assignee": f"team:{team}"},
                               user=ada)
    assert "Assigned to Team Desk" in texts_in(card)
    card = await service.press("ticket.comment",
                               {**data(card, "ticket.comment"), "comment": "Replaced the SSD"},
                               user=ada)
    assert "Comment added." in texts_in(card)
    form = await service.press("ticket.edit", data(card, "ticket.edit"), user=ada)
    assert [i["id"] for i in _inputs(form)] == ["title", "description"]
    card = await service.press(
        "ticket.edit", {**data(form, "ticket.edit"), "title": "Laptop boots after SSD swap",
                        "description": "Fixed"}, user=ada)
    assert "Saved." in texts_in(card)
    card = await service.press("ticket.refresh", data(card, "ticket.refresh"), user=ada)
    assert "Laptop boots after SSD swap" in texts_in(card)

    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
        comments = (await connection.execute(select(func.count()).select_from(task_comments)))
    assert (row["status"], row["assignee_type"], row["assignee_team_id"]) == (
        "in_progress", "team", team)
    assert comments.scalar_one() == 1


def _inputs(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [element for element in card["body"] if str(element.get("type", "")).startswith("Input.")]


async def test_a_stale_card_is_not_applied_and_the_fresh_card_comes_back(
    service: Service, engine: AsyncEngine
) -> None:
    agent_id = await insert_user(engine, role="admin", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    ticket = await file_ticket(engine, agent_id)
    old_card = (await service.say(ticket.ticket_number, user=ada)).card
    await service.say(f"resolve {ticket.ticket_number}", user=ada)
    stale = data(old_card, "ticket.status")  # "Start" on a card drawn while it was open
    card = await service.press("ticket.status", stale, user=ada)
    assert "changed since you last saw it" in texts_in(card)
    async with engine.connect() as connection:
        assert (await connection.execute(select(tasks.c.status))).scalar_one() == "resolved"


async def test_refusals_are_explained_and_change_nothing(service: Service, engine: AsyncEngine) -> None:
    customer_id = await insert_user(engine, role="customer", email="cleo@example.com")
    await insert_user(engine, role="customer", email="carl@example.com")
    cleo = service.person("cleo@example.com", "Cleo Customer")
    carl = service.person("carl@example.com", "Carl Customer")
    ticket = await file_ticket(engine, customer_id, "Invoice shows the wrong VAT")

    card = (await service.say(ticket.ticket_number, user=cleo)).card
    assert "Assign to me" not in buttons_of(card) and "Start" not in buttons_of(card)
    forged = {"ticket_id": ticket.id, "version": ticket.version, "status": "closed"}
    refused = await service.press("ticket.status", forged, user=cleo)
    assert "customers can only reopen" in texts_in(refused)
    assign = await service.press("ticket.assign", {**forged, "assignee": "me"}, user=cleo)
    assert "customers cannot assign" in texts_in(assign)
    hidden = await service.send(service.teams.card_action("ticket.refresh", forged, user=carl))
    assert hidden.answer.json["statusCode"] == 403
    assert hidden.answer.json["value"]["message"].startswith(
        "This ticket is not one you can see now")
    said = await service.say(f"comment {ticket.ticket_number} me too", user=carl)
    assert said.texts[0].startswith(f"I can't find ticket {ticket.ticket_number}")
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["status"], row["assignee_id"]) == ("open", None)


async def test_the_single_card_form_keeps_input_and_marks_the_bad_field(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    form = (await service.say("new ticket form", user=ada)).card
    inputs = {"title": "Projector in room 4 is dim", "category": "support", "priority": "high",
              "due_date": "31/12/2030", "description": "", "severity": "", "tags": "av"}
    again = await service.press("ticket.create", {**data(form, "ticket.create"), **inputs},
                                user=ada)
    assert "is not a date like" in texts_in(again)
    assert "Projector in room 4 is dim" in str(again)
    filed = await service.press("ticket.create", {**inputs, "due_date": "2030-12-31"}, user=ada)
    assert "Filed TKT-" in texts_in(filed)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["priority"], row["tags"], row["due_date"].year) == ("high", ["av"], 2030)


async def test_a_redelivered_message_does_not_file_a_second_ticket(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    for said in ("new ticket Scanner offline", "skip", "bug"):
        await service.say(said, user=ada)
    last = service.teams.personal_message("urgent", user=ada)
    first = await service.send(last)
    resent = await service.send(last)  # Teams thought the first attempt timed out
    assert first.answer.status == resent.answer.status == 200
    assert resent.sent == []
    async with engine.connect() as connection:
        total = (await connection.execute(select(func.count()).select_from(tasks))).scalar_one()
    assert total == 1


async def test_ticket_lists_page_through_and_open_tickets(service: Service, engine: AsyncEngine) -> None:
    agent_id = await insert_user(engine, role="user", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    for index in range(10):
        await file_ticket(engine, agent_id, f"Keyboard {index} sticky")
    page_one = (await service.say("my tickets created", user=ada)).card
    assert "1–8 of 10" in texts_in(page_one)
    page_two = await service.press("tickets.page", data(page_one, "tickets.page"), user=ada)
    assert "9–10 of 10" in texts_in(page_two)
    search = (await service.say("tickets keyboard 3", user=ada)).card
    assert "Keyboard 3 sticky" in texts_in(search) and "Keyboard 4" not in texts_in(search)


async def test_older_clients_submit_the_same_verbs_and_the_card_is_updated_in_place(
    service: Service, engine: AsyncEngine
) -> None:
    agent_id = await insert_user(engine, role="user", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    ticket = await file_ticket(engine, agent_id)
    activity = service.teams.personal_message(
        "", user=ada,
        value={"verb": "ticket.status", "ticket_id": ticket.id, "version": ticket.version,
               "status": "on_hold"},
    )
    activity["replyToId"] = "card-activity-7"
    before = len(service.connector.calls)
    answer = await service.post(activity)
    assert answer.status == 200
    updates = [c for c in service.connector.calls[before:] if c.operation == "update"]
    assert [u.activity_id for u in updates] == ["card-activity-7"]
    assert "is now on hold" in texts_in(updates[0].body["attachments"][0]["content"])


async def test_a_client_without_universal_actions_presses_the_fallback_submits_in_place(
    service: Service, engine: AsyncEngine
) -> None:
    agent_id = await insert_user(engine, role="user", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    ticket = await file_ticket(engine, agent_id)
    card = (await service.say(f"ticket {ticket.ticket_number}", user=ada)).card
    start = fallback(card, "Start")
    assert start["type"] == "Action.Submit" and start["data"]["verb"] == "ticket.status"
    before = len(service.connector.calls)

    answer = await service.post(service.teams.card_submit(
        start["data"], card_activity_id="card-activity-9", user=ada))

    assert answer.status == 200
    updates = [c for c in service.connector.calls[before:] if c.operation == "update"]
    assert [u.activity_id for u in updates] == ["card-activity-9"]
    started = updates[0].body["attachments"][0]["content"]
    assert "is now in progress" in texts_in(started)
    comment = fallback(started, "Add comment")
    answer = await service.post(service.teams.card_submit(
        comment["data"], inputs={"comment": "Reseated the RAM"},
        card_activity_id="card-activity-9", user=ada))
    assert answer.status == 200
    async with engine.connect() as connection:
        saved = (await connection.execute(select(task_comments.c.content))).scalar_one()
    assert saved == "Reseated the RAM"


async def test_a_manager_assigns_by_mentioning_a_colleague_in_a_channel(
    service: Service, engine: AsyncEngine
) -> None:
    manager_id = await insert_user(engine, role="manager", email="mona@example.com")
    agent_id = await insert_user(engine, role="user", email="ada@example.com")
    await insert_team(engine, "Desk", manager_id, agent_id)
    mona = service.person("mona@example.com", "Mona Manager")
    ada = service.person("ada@example.com", "Ada Lovelace")
    ticket = await file_ticket(engine, manager_id, "Badge printer offline")
    activity = service.teams.channel_message(
        f"assign {ticket.ticket_number} to <at>Ada Lovelace</at>", user=mona)
    activity["entities"].append(
        {"type": "mention", "text": "<at>Ada Lovelace</at>", "mentioned": ada.account()})
    turn = await service.send(activity)
    assert turn.answer.status == 200
    assert "Assigned to" in texts_in(turn.card)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["assignee_type"], row["assignee_id"]) == ("user", agent_id)


async def test_a_button_on_a_ticket_you_cannot_see_or_with_odd_data_gets_the_error_answer(
    service: Service, engine: AsyncEngine
) -> None:
    owner = await insert_user(engine, role="customer", email="cleo@example.com")
    carl = await user_in_teams(
        service, engine, "carl@example.com", "Carl Customer", role="customer"
    )
    ticket = await file_ticket(engine, owner, "Private invoice question")
    for verb, data, status in (
        ("ticket.comment", {"ticket_id": ticket.id, "comment": "mine?"}, 403),
        ("ticket.refresh", {"ticket_id": ticket.id, "version": ticket.version}, 403),
        ("ticket.status", {"ticket_id": ticket.id, "version": "x", "status": "closed"}, 403),
        ("ticket.status", {"ticket_id": "²", "status": "closed"}, 400),
    ):
        turn = await service.send(service.teams.card_action(verb, data, user=carl))
        assert turn.answer.status == 200
        body = turn.answer.json
        assert (body["statusCode"], body["type"]) == (status, "application/vnd.microsoft.error")
        assert "Private invoice question" not in turn.answer.text
    page = await service.press("tickets.page", {"query": {"status": ["open"]}, "offset": 0},
                               user=carl)
    assert "Private invoice question" not in texts_in(page)


async def test_channel_messages_keep_the_bots_name_and_comments_keep_their_lines(
    service: Service, engine: AsyncEngine
) -> None:
    agent = await insert_user(engine, role="admin", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    ticket = await file_ticket(engine, agent, "Login page")
    await service.say_in_channel(
        f"comment {ticket.ticket_number} TicketFlow app crashes\nafter the update", user=ada)
    async with engine.connect() as connection:
        comment = (await connection.execute(select(task_comments.c.content))).scalar_one()
    assert comment == "TicketFlow app crashes\nafter the update"
    listed = await service.say("open tickets", user=ada)
    assert "Login page" in texts_in(listed.card)
