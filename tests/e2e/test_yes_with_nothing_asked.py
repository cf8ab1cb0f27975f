"""Over HTTP: a typed "yes" when the bot asked nothing was "Sorry, I didn't get “yes”. Try one
of these…" with a menu; it is told plainly that nothing was waiting for an answer and
nothing changed. Under a question with a "Yes" button ("Do you want me to close 4 now?") a
typed "yes" presses it (it was the same "Sorry" and the ticket stayed open); under several
buttons it picks none and says so."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, a_ticket, person_in_teams, presses, stored_ticket
from tests.integration.builders import insert_ticket

NOTHING_ASKED = "I wasn't waiting for an answer from you, so nothing was changed."


@pytest.mark.parametrize("said", ["yes", "yeah", "Yep!", "ok yes", "yes please", "yeah sure 👍",
                                  "yess"])
async def test_a_yes_with_nothing_asked_says_so_without_a_menu(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    number = await a_ticket(engine, mia_id)
    await service.say(f"show {number}", user=mia)  # a card is no question

    turn = await service.say(said, user=mia)

    assert turn.texts == [NOTHING_ASKED]
    assert presses(turn) == {}
    assert turn.cards == []


@pytest.mark.parametrize(("said", "expected"), [
    ("ok", "👍"), ("no", "OK, I won't change anything."), ("nope", "OK, I won't change anything."),
])
async def test_an_ok_or_a_no_with_nothing_asked_reads_as_before(
    service: Service, engine: AsyncEngine, said: str, expected: str
) -> None:
    _, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    assert (await service.say(said, user=mia)).texts == [expected]


@pytest.mark.parametrize("yes", ["yes", "yep", "yes please"])
async def test_a_typed_yes_under_a_yes_button_presses_it(
    service: Service, engine: AsyncEngine, yes: str
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    number = await a_ticket(engine, mia_id)
    asked = await service.say(f"i meant to close {int(number[-4:])} yesterday", user=mia)
    assert asked.texts == [f"Do you want me to close {number} now?"]

    await service.say(yes, user=mia)

    assert await _status(engine, number) == "closed"


async def test_a_yes_under_several_buttons_picks_none_and_says_so(
    service: Service, engine: AsyncEngine
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    laptop = await insert_ticket(engine, created_by=mia_id, assignee_id=mia_id,
                                 title="Laptop battery dies fast")
    await insert_ticket(engine, created_by=mia_id, assignee_id=mia_id,
                        title="New starter needs a laptop")
    asked = await service.say("i'll take the laptop one", user=mia)
    assert asked.texts == ["Which ticket about “laptop” do you mean?"]

    turn = await service.say("yes", user=mia)

    assert turn.texts == ["A yes can't pick one of those: press the button you mean, or say which."]
    assert (await stored_ticket(engine, laptop, "status"))["status"] == "open"
    after = await service.say("yes", user=mia)  # the question is over: nothing is waiting now
    assert after.texts == [NOTHING_ASKED]


async def _status(engine: AsyncEngine, number: str) -> str:
    async with engine.connect() as connection:
        return str((await connection.execute(
            select(tasks.c.status).where(tasks.c.ticket_number == number))).scalar_one())


@pytest.mark.parametrize("said", ["logging off, bye", "signing off for the day", "good night",
                                  "im done for today, bye", "heading home now"])
async def test_signing_off_at_the_end_of_the_day_is_answered_in_kind(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    """"logging off, bye" went to the help assistant, which offered to file it as a ticket."""
    _, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    turn = await service.say(said, user=mia)
    assert turn.texts == ["👍"], turn.texts
