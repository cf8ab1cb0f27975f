""""no" or "hmm, don't" right after a change is no "OK, I won't change anything": found by
playing an agent who reopened a ticket and then thought better of it; the bot said it changed
nothing while the ticket stayed reopened. It now says what the ticket is, with the press that
puts it back, as "undo that" does."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service, stored_ticket, user_id_of, user_in_teams
from tests.integration.builders import insert_ticket, this_years

NUMBER = this_years(40)


@pytest.mark.parametrize("said", ["no", "hmm, don't", "on second thought leave it", "nope"])
async def test_calling_off_a_change_already_made_says_it_stands(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    sam = await user_in_teams(service, engine, "sam@example.com", "Sam Rivera")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "sam@example.com"),
                                 assignee_id=await user_id_of(engine, "sam@example.com"),
                                 number=NUMBER, title="Badge reader at the side door")
    await service.say(f"resolve {NUMBER}", user=sam)

    answer = " ".join((await service.say(said, user=sam)).texts)

    assert "won't change anything" not in answer and "leave" not in answer, answer
    assert f"{NUMBER} is still resolved" in answer, answer  # with the press that puts it back
    assert (await stored_ticket(engine, ticket, "status"))["status"] == "resolved"


async def test_a_no_with_no_change_just_made_still_changes_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    sam = await user_in_teams(service, engine, "sam@example.com", "Sam Rivera")
    assert (await service.say("no", user=sam)).texts == ["OK, I won't change anything."]
