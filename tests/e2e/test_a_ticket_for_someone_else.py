"""A ticket asked for someone else ("open a ticket on behalf of dora about the vpn") was filed
titled "Behalf of dora about the vpn". TicketFlow keeps no requester apart from whoever files
a ticket, so the writer files it: the chat says so, the title is the problem, and the
description notes who it is for."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, user_in_teams

SAID = ("TicketFlow records whoever files a ticket as its requester, so this one will be "
        "yours; I'll note in its description that it is for dora.")


@pytest.mark.parametrize(("said", "answers", "title", "description"), [
    ("open a ticket on behalf of dora about the vpn", ("it drops every hour",), "The vpn",
     "it drops every hour\n\nFiled on behalf of dora."),
    ("can u make a ticket for dora for this", ("vpn keeps dropping", "skip"),
     "Vpn keeps dropping", "Filed on behalf of dora."),
])
async def test_a_ticket_for_someone_else_is_filed_by_the_writer_noting_whom_for(
    service: Service, engine: AsyncEngine, said: str, answers: tuple[str, ...], title: str,
    description: str,
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Agent")

    asked = await service.say(said, user=ada)
    for answer in (*answers, "Support", "Low"):
        await service.say(answer, user=ada)

    assert asked.texts[0] == SAID
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks))).mappings().one()
    assert (row["title"], row["description"]) == (title, description)
