"""A title with no word in it is asked again, saying why.

Found by filing as a customer: "12" and "🙁", typed as the problem in one line, were filed as
tickets titled "12" and "🙁" (a bare number may well be a ticket meant)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, user_in_teams


@pytest.mark.parametrize("said", ["12", "🙁", "!!!", "4 5"])
async def test_a_title_without_a_word_is_asked_again(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    await service.say("new ticket", user=cy)

    again = await service.say(said, user=cy)
    for answer in ("Badge reader at door B is dead", "skip", "incident", "high"):
        await service.say(answer, user=cy)

    assert again.texts == [f"“{said}” doesn't say what's wrong: what's the problem, in one "
                           "line? Or say cancel."]
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert row["title"] == "Badge reader at door B is dead"


@pytest.mark.parametrize(("said", "title"), [
    ("404 on the intranet", "404 on the intranet"),
    ("Printer 3", "Printer 3"),
    ("😡 outlook crashed again", "😡 outlook crashed again"),
])
async def test_a_title_with_a_word_is_taken(
    service: Service, engine: AsyncEngine, said: str, title: str
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    await service.say("new ticket", user=cy)

    asked = await service.say(said, user=cy)
    for answer in ("skip", "incident", "high"):
        await service.say(answer, user=cy)

    assert asked.texts[-1].startswith("Describe it"), asked.texts
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert row["title"] == title
