"""Teams resends reaching two `ticketflow serve` processes on one PostgreSQL at once."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import texts_in
from tests.e2e.test_two_replicas import two_servers
from tests.integration.builders import insert_user

pytestmark = pytest.mark.postgres_only


async def _tickets(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(select(func.count()).select_from(tasks))).scalar_one())


async def test_one_form_submit_delivered_to_both_replicas_at_once_files_one_ticket(
    engine: AsyncEngine, database_url: str
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    async with two_servers(database_url) as (first, second):
        ada = first.person("ada@example.com", "Ada Lovelace")
        second.users = first.users
        await first.say("help", user=ada)  # her identity is linked once, before the race
        presses = [first.teams.card_action(
            "ticket.create", {"title": f"Resent {n}", "category": "support"}, user=ada)
            for n in range(5)]

        answers = await asyncio.gather(*(
            replica.post(press) for press in presses for replica in (first, second, first, second)
        ))

    assert Counter(answer.status for answer in answers) == {200: 20}, [a.text for a in answers]
    cards = [texts_in(answer.json["value"]) for answer in answers]
    assert all("Filed TKT-" in card or "Done." in card for card in cards), cards
    assert await _tickets(engine) == 5
