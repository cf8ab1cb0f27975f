"""A customer's week with the bot, and the agent who works their ticket: what each says is
done, and what the customer then sees."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, stored_ticket, texts_in, user_id_of, user_in_teams
from tests.integration.builders import insert_ticket


async def test_a_new_ticket_whose_title_says_what_does_not_work_is_filed(
    service: Service, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    asked = await service.say("new ticket laptop does not start", user=cy)
    assert "Describe it" in " ".join(asked.texts), asked.texts  # the filing goes on
    await service.say("black screen since this morning", user=cy)
    await service.say("Incident", user=cy)
    filed = await service.say("High", user=cy)
    assert "Laptop does not start" in texts_in(filed.card)
    async with engine.connect() as connection:
        titles = list((await connection.execute(select(tasks.c.title))).scalars())
        assert titles == ["Laptop does not start"]
        assert (await connection.execute(select(func.count()).select_from(tasks))).scalar() == 1


async def test_an_agent_asking_the_customer_something_in_a_comment_posts_it_for_them(
    service: Service, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    sam = await user_in_teams(service, engine, "sam@example.com", "Sam Agent")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 assignee_id=await user_id_of(engine, "sam@example.com"),
                                 number="TKT-2026-0040", title="Laptop won't turn on")
    await service.say("comment on 40: hi Cy, can you send me the laptop's serial number?",
                      user=sam)
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == [
        "hi Cy, can you send me the laptop's serial number?"]
    seen = await service.say("show TKT-2026-0040", user=cy)
    assert "hi Cy, can you send me the laptop's serial number?" in texts_in(seen.card)
