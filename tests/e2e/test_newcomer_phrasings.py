"""What people new to the bot type, over HTTP against the database: a hand-over that names
someone before the bot has read who exists still assigns, and courtesy is answered in kind."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, file_ticket, person_in_teams, texts_in
from tests.integration.builders import insert_person


async def assignees(engine: AsyncEngine) -> dict[str, object]:
    async with engine.connect() as connection:
        found = await connection.execute(select(tasks.c.ticket_number, tasks.c.assignee_id))
        return {str(number): assignee for number, assignee in found.all()}


async def test_a_hand_over_in_words_assigns_the_person_it_names(
    service: Service, engine: AsyncEngine
) -> None:
    admin, max_ = await person_in_teams(service, engine, "Max", "Admin", role="admin")
    sam = await insert_person(engine, "Sam", "Rivera")
    numbers = [(await file_ticket(engine, admin, title)).ticket_number
               for title in ("Badge reader blinks", "VPN drops", "Printer jams")]

    said = [f"Sam should take {int(numbers[0][-4:])}", f"{int(numbers[1][-4:])} -> sam",
            f"put sam on {int(numbers[2][-4:])}"]
    for line in said:
        turn = await service.say(line, user=max_)
        assert "Assigned to Sam Rivera." in texts_in(turn.card), line

    assert await assignees(engine) == dict.fromkeys(numbers, sam)


async def test_a_greeting_and_thanks_are_answered_in_kind_and_change_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    admin, max_ = await person_in_teams(service, engine, "Max", "Admin", role="admin")
    await file_ticket(engine, admin, "Projector flickers")

    hello = await service.say("hi 👋", user=max_)
    thanks = await service.say("thanks!", user=max_)

    assert hello.texts == ["Hi Max! I file, find and update tickets. Try one of these, or say `help`:"]
    assert hello.buttons == ["my tickets", "new ticket", "help"]
    assert thanks.texts == ["You're welcome!"] and not thanks.cards
    assert list((await assignees(engine)).values()) == [None]


@pytest.mark.parametrize("said", ["who are you?", "are you a bot?", "am i talking to a person"])
async def test_asked_who_it_is_the_bot_says_so_and_searches_nothing(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    """Found trying the bot as a customer: "who are you" and "are you a bot?" went to the
    help assistant, which found nothing and offered to file the question as a ticket."""
    _, cy = await person_in_teams(service, engine, "Cy", "Customer", role="customer")

    answer = await service.say(said, user=cy)

    assert answer.texts == [
        "I'm the TicketFlow bot, not a person: I file, find and update tickets, and answer from "
        "the help documents. For a person, file a ticket and the service desk will pick it up. "
        "Try one of these, or say `help`:"], answer.texts
    assert answer.buttons == ["my tickets", "new ticket", "help"]
