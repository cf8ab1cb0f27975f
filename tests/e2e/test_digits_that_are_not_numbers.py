"""Digits a phone keyboard or a pasted text brings that are not numbers: superscripts
('²', '⁵'), circled ('①'). Python's `str.isdigit` takes them and `int` refuses them, so a
count read with one was a ValueError and a 500 for 'top ² tickets', 'tickets not updated
in ² days', even 'ticket ²' (found probing from outside). They count nothing: the message
is answered as words, and changes nothing; the same message with a number lists as before."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.replay import changes, known_everywhere, state, teams_service
from tests.e2e.service import Service, file_ticket, texts_in

__all__ = ["teams_service"]  # the fixture

NOT_NUMBERS = ["²", "⁵", "¹²", "①"]
SAID = [
    "ticket {n}",
    "top {n} tickets",
    "tickets not updated in {n} days",
    "tickets filed in the last {n} days",
    "resolve {n}",
    "set priority of {n} to high",
]


@pytest.mark.parametrize("said", SAID)
@pytest.mark.parametrize("digit", NOT_NUMBERS)
async def test_a_message_with_a_digit_that_is_no_number_is_answered_and_changes_nothing(
    teams_service: Service, engine: AsyncEngine, said: str, digit: str
) -> None:
    ada_id = await known_everywhere(teams_service, engine)
    await file_ticket(engine, ada_id, "Printer jams")
    await file_ticket(engine, ada_id, "VPN drops")
    before = await state(engine)

    turn = await teams_service.send(teams_service.teams.personal_message(
        said.format(n=digit)))

    assert turn.answer.status == 200, turn.answer.text
    assert turn.texts or turn.cards, "no reply"
    assert changes(before, await state(engine)) == {}


async def test_top_with_a_number_still_lists_that_many(
    teams_service: Service, engine: AsyncEngine
) -> None:
    ada_id = await known_everywhere(teams_service, engine)
    first = await file_ticket(engine, ada_id, "Printer jams")
    second = await file_ticket(engine, ada_id, "VPN drops")

    turn = await teams_service.send(teams_service.teams.personal_message("top 1 tickets"))

    shown = texts_in(turn.card)
    assert (first.ticket_number in shown) != (second.ticket_number in shown), shown
