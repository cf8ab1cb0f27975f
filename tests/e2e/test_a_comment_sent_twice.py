"""The same comment sent twice in a row (a double Enter, or a client resending under a new
activity id on a poor connection) is posted once: before, the ticket had it twice and its
requester was notified twice. Both messages are answered with the ticket, its comment on it.
The same words later, or after someone else's comment, are a comment of their own."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_comments
from domain.services.tickets import REPEATED_PRESS
from tests.e2e.service import Service, texts_in
from tests.integration.builders import insert_ticket, insert_user, this_years


async def _comments(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as connection:
        rows = await connection.execute(select(task_comments.c.content).order_by(task_comments.c.id))
        return [content for (content,) in rows]


async def test_a_comment_sent_twice_in_a_row_is_posted_once(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await insert_user(engine, role="admin", email="ada@example.com", name="Ada Lovelace")
    await insert_ticket(engine, created_by=ada, number=this_years(40))
    person = service.person("ada@example.com", "Ada Lovelace")

    first = await service.say("comment on 40: toner swapped, printing again", user=person)
    second = await service.say("comment on 40: toner swapped, printing again", user=person)

    assert "Comment added." in texts_in(first.card)
    assert "toner swapped, printing again" in texts_in(second.card)
    assert await _comments(engine) == ["toner swapped, printing again"]


async def test_the_same_words_after_a_while_or_after_another_comment_are_posted_again(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await insert_user(engine, role="admin", email="ada@example.com", name="Ada Lovelace")
    await insert_user(engine, role="admin", email="sam@example.com", name="Sam Rivera")
    await insert_ticket(engine, created_by=ada, number=this_years(40))
    person = service.person("ada@example.com", "Ada Lovelace")
    sam = service.person("sam@example.com", "Sam Rivera")

    await service.say("comment on 40: still waiting on the vendor", user=person)
    await service.say("comment on 40: called them", user=sam)
    await service.say("comment on 40: still waiting on the vendor", user=person)
    with time_machine.travel(timedelta(seconds=REPEATED_PRESS.total_seconds() + 60), tick=True):
        await service.say("comment on 40: called them", user=sam)
        await service.say("comment on 40: called them", user=person)  # someone else's words

    assert await _comments(engine) == [
        "still waiting on the vendor", "called them", "still waiting on the vendor",
        "called them", "called them"]
