"""Universal Actions to the letter: who refreshes a card, and the error answer where a card
would be wrong (someone who may not see the ticket, a verb or data no card of ours sends)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from db.uow import SqlUnitOfWork
from domain.services.tickets import comment_on_ticket, update_ticket
from domain.tickets import Assignee
from tests.actors import as_actor
from tests.e2e.service import Service, card_of, file_ticket, user_in_teams
from tests.integration.builders import insert_team, insert_user

ERROR = "application/vnd.microsoft.error"


async def test_a_ticket_card_refreshes_for_the_ticket_s_own_people_only(
    service: Service, engine: AsyncEngine
) -> None:
    requester = await insert_user(engine, role="customer", email="cleo@example.com")
    agent = await insert_user(engine, role="user", email="ada@example.com")
    teammate = await insert_user(engine, role="user", email="tom@example.com")
    commenter = await insert_user(engine, role="admin", email="root@example.com")
    await insert_user(engine, role="user", email="otto@example.com")
    team = await insert_team(engine, "Desk", agent, teammate, requester)
    people = {email: service.person(f"{email}@example.com", name) for email, name in (
        ("cleo", "Cleo Customer"), ("ada", "Ada Lovelace"), ("tom", "Tom Teammate"),
        ("root", "Rita Root"), ("otto", "Otto Outsider"))}
    for person in people.values():
        await service.say("help", user=person)  # links each Teams id to their account
    ticket = await file_ticket(engine, requester, "Printer offline")
    await update_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(commenter), ticket=ticket.id,
                        assignee=Assignee.team(team))
    await comment_on_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(commenter), ticket=ticket.id,
                            content="On it")

    card = (await service.say(f"ticket {ticket.ticket_number}", user=people["ada"])).card

    refresh = card["refresh"]
    assert refresh["action"]["verb"] == "ticket.refresh"
    assert refresh["userIds"] == [people[key].id for key in ("cleo", "ada", "tom", "root")]


async def test_refresh_lists_at_most_sixty_people(service: Service, engine: AsyncEngine) -> None:
    admin = await insert_user(engine, role="admin", email="root@example.com")
    members = [await insert_user(engine, role="user", email=f"agent{n}@example.com")
               for n in range(64)]
    team = await insert_team(engine, "Crowd", *members)
    for n in range(64):
        await service.say("help", user=service.person(f"agent{n}@example.com", f"Agent {n}"))
    root = service.person("root@example.com", "Rita Root")
    ticket = await file_ticket(engine, admin, "Outage", category="incident")
    await update_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(admin), ticket=ticket.id,
                        assignee=Assignee.team(team))

    card = (await service.say(f"ticket {ticket.ticket_number}", user=root)).card

    assert len(card["refresh"]["userIds"]) == 60


async def test_an_automatic_refresh_by_someone_who_may_not_see_the_ticket_keeps_the_card(
    service: Service, engine: AsyncEngine
) -> None:
    agent = await insert_user(engine, role="user", email="ada@example.com")
    await insert_user(engine, role="customer", email="carl@example.com")
    ticket = await file_ticket(engine, agent, "Salary spreadsheet locked")
    carl = service.person("carl@example.com", "Carl Customer")
    stranger = service.person("nobody@elsewhere.example", "Not A User")
    activity = service.teams.card_action(
        "ticket.refresh", {"ticket_id": ticket.id, "version": ticket.version},
        in_channel=True, user=carl)
    activity["value"]["trigger"] = "automatic"

    for who in (carl, stranger):
        activity["from"] = who.account()
        activity["id"] = f"refresh-{who.id}"
        answer = await service.post(activity)
        assert answer.status == 200
        body: dict[str, Any] = answer.json
        assert body["type"] == ERROR and 400 <= body["statusCode"] < 500, body
        assert set(body["value"]) == {"code", "message"}
        assert "Salary" not in answer.text and card_of(body) is None


async def test_unknown_verbs_and_malformed_data_get_the_error_answer(
    service: Service, engine: AsyncEngine
) -> None:
    root = await user_in_teams(service, engine, "root@example.com", "Rita Root", role="admin")
    malformed: list[Any] = [
        {"action": {"type": "Action.Execute", "verb": "ticket.delete", "data": {"ticket_id": 1}}},
        {"action": {"type": "Action.Execute", "verb": "ticket.refresh", "data": [1, 2]}},
        {"action": {"type": "Action.Execute", "verb": "ticket.refresh", "data": {}}},
        {"action": {"type": "Action.Execute", "verb": "ticket.status",
                    "data": {"ticket_id": "9" * 4400, "status": "closed"}}},
        {"action": "ticket.refresh"},
        {"trigger": "manual"},
        ["not", "an", "object"],
    ]
    for n, value in enumerate(malformed):
        activity = service.teams.card_action("ticket.refresh", {}, user=root)
        activity["value"] = value
        activity["id"] = f"odd-{n}"
        answer = await service.post(activity)
        assert answer.status == 200, answer.text
        body = answer.json
        assert (body["statusCode"], body["type"]) == (400, ERROR), (value, body)
        assert body["value"]["code"] == "BadRequest" and body["value"]["message"]
