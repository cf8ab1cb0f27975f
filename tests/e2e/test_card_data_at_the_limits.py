"""Faults found by pressing buttons with data a hostile client writes: numbers and days at
the ends of what the database and the calendar hold, replayed through the signed endpoint
(a card's data comes back from the client as any JSON). Each was a 500 before."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables.knowledge import help_answer_feedback
from tests.e2e.assistant import button, wait_for_answers
from tests.e2e.replay import changes, known_everywhere, state, teams_service
from tests.e2e.service import Service, file_ticket, texts_in, user_in_teams
from tests.e2e.test_help_assistant import ANSWER, QUESTION
from tests.integration.knowledge.answering_openai_stand_in import Completion, CompletionsStandIn

__all__ = ["teams_service"]  # the fixture

BEYOND_SERIAL = [
    pytest.param(2**31, id="2**31"),
    pytest.param(str(2**31), id="2**31-as-text"),
    pytest.param(10**20, id="10**20"),
    pytest.param("9" * 40, id="40-digits-as-text"),
]


@pytest.mark.parametrize("message_id", BEYOND_SERIAL)
async def test_an_answer_button_naming_an_answer_past_any_serial_id_is_no_answer(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, message_id: Any
) -> None:
    """`ai_chat_messages.id` is a serial: a bigger id was handed to the database, which
    refused it (PostgreSQL: out of int32 range; SQLite: past int64) -- a 500. The answer
    it names does not exist; the real answer's buttons still work."""
    ada = await user_in_teams(helpdesk, engine, "ada@example.com", "Ada Lovelace")
    model.then(Completion(ANSWER))
    await helpdesk.say(QUESTION, user=ada)
    [card] = await wait_for_answers(helpdesk)
    helpful = button(card, "Helpful")["data"]

    rated = await helpdesk.send(helpdesk.teams.card_action(
        "help.feedback", {**helpful, "message_id": message_id}, user=ada))
    escalated = await helpdesk.send(helpdesk.teams.card_action(
        "help.escalate", {"message_id": message_id}, user=ada))

    for turn in (rated, escalated):
        assert turn.answer.status == 200, turn.answer.text
        assert "answer" in texts_in(turn.card) and ANSWER not in texts_in(turn.card)
    async with engine.connect() as connection:
        assert (await connection.execute(select(help_answer_feedback))).first() is None
    kept = await helpdesk.press("help.feedback", helpful, user=ada)
    assert "Thanks, glad it helped." in texts_in(kept)


DAYS_AT_THE_ENDS = [
    pytest.param({"since": "0001-01-01"}, True, id="worked-on-since-the-first-day"),
    pytest.param({"quiet_since": "0001-01-01"}, False, id="untouched-since-the-first-day"),
    pytest.param({"filed_from": "0001-01-01"}, True, id="filed-from-the-first-day"),
    pytest.param({"filed_before": "0001-01-01"}, False, id="filed-before-the-first-day"),
    pytest.param({"filed_before": "9999-12-31"}, True, id="filed-before-the-last-day"),
    pytest.param({"filed_from": "2026-01-01", "filed_before": "0001-01-01"}, False,
                 id="filed-from-a-day-and-before-the-first-day"),
    pytest.param({"due_on": "9999-12-31"}, False, id="due-on-the-last-day"),
]


@pytest.mark.parametrize(("query", "listed"), DAYS_AT_THE_ENDS)
async def test_a_list_page_for_a_day_at_either_end_of_the_calendar_is_that_list(
    teams_service: Service, engine: AsyncEngine, query: dict[str, str], listed: bool
) -> None:
    """A day's midnight in the asker's zone (Berlin), the day after it, or the day before
    it (the list's title: "filed … to …"), fell outside what Python's datetime holds:
    OverflowError, a 500. The list is the one asked for."""
    ada_id = await known_everywhere(teams_service, engine)
    ticket = await file_ticket(engine, ada_id, "Printer jams")
    before = await state(engine)

    turn = await teams_service.send(teams_service.teams.card_action(
        "tickets.page", {"query": query, "offset": 0}))

    assert turn.answer.status == 200, turn.answer.text
    assert (ticket.ticket_number in texts_in(turn.card)) is listed, texts_in(turn.card)
    assert changes(before, await state(engine)) == {}


@pytest.mark.parametrize(("said", "listed"), [
    ("tickets filed since 0001-01-01", True),
    ("tickets due on 9999-12-31", False),
])
async def test_a_list_asked_for_with_a_day_at_either_end_of_the_calendar_is_answered(
    teams_service: Service, engine: AsyncEngine, said: str, listed: bool
) -> None:
    ada_id = await known_everywhere(teams_service, engine)
    ticket = await file_ticket(engine, ada_id, "Printer jams")

    turn = await teams_service.send(teams_service.teams.personal_message(said))

    assert turn.answer.status == 200, turn.answer.text
    shown = " ".join(texts_in(card) for card in turn.cards) + " ".join(turn.texts)
    assert (ticket.ticket_number in shown) is listed, shown


@pytest.mark.parametrize("offset", [2**63, 10**20])
async def test_a_list_page_past_any_offset_the_database_takes_is_past_the_end(
    teams_service: Service, engine: AsyncEngine, offset: int
) -> None:
    """LIMIT and OFFSET are 64-bit: a larger offset was a 500."""
    ada_id = await known_everywhere(teams_service, engine)
    ticket = await file_ticket(engine, ada_id, "Printer jams")

    turn = await teams_service.send(teams_service.teams.card_action(
        "tickets.page", {"query": {}, "offset": offset}))
    first = await teams_service.send(teams_service.teams.card_action(
        "tickets.page", {"query": {}, "offset": 0}))

    assert turn.answer.status == 200, turn.answer.text
    assert ticket.ticket_number not in texts_in(turn.card)
    assert ticket.ticket_number in texts_in(first.card)
