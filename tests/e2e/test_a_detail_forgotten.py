"""Over HTTP: a customer who forgot a detail, right after her ticket's card ("forgot to say its
a dell latitude, the charging light blinks orange"), was answered from the help documents and
offered a new ticket; the detail is now a comment on the ticket shown. "forgot my password"
still goes to the help assistant and leaves the ticket alone."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.assistant import wait_for_answers
from tests.e2e.service import Service, stored_ticket, user_id_of, user_in_teams
from tests.integration.builders import insert_ticket
from tests.integration.knowledge.answering_openai_stand_in import Completion, CompletionsStandIn

NUMBER = "TKT-2026-0042"


async def test_a_detail_forgotten_is_a_comment_on_the_ticket_shown(
    service: Service, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number=NUMBER, title="Laptop won't turn on")
    await service.say(f"show {NUMBER}", user=cy)

    await service.say(
        "forgot to say its a dell latitude, the charging light blinks orange", user=cy)

    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == [
        "its a dell latitude, the charging light blinks orange"]


async def test_a_password_forgotten_is_still_for_the_help_assistant(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(helpdesk, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number=NUMBER, title="Laptop won't turn on")
    model.then(Completion("Reset it from the password page [1]."))
    await helpdesk.say(f"show {NUMBER}", user=cy)

    turn = await helpdesk.say("forgot my password", user=cy)

    assert turn.texts == ["Looking that up in the help documents…"], turn.texts
    await wait_for_answers(helpdesk, 1)
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == []
