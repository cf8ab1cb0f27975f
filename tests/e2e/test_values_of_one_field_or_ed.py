"""Over HTTP: "show high or urgent tickets" listed every ticket not yet resolved, whatever
its priority, and "how many are high or urgent" went to the help documents; "open or on hold
tickets" listed in progress ones too. Each now lists the tickets with any of the values said,
and the card's Next keeps them."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service, person_in_teams, texts_in
from tests.integration.builders import insert_ticket


@pytest.mark.parametrize(("said", "listed", "header"), [
    ("show high or urgent tickets", {"Core switch down", "VPN drops", "Server on fire"},
     "high or urgent"),
    ("how many are high or urgent", {"Core switch down", "VPN drops", "Server on fire"},
     "high or urgent"),
    ("show open or on hold tickets", {"Core switch down", "Mouse squeaks", "Server on fire"},
     "open or on hold"),
])
async def test_a_list_of_values_joined_by_or_lists_any_of_them(
    service: Service, engine: AsyncEngine, said: str, listed: set[str], header: str
) -> None:
    admin, max_ = await person_in_teams(service, engine, "Max", "Admin", role="admin")
    for title, priority, status in (
            ("Core switch down", "high", "open"), ("VPN drops", "urgent", "in_progress"),
            ("Mouse squeaks", "low", "on_hold"), ("Server on fire", "urgent", "open"),
            ("Old urgent one", "urgent", "closed"), ("Printer paper", "medium", "in_progress")):
        await insert_ticket(engine, created_by=admin, title=title, priority=priority,
                            status=status)

    shown = texts_in((await service.say(said, user=max_)).card)

    titles = {"Core switch down", "VPN drops", "Mouse squeaks", "Server on fire",
              "Old urgent one", "Printer paper"}
    assert {title for title in titles if title in shown} == listed
    assert header in shown
