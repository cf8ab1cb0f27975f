"""Over HTTP: "history of 4", "what happened on 4?", "who changed it" show the ticket's card
with its history open (the card's History toggle shown), to whoever may see the ticket."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.activity import history_target
from tests.e2e.service import Service, file_ticket, person_in_teams, texts_in
from tests.unit.bot.cards.reading import walk
from tests.integration.builders import insert_person


def history_of(card: dict[str, Any], ticket_id: int) -> dict[str, Any] | None:
    found = [node for node in walk(card) if node.get("id") == history_target(ticket_id)]
    return found[0] if found else None


async def test_asking_for_a_tickets_history_shows_it_open_and_a_plain_show_keeps_it_closed(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    ticket = await file_ticket(engine, manager, "Switch in room 4 is down", category="incident",
                               status="on_hold")
    sequence = int(ticket.ticket_number[-4:])

    for said in (f"show me the history of {sequence}", f"what happened on {sequence}?",
                 f"history {sequence}", f"who changed {sequence}", "who edited it last?"):
        card = (await service.say(said, user=mia)).card
        history = history_of(card, ticket.id)
        assert history is not None and history["isVisible"] is True, said
        lines = texts_in(history)
        assert "filed the ticket" in lines and "on hold" in lines, said
        assert "Switch in room 4 is down" in texts_in(card), said

    shown = history_of((await service.say(f"show {sequence}", user=mia)).card, ticket.id)
    assert shown is not None and shown["isVisible"] is False


async def test_a_history_is_shown_only_to_those_who_may_see_the_ticket(
    service: Service, engine: AsyncEngine
) -> None:
    manager = await insert_person(engine, "Mia", "Manager", role="manager")
    await insert_person(engine, "Cat", "Customer", role="customer")
    ticket = await file_ticket(engine, manager, "Payroll export fails", category="incident")
    cat = service.person("cat.customer@example.com", "Cat Customer")

    turn = await service.say(f"history of {int(ticket.ticket_number[-4:])}", user=cat)

    assert not turn.cards
    assert turn.texts == [f"I can't find ticket {ticket.ticket_number}. Check the number, "
                          "or say `my tickets` to see yours."]
