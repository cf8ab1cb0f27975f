"""Over HTTP: "what's the status?", "status?", "any news?" naming no ticket, just after one
was shown, are answered about that one (its card, with its status said above it), where
they went to the help assistant ("Looking that up in the help documents…"). With no ticket
in view, the person's own tickets: one alone is shown with its status; "where are we with
this" asks which ticket."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.messages import notice_blocks
from tests.e2e.service import Service, person_in_teams, stored_ticket, texts_in
from tests.integration.builders import insert_person, insert_ticket, this_years
from tests.integration.knowledge.answering_openai_stand_in import CompletionsStandIn

NUMBER = this_years(40)
OPEN_WITH_SAM = f"{NUMBER} is open with Sam Agent, not started yet."


def answer(card: dict[str, Any]) -> list[str]:
    return [block["text"] for block in notice_blocks(card)]


@pytest.mark.parametrize(("said", "expected"), [
    ("what's the status?", [OPEN_WITH_SAM]),
    ("status?", [OPEN_WITH_SAM]),
    ("Whats the status now?", [OPEN_WITH_SAM]),
    ("any progress?", [OPEN_WITH_SAM]),
    ("any news?", []),  # its card, which says how it stands
    ("where are we with this", []),
])
async def test_a_status_question_naming_no_ticket_is_about_the_one_just_shown(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, said: str,
    expected: list[str],
) -> None:
    _, ann = await person_in_teams(helpdesk, engine, "Ann", "Admin", role="admin")
    sam_id, _ = await person_in_teams(helpdesk, engine, "Sam", "Agent")
    cy_id = await insert_person(engine, "Cy", "Customer", role="customer")
    ticket_id = await insert_ticket(engine, created_by=cy_id, assignee_id=sam_id, number=NUMBER,
                                    title="VPN drops every hour")
    await helpdesk.say("show 40", user=ann)
    before = await stored_ticket(engine, ticket_id)

    turn = await helpdesk.say(said, user=ann)

    assert answer(turn.card) == expected, said
    assert "VPN drops every hour" in texts_in(turn.card)
    assert model.requests == [] and "Looking that up" not in " ".join(turn.texts)
    assert await stored_ticket(engine, ticket_id) == before  # a question changes nothing


async def test_with_no_ticket_in_view_ones_own_ticket_is_answered_about(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    sam_id, _ = await person_in_teams(helpdesk, engine, "Sam", "Agent")
    cy_id = await insert_person(engine, "Cy", "Customer", role="customer")
    await insert_ticket(engine, created_by=cy_id, assignee_id=sam_id, number=NUMBER,
                        title="VPN drops every hour")
    cy = helpdesk.person("cy.customer@example.com", "Cy Customer")

    pointed = await helpdesk.say("hello, where are we with this one?", user=cy)
    assert pointed.texts == ["Which ticket? Say its number, for example `show 4`."]
    turn = await helpdesk.say("what's the status?", user=cy)

    assert answer(turn.card) == [OPEN_WITH_SAM]  # their one ticket, with its status
    assert "VPN drops every hour" in texts_in(turn.card)
    assert model.requests == []
    again = await helpdesk.say("any news?", user=cy)  # now of the one shown
    assert "VPN drops every hour" in texts_in(again.card) and model.requests == []
