"""Over HTTP, what people tell right after a ticket's card: a problem with their own thing
("outlook crashed, it says error 0x800") goes to the help assistant and leaves the ticket
alone; "add that …" is a comment on the ticket in view (proposed on a card for the person's
only open ticket when none was shown); "title: …", "change the priority to high" edit it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.assistant import button, wait_for_answers
from tests.e2e.service import (
    Service,
    a_ticket,
    stored_ticket,
    texts_in,
    user_id_of,
    user_in_teams,
)
from tests.integration.builders import insert_ticket, insert_user
from tests.integration.knowledge.answering_openai_stand_in import Completion, CompletionsStandIn

ANSWER = "Start Outlook in safe mode (outlook.exe /safe) and disable the add-ins [1]."


async def _ticket_id(engine: AsyncEngine, number: str) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(
            select(tasks.c.id).where(tasks.c.ticket_number == number))).scalar_one())


async def test_a_problem_told_with_it_after_a_card_goes_to_the_assistant_and_leaves_the_ticket(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    owner = await insert_user(engine, role="user", email="ada@example.com")
    ada = helpdesk.person("ada@example.com", "Ada Lovelace")
    number = await a_ticket(engine, owner, "VPN will not connect")
    ticket = await _ticket_id(engine, number)
    told = ("i have problem with outlook, it not open", "my laptop is slow and it keeps freezing",
            "outlook crashed, it says error 0x800")
    model.then(*(Completion(ANSWER) for _ in told))
    before = await stored_ticket(engine, ticket)

    await helpdesk.say(f"show {number}", user=ada)
    for answered, said in enumerate(told):
        turn = await helpdesk.say(said, user=ada)
        assert turn.texts == ["Looking that up in the help documents…"], (said, turn.texts)
        # The answer is posted after the turn: waited for, so it is not taken for a reply
        # to the next message.
        await wait_for_answers(helpdesk, answered + 1)
    assert await stored_ticket(engine, ticket) == before


async def test_added_words_comment_on_the_ticket_in_view_and_fields_of_it_are_edited(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    max_id = await user_id_of(engine, "max@example.com")
    ticket = await insert_ticket(engine, created_by=max_id, number="TKT-2026-0061",
                                 title="Outlook crashes")
    await insert_ticket(engine, created_by=max_id, number="TKT-2026-0062")
    await service.say("show TKT-2026-0061", user=max_)

    for said in ("can you add that the charger is a 65W USB-C one",
                 "pls add: it also happens on the 2nd floor",
                 "also, it happens on the 2nd floor too",
                 "title: Outlook crashes on any attachment",
                 "set the description to Crashes when a PDF is opened",
                 "change the priority to high"):
        await service.say(said, user=max_)
    again = await service.say("can you add that the charger is a 65W USB-C one", user=max_)
    assert "Comment added" in " ".join(again.texts) + (texts_in(again.card) if again.card else "")

    assert await stored_ticket(engine, ticket, "status", "priority", "title", "description",
                               "comments") == {
        "status": "open", "priority": "high", "title": "Outlook crashes on any attachment",
        "description": "Crashes when a PDF is opened",
        "comments": ["the charger is a 65W USB-C one", "it also happens on the 2nd floor",
                     "it happens on the 2nd floor too", "the charger is a 65W USB-C one"],
    }


async def test_added_words_with_no_card_shown_are_proposed_for_the_only_open_ticket(
    service: Service, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number="TKT-2026-0063")
    offered = (await service.say("add that it happens on wifi too", user=cy)).card
    assert "Add this comment to TKT-2026-0063?" in texts_in(offered)
    assert (await stored_ticket(engine, ticket))["comments"] == []  # never guessed: asked first

    press = button(offered, "Confirm")["data"]
    await service.press("request.confirm", press, user=cy)
    await service.press("request.confirm", press, user=cy)  # a double tap, a resend
    assert (await stored_ticket(engine, ticket))["comments"] == ["it happens on wifi too"]
