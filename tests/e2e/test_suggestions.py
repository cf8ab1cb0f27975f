"""What a not-understood command offers: a button sends its words, so it names only the
ticket the person named or is looking at, and an example with made-up words stays text."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service, a_ticket, mia_and_her_ticket, presses, ticket_row
from tests.integration.builders import insert_person


async def test_with_no_ticket_named_or_in_view_no_button_acts_on_a_ticket(
    service: Service, engine: AsyncEngine
) -> None:
    owner = await insert_person(engine, "Ola", "Owner", role="admin")
    await a_ticket(engine, owner)  # a ticket 1 exists: a made-up number could hit it
    mia, _ = await mia_and_her_ticket(service, engine)  # and Mia may change ticket 2

    for said in ("close the window", "assign", "asign", "comment", "set", "chnage"):
        turn = await service.say(said, user=mia)
        sent = presses(turn).values()
        assert sent, said
        assert not any(ch.isdigit() for value in sent for ch in value), (said, sent)
        assert "Lee" not in " ".join(sent), (said, sent)

    turn = await service.say("close the window", user=mia)
    assert any("For example: `close 4`, `start 4` or `resolve 4`" in text
               for text in turn.texts), turn.texts


async def test_buttons_name_the_ticket_in_view_or_the_one_typed(
    service: Service, engine: AsyncEngine
) -> None:
    mia, number = await mia_and_her_ticket(service, engine)
    sequence = str(int(number[-4:]))

    typed = await service.say(f"closeee {sequence}", user=mia)
    assert list(presses(typed).values()) == [  # the close it said first
        f"close {sequence}", f"start {sequence}", f"resolve {sequence}"]

    await service.say(f"show {sequence}", user=mia)
    in_view = await service.say("assign", user=mia)
    assert list(presses(in_view).values()) == [f"assign {number} to me", f"unassign {number}"]
    assert any(f"`give {number} to Lee`" in text for text in in_view.texts), in_view.texts

    pressed = await service.say(f"assign {number} to me", user=mia)
    assert any("Assigned to Mia Manager" in text for text in pressed.texts + [
        str(pressed.cards)]), pressed.texts
    assert (await ticket_row(engine))["status"] == "open"
