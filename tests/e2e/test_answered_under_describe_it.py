"""What people answer under "Describe it in a few sentences…" that is no description.

Found by playing a customer filing a ticket: "yes" was filed as the description (after
"that didn't help, make a ticket", the bot's "Let's file … as a ticket." reads like a
question), and "incident", said ahead of "Which kind of ticket is it?", was filed as the
description and the kind asked all the same.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, TeamsUser, user_in_teams

DESCRIBE = "Describe it in a few sentences"


async def _filing(service: Service, engine: AsyncEngine) -> TeamsUser:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    asked = await service.say("new ticket: outlook crashes when I open the shared calendar",
                              user=cy)
    assert DESCRIBE in asked.texts[-1], asked.texts
    return cy


async def _filed(engine: AsyncEngine) -> dict[str, Any]:
    async with engine.connect() as connection:
        rows = (await connection.execute(select(tasks))).mappings().all()
    assert len(rows) == 1, rows
    return dict(rows[0])


@pytest.mark.parametrize("said", ["yes", "Yep", "yes please", "ok", "sure 👍", "yeah sure"])
async def test_a_yes_under_describe_it_is_no_description_and_it_is_asked_again(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    cy = await _filing(service, engine)
    again = await service.say(said, user=cy)
    assert any(DESCRIBE in text or "skip" in text for text in again.texts), again.texts
    assert "Which kind of ticket is it?" not in again.texts
    await service.say("skip", user=cy)
    await service.say("Incident", user=cy)
    await service.say("High", user=cy)
    assert (await _filed(engine))["description"] in (None, "")


@pytest.mark.parametrize(("said", "category", "priority", "noted"), [
    ("incident", "incident", None, "kind Incident"),
    ("Bug", "bug", None, "kind Bug"),
    ("it's a bug", "bug", None, "kind Bug"),
    ("incident, high", "incident", "high", "kind Incident, High priority"),
    ("urgent", None, "urgent", "Urgent priority"),
    ("high pls", None, "high", "High priority"),
])
async def test_a_kind_or_urgency_said_under_describe_it_is_noted_and_not_asked_again(
    service: Service, engine: AsyncEngine, said: str, category: str | None,
    priority: str | None, noted: str,
) -> None:
    """Noted as "make it urgent" said there is, and the description asked again: it is
    neither the description nor (for "urgent") a list of urgent tickets."""
    cy = await _filing(service, engine)
    reply = (await service.say(said, user=cy)).texts
    assert reply[0] == f"Noted for the new ticket: {noted}.", reply
    assert DESCRIBE in reply[-1], reply
    texts = (await service.say("skip", user=cy)).texts
    if category is None:
        assert texts[-1] == "Which kind of ticket is it?", texts
        texts = (await service.say("Incident", user=cy)).texts
    if priority is None:
        assert texts[-1] == "How urgent is it?", texts
        await service.say("Medium", user=cy)
    row = await _filed(engine)
    assert row["description"] in (None, ""), row["description"]
    assert row["category"] == (category or "incident")
    assert row["priority"] == (priority or "medium")


@pytest.mark.parametrize("said", [
    "bug in the calendar view, it closes outlook every time",
    "yes it crashes every time I open the team calendar",
    "incident with the same calendar as last week",
])
async def test_a_description_that_names_a_kind_stays_the_description(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    cy = await _filing(service, engine)
    kind = await service.say(said, user=cy)
    assert kind.texts[-1] == "Which kind of ticket is it?", kind.texts
    await service.say("Incident", user=cy)
    await service.say("Medium", user=cy)
    assert (await _filed(engine))["description"] == said
