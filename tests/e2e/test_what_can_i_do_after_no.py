"""'no, what can i do?' over the signed endpoint: a 500 before (an IndexError in reading
it); now answered, and no ticket changed (the help assistant may keep the question)."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.replay import changes, known_everywhere, state, teams_service
from tests.e2e.service import Service, file_ticket

__all__ = ["teams_service"]  # the fixture

ASKED = {"ai_chat_messages", "help_exchanges"}


@pytest.mark.parametrize("said", ["no, what can i do?", "what can i do?"])
async def test_what_can_i_do_after_a_no_is_answered_and_changes_nothing(
    teams_service: Service, engine: AsyncEngine, said: str
) -> None:
    ada_id = await known_everywhere(teams_service, engine)
    await file_ticket(engine, ada_id, "Printer jams")
    before = await state(engine)

    turn = await teams_service.send(teams_service.teams.personal_message(said))

    assert turn.answer.status == 200, turn.answer.text
    assert turn.texts or turn.cards, "no reply"
    assert set(changes(before, await state(engine))) <= ASKED  # at most a question asked
