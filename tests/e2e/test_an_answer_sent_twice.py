"""An answer to a filing question sent twice moments apart (a client resending it under a
new activity id after a timeout, or a double Enter): before, the second copy answered the
next question too, so "Screen is black" became the title and the description, and the real
description went to "Which kind of ticket is it?". Now the question under way is asked
again. The same words sent once more, or after a while, are its answer."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from domain.services.tickets import REPEATED_PRESS
from tests.e2e.service import Service
from tests.integration.builders import insert_user

DESCRIBE = "Describe it in a few sentences: what happened, and what did you expect? (or say skip)"
WHICH_KIND = "Which kind of ticket is it?"


async def _filed(engine: AsyncEngine) -> list[tuple[str, str | None, str, str]]:
    async with engine.connect() as connection:
        return [tuple(row) for row in await connection.execute(
            select(tasks.c.title, tasks.c.description, tasks.c.category, tasks.c.priority))]


@pytest.mark.parametrize(("title", "filed"), [
    ("Screen is black", "Screen is black"), ("screen  is black", "Screen is black"),
    ("VPN drops every hour", "VPN drops every hour"),
])
async def test_a_title_sent_twice_is_not_taken_for_the_description(
    service: Service, engine: AsyncEngine, title: str, filed: str
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    await service.say("new ticket", user=ada)
    assert (await service.say(title, user=ada)).texts == [DESCRIBE]

    again = await service.say(" ".join(title.split()), user=ada)

    assert again.texts == [DESCRIBE]
    for said in ("No signal since the update", "incident", "high"):
        await service.say(said, user=ada)
    assert await _filed(engine) == [(filed, "No signal since the update", "incident", "high")]


async def test_a_description_sent_twice_is_not_taken_for_the_kind(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    for said in ("new ticket", "Screen is black", "No signal on HDMI"):
        await service.say(said, user=ada)

    again = await service.say("No signal on HDMI", user=ada)

    assert again.texts == [WHICH_KIND]
    for said in ("bug", "low"):
        await service.say(said, user=ada)
    assert await _filed(engine) == [("Screen is black", "No signal on HDMI", "bug", "low")]


async def test_the_same_words_sent_once_more_are_the_answer(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    for said in ("new ticket", "Printer jams", "Printer jams"):
        await service.say(said, user=ada)

    third = await service.say("Printer jams", user=ada)  # their description is their title

    assert third.texts == [WHICH_KIND]
    for said in ("support", "medium"):
        await service.say(said, user=ada)
    assert await _filed(engine) == [("Printer jams", "Printer jams", "support", "medium")]


async def test_the_same_words_sent_after_a_while_are_the_answer(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    for said in ("new ticket", "Printer jams"):
        await service.say(said, user=ada)

    with time_machine.travel(timedelta(seconds=REPEATED_PRESS.total_seconds() + 30), tick=True):
        later = await service.say("Printer jams", user=ada)
        for said in ("support", "medium"):
            await service.say(said, user=ada)

    assert later.texts == [WHICH_KIND]
    assert await _filed(engine) == [("Printer jams", "Printer jams", "support", "medium")]
