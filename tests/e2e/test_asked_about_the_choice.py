"""A question about the kind or the urgency asked while filing is answered with what they
mean, and the choice asked again; nothing is taken from it.

Found by filing as a customer: under "Which kind of ticket is it?", "what does urgent mean?"
was noted as Urgent priority; "which one should I pick?" and "what counts as high?" went to
the help assistant, which knew nothing of them and offered to file the question as a second
ticket; under "How urgent is it?", "how urgent should it be for a broken badge reader?" filed
the ticket as Urgent.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, TeamsUser, texts_in, user_in_teams

KINDS = "Incident: something is broken or down."
URGENCIES = "Low: it can wait."


async def _filing(service: Service, engine: AsyncEngine) -> TeamsUser:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    await service.say("new ticket badge reader at door B is broken", user=cy)
    await service.say("skip", user=cy)
    return cy


async def _filed(engine: AsyncEngine) -> tuple[str, str]:
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    return row["category"], row["priority"]


@pytest.mark.parametrize(("asked", "explained"), [
    ("which one should I pick?", KINDS),
    ("what's the difference between incident and bug?", KINDS),
    ("what do the options mean?", KINDS),
    ("what does urgent mean?", URGENCIES),  # of the urgency, asked early: no Urgent noted
    ("what should I put?", KINDS),
    ("what should i do here?", KINDS),
])
async def test_a_question_about_the_kind_is_answered_and_the_kind_asked_again(
    service: Service, engine: AsyncEngine, asked: str, explained: str
) -> None:
    cy = await _filing(service, engine)

    turn = await service.say(asked, user=cy)
    await service.say("incident", user=cy)
    filed = await service.say("low", user=cy)

    assert turn.texts[0].startswith(explained), turn.texts
    assert turn.texts[-1] == "Which kind of ticket is it?"
    assert not turn.cards  # no help answer, no "File this as a ticket?"
    assert "Filed TKT-" in texts_in(filed.card)
    assert await _filed(engine) == ("incident", "low")


async def test_a_list_asked_for_while_the_kind_is_asked_is_shown_not_the_kinds_explained(
    service: Service, engine: AsyncEngine
) -> None:
    """"what should I work on next?" under the kind question got what the kinds mean."""
    cy = await _filing(service, engine)

    turn = await service.say("what should I work on next?", user=cy)

    assert not turn.texts[0].startswith(KINDS), turn.texts
    assert "most urgent first" in texts_in(turn.card)
    assert turn.texts[-1] == "Which kind of ticket is it?"


@pytest.mark.parametrize("asked", [
    "how urgent should it be for a broken badge reader?",
    "what counts as high?",
    "whats the difference between high and urgent",
])
async def test_a_question_about_the_urgency_is_answered_and_nothing_is_taken_from_it(
    service: Service, engine: AsyncEngine, asked: str
) -> None:
    cy = await _filing(service, engine)
    await service.say("incident", user=cy)

    turn = await service.say(asked, user=cy)
    filed = await service.say("medium", user=cy)

    assert turn.texts[0].startswith(URGENCIES), turn.texts
    assert turn.texts[-1] == "How urgent is it?"
    assert "Filed TKT-" in texts_in(filed.card)
    assert await _filed(engine) == ("incident", "medium")


@pytest.mark.parametrize(("said", "kind"), [
    ("it's broken", "incident"),
    ("incident, the whole door is dead", "incident"),
])
async def test_an_answer_is_still_taken(
    service: Service, engine: AsyncEngine, said: str, kind: str
) -> None:
    cy = await _filing(service, engine)

    turn = await service.say(said, user=cy)
    await service.say("urgent, nobody can get in", user=cy)

    assert not any(text.startswith((KINDS, URGENCIES)) for text in turn.texts)
    assert await _filed(engine) == (kind, "urgent")
