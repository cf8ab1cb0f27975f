"""Over HTTP: "what did I miss", "what changed since yesterday", "catch me up" list the
tickets updated since then, in every status (one resolved this morning too); they went to
the help assistant, which found nothing and offered to file the question as a ticket."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.clock import utcnow
from tests.e2e.service import Service, person_in_teams, texts_in
from tests.integration.builders import insert_ticket, this_years


@pytest.mark.parametrize("said", [  # since yesterday: a run across midnight sees the same
    "what did i miss since yesterday", "catch me up since yesterday", "what changed since yesterday?",
    "anything happen overnight?",
])
async def test_what_changed_lists_the_tickets_updated_since_in_every_status(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    ann_id, ann = await person_in_teams(service, engine, "Ann", "Admin", role="admin")
    now = utcnow()
    await insert_ticket(engine, created_by=ann_id, number=this_years(41), status="resolved",
                        title="Resolved just now", updated_at=now)
    await insert_ticket(engine, created_by=ann_id, number=this_years(42),
                        title="Untouched for a week", updated_at=now - timedelta(days=7),
                        created_at=now - timedelta(days=8))

    turn = await service.say(said, user=ann)

    shown = texts_in(turn.card)
    assert "updated since" in shown and "every status" in shown, shown
    assert "Resolved just now" in shown and "Untouched for a week" not in shown
