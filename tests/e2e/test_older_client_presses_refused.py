"""Over HTTP: a Teams client without Universal Actions presses a ticket card's fallback
`Action.Submit` on a ticket the presser may not see. The reply said "I can't find ticket 1.
Check the number…": 1 is the database id the button carries, not a number anyone knows, and
in a channel that reply is posted for everyone. It now says what the invoke's refusal says."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service, fallback, file_ticket, user_id_of, user_in_teams

NOT_SEEN = ("This ticket is not one you can see now (it may have moved to another team, or "
            "been deleted): nothing was changed.")


@pytest.mark.parametrize("in_channel", [False, True])
@pytest.mark.parametrize("title", ["Start", "Add comment", "Resolve"])
async def test_an_older_client_s_press_on_a_ticket_one_may_not_see_names_no_database_id(
    service: Service, engine: AsyncEngine, in_channel: bool, title: str
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace", role="admin")
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await file_ticket(engine, await user_id_of(engine, "ada@example.com"))
    card = (await service.say(f"ticket {ticket.ticket_number}", user=ada)).card
    button = fallback(card, title)

    turn = await service.send(service.teams.card_submit(
        button["data"], inputs={"comment": "me too"}, in_channel=in_channel, user=cy))

    assert turn.answer.status == 200
    assert turn.texts == [NOT_SEEN]


async def test_an_older_client_s_press_on_ones_own_ticket_still_changes_it(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace", role="admin")
    ticket = await file_ticket(engine, await user_id_of(engine, "ada@example.com"))
    card = (await service.say(f"ticket {ticket.ticket_number}", user=ada)).card

    turn = await service.send(service.teams.card_submit(
        fallback(card, "Start")["data"], in_channel=True, user=ada))

    assert turn.answer.status == 200
    assert any(f"{ticket.ticket_number} is now in progress." in text
               for text in turn.texts + [str(card) for card in turn.cards])
