"""Over HTTP: "my ticket 40 is still not solved after 2 weeks!!!" is answered with how the
ticket stands, on its card; it was "OK, I'll leave TKT-… as it is." A change refused ("don't
close 40 yet") is still only that, and neither changes anything."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.messages import notice_blocks
from tests.e2e.service import Service, buttons_of, person_in_teams, stored_ticket, texts_in
from tests.integration.builders import insert_ticket, this_years

NUMBER = this_years(40)


@pytest.mark.parametrize("said", [
    "my ticket 40 is still not solved after 2 weeks!!!", "40 isn't done yet, what's going on",
    "is 40 still not fixed", "40 STILL not working??", "still broken - 40", "40 still isn't resolved",
    "40 is still not done",
])
async def test_a_ticket_told_not_done_yet_is_answered_with_how_it_stands(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    cy_id, cy = await person_in_teams(service, engine, "Cy", "Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=cy_id, assignee_type=None, number=NUMBER,
                                 title="VPN drops every hour")
    before = await stored_ticket(engine, ticket)

    turn = await service.say(said, user=cy)

    assert [block["text"] for block in notice_blocks(turn.card)] == [
        f"{NUMBER} is still open — nobody has picked it up yet."], turn.texts
    assert "VPN drops every hour" in texts_in(turn.card)
    assert await stored_ticket(engine, ticket) == before

    refused = await service.say("don't close 40 yet", user=cy)
    assert refused.texts == [f"OK, I'll leave {NUMBER} as it is."]
    assert await stored_ticket(engine, ticket) == before


@pytest.mark.parametrize("said", ["40 still broken", "still not working - 40", "40 STILL not fixed!!"])
async def test_a_resolved_ticket_told_still_broken_says_so_with_its_reopen_button(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    """Before, "Should 40 be open?" was asked of any ticket, open ones too; now the card
    tells how it stands, and a resolved one keeps its Reopen button a tap away."""
    ada_id, ada = await person_in_teams(service, engine, "Ada", "Agent", role="manager")
    ticket = await insert_ticket(engine, created_by=ada_id, assignee_id=ada_id, number=NUMBER,
                                 title="VPN drops every hour", status="resolved")
    before = await stored_ticket(engine, ticket)

    turn = await service.say(said, user=ada)

    assert [block["text"] for block in notice_blocks(turn.card)] == [
        f"{NUMBER} is resolved."], turn.texts
    assert "Reopen" in buttons_of(turn.card)
    assert await stored_ticket(engine, ticket) == before
