"""'tickets filed between between monday and friday' (a doubled word) was an IndexError,
and a run of 'since since …' a RecursionError: a 500 each, replayed through the signed
endpoint. Now the list asked for, the same as without the slip, and nothing changed."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.replay import changes, known_everywhere, state, teams_service
from tests.e2e.service import Service, file_ticket, texts_in

__all__ = ["teams_service"]  # the fixture


@pytest.mark.parametrize(("said", "once"), [
    ("tickets filed between between monday and friday", "tickets filed between monday and friday"),
    ("tickets filed since since monday", "tickets filed since monday"),
    ("my tickets filed " + "since " * 1000 + "monday", "my tickets filed since monday"),
    ("tickets filed between monday and", "tickets filed between monday"),  # sent too soon
])
async def test_a_list_asked_for_with_a_time_word_typed_twice_is_that_list(
    teams_service: Service, engine: AsyncEngine, said: str, once: str
) -> None:
    ada_id = await known_everywhere(teams_service, engine)
    await file_ticket(engine, ada_id, "Printer jams")
    before = await state(engine)

    slipped = await teams_service.send(teams_service.teams.personal_message(said))
    typed_once = await teams_service.send(teams_service.teams.personal_message(once))

    assert slipped.answer.status == 200, slipped.answer.text
    assert texts_in(slipped.card) == texts_in(typed_once.card)
    assert changes(before, await state(engine)) == {}
