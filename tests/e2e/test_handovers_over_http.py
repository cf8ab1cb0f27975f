"""Over HTTP: someone's work handed over in everyday words ("sam is on leave, alex can pick
up his tickets", "move sam's stuff to alex") shows what they hold and offers the move;
nothing moves until yes."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service, stored_ticket, texts_in, user_id_of, user_in_teams
from tests.integration.builders import insert_ticket, insert_user


@pytest.mark.parametrize("said", [
    "sam is on leave, alex can pick up his tickets",
    "move sam's stuff to alex",
    "Alex will take over Sam Rivera's tickets while he's away",
])
async def test_someones_work_handed_over_in_other_words_is_offered_then_moved(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    mona = await user_in_teams(service, engine, "mona@example.com", "Mona Manager",
                               role="manager")
    mona_id = await user_id_of(engine, "mona@example.com")
    sam_id = await insert_user(engine, email="sam@example.com", name="Sam Rivera")
    alex_id = await insert_user(engine, email="alex@example.com", name="Alex Kim")
    held = await insert_ticket(engine, created_by=mona_id, assignee_id=sam_id,
                               title="Badge reader at the back door")

    offered = await service.say(said, user=mona)
    assert "Badge reader at the back door" in texts_in(offered.card)
    assert offered.texts == ["Assign this ticket to Alex Kim?"], offered.texts
    assert (await stored_ticket(engine, held))["assignee_id"] == sam_id

    await service.say("yes", user=mona)
    assert (await stored_ticket(engine, held))["assignee_id"] == alex_id
