"""Over HTTP: "can you log two tickets: printer jammed on 3rd floor, and vpn keeps dropping"
listed a search for "3rd floor, and vpn keeps dropping". The first is filed as one alone is
(asked step by step), and the next is offered once it is filed; pressing it files that one the
same way."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, presses, user_in_teams


async def test_two_tickets_asked_at_once_are_filed_one_after_the_other(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Agent")

    asked = await service.say(
        "can you log two tickets: printer jammed on 3rd floor, and vpn keeps dropping", user=ada)
    for answer in ("skip", "Support"):
        await service.say(answer, user=ada)
    filed = await service.say("Low", user=ada)
    assert presses(filed) == {"File it": "new ticket: Vpn keeps dropping"}
    assert "Next, “Vpn keeps dropping”?" in filed.texts
    await service.say(presses(filed)["File it"], user=ada)
    for answer in ("skip", "Incident", "High"):
        await service.say(answer, user=ada)

    assert asked.texts[0] == ("You asked for 2 tickets: let's file “Printer jammed on 3rd "
                              "floor” first, and I'll offer “Vpn keeps dropping” once it is filed.")
    async with engine.connect() as connection:
        rows = (await connection.execute(select(tasks.c.title, tasks.c.priority)
                                         .order_by(tasks.c.id))).all()
    assert [tuple(row) for row in rows] == [("Printer jammed on 3rd floor", "low"),
                                            ("Vpn keeps dropping", "high")]
