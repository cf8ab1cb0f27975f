"""Faults found by attacking the running service from outside, as a fault or load harness
would, each kept here as the case that failed.

A double tap on a choice button sends two messages of one conversation at once (Teams
gives each its own id, so redelivery does not join them): both turns read the same
dialog state, and the last answer of `new ticket` filed two tickets, the second saying
"I got two answers at once and kept the other one". A conversation's messages now take
turns in the process that receives them -- waiting before they take a database connection:
a burst of one person's messages, waiting with one each, starved the pool (503s after the
pool's 30 s timeout), since the turn they waited for needed one again to save its state.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_comments, tasks
from tests.e2e.service import (
    Service,
    Turn,
    presses,
    running_service,
    texts_in,
    user_in_teams,
)
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import BOT
from tests.e2e.teams_doubles.activities import TeamsUser
from tests.waiting import until

SMALL_POOL = {"db_pool_size": 5, "db_pool_overflow": 10}
"""SQLite's pool, on PostgreSQL too: fewer sessions than the messages a test keeps waiting."""

WAITING_LOGGER = "bot.transport.conversation_turns"


async def _count(engine: AsyncEngine, table: Any) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(select(func.count()).select_from(table))).scalar_one())


async def _both_at_once(
    service: Service, said: str, user: TeamsUser, caplog: pytest.LogCaptureFixture
) -> tuple[Turn, Turn]:
    """`said` sent twice as two messages, the second arriving while the first's turn is
    still under way: the first is held at its reply until the second has either reached
    the connector too (it ran beside the first) or is waiting for the first to finish."""
    connector = service.connector
    connector.hold()
    try:
        first = asyncio.create_task(service.send(service.teams.personal_message(said, user=user)))
        await until(lambda: connector.holding >= 1 or first.done(),
                    what="the first message's turn at its reply")
        second = asyncio.create_task(
            service.send(service.teams.personal_message(said, user=user)))
        await until(lambda: connector.holding >= 2 or second.done()
                    or "waits for the turn before it" in caplog.text,
                    what="the second message beside the first, or waiting for it")
    finally:
        connector.release()
    return await first, await second


async def test_a_double_tapped_last_answer_of_new_ticket_files_one_ticket(
    service: Service, engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=WAITING_LOGGER)
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket VPN drops every hour", user=ada)
    await service.say("skip", user=ada)
    asked = await service.say("support", user=ada)
    high = presses(asked)["High"]

    first, second = await _both_at_once(service, high, ada, caplog)

    assert (first.answer.status, second.answer.status) == (200, 200)
    assert await _count(engine, tasks) == 1
    said = [texts_in(card) for card in first.cards + second.cards] + first.texts + second.texts
    assert sum("Filed TKT-" in text for text in said) == 1, said
    assert not any("two answers at once" in text for text in said), said


async def test_a_double_tapped_kind_of_ticket_asks_the_next_question_and_files_once(
    service: Service, engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    """Not the last answer: the second tap arrives after the first moved the dialog on."""
    caplog.set_level(logging.INFO, logger=WAITING_LOGGER)
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    await service.say("new ticket Badge reader broken", user=ada)
    asked = await service.say("skip", user=ada)
    incident = presses(asked)["Incident"]

    first, second = await _both_at_once(service, incident, ada, caplog)

    assert any("How urgent is it?" in text for text in first.texts), first.texts
    assert not any("two answers at once" in text for text in first.texts + second.texts)
    filed = await service.say("medium", user=ada)
    assert "Filed TKT-" in texts_in(filed.card)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["title"], row["category"], row["priority"]) == (
        "Badge reader broken", "incident", "medium")
    assert await _count(engine, task_comments) == 0


async def test_two_people_answering_in_their_own_chats_at_once_are_not_kept_waiting(
    service: Service, engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    """Each person's chat is its own conversation: one held reply holds up nobody else."""
    caplog.set_level(logging.INFO, logger=WAITING_LOGGER)
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    bob = await user_in_teams(service, engine, "bob@example.com", "Bob Builder")
    for person in (ada, bob):
        await service.say("new ticket VPN drops", user=person)
        await service.say("skip", user=person)
        await service.say("support", user=person)
    connector = service.connector
    connector.hold()
    try:
        first = asyncio.create_task(service.send(service.teams.personal_message("High", user=ada)))
        await until(lambda: connector.holding >= 1, what="ada's turn at its reply")
        second = asyncio.create_task(service.send(service.teams.personal_message("High", user=bob)))
        await until(lambda: connector.holding >= 2, what="bob's turn at its reply beside ada's")
    finally:
        connector.release()
    await first, await second
    assert "waits for the turn before it" not in caplog.text
    assert await _count(engine, tasks) == 2


async def test_a_burst_of_one_persons_messages_waits_without_holding_the_pool(
    engine: AsyncEngine, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    waiting = 3 * (SMALL_POOL["db_pool_size"] + SMALL_POOL["db_pool_overflow"])
    async with ConnectorStandIn() as connector:
        teams = TeamsActivities(service_url=connector.service_url, bot=BOT)
        async with running_service(database_url, connector, teams, **SMALL_POOL) as service:
            ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
            await service.say("hello", user=ada)
            connector.hold()
            try:
                first = asyncio.create_task(service.send(
                    teams.personal_message("new ticket: printer jams", user=ada)))
                await until(lambda: connector.holding >= 1 or first.done(),
                            what="the first message's turn at its reply")
                rest = [asyncio.create_task(service.send(
                    teams.personal_message(f"show ticket {n}", user=ada)))
                    for n in range(1, waiting + 1)]
                await until(lambda: caplog.text.count("waits for the turn before it") >= waiting
                            or any(task.done() for task in rest),
                            what=f"{waiting} messages waiting for the first")
            finally:
                connector.release()
            answers = [turn.answer.status for turn in await asyncio.gather(first, *rest)]
    assert answers == [200] * (waiting + 1)
