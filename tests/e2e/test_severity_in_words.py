"""Over HTTP: a ticket's severity, which its card shows, is changed in words as its priority
is ("set severity of 42 to major"); it was not understood ("Sorry, I didn't get …")."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service, person_in_teams, stored_ticket, texts_in
from tests.integration.builders import insert_ticket, this_years


async def test_a_severity_is_set_in_words_asked_for_and_offered_as_a_field(
    service: Service, engine: AsyncEngine
) -> None:
    ann_id, ann = await person_in_teams(service, engine, "Ann", "Admin", role="admin")
    ticket = await insert_ticket(engine, created_by=ann_id, number=this_years(42))

    said = await service.say("set the severity of 42 to major pls", user=ann)
    assert "Saved: severity." in texts_in(said.card), said.texts
    assert (await stored_ticket(engine, ticket, "severity"))["severity"] == "major"

    asked = await service.say("change severity of 42", user=ann)
    assert asked.texts == [f"Which severity should {this_years(42)} have?"], asked.texts
    assert asked.buttons == ["Minor", "Normal", "Major", "Critical"]
    await service.say("critical", user=ann)
    assert (await stored_ticket(engine, ticket, "severity"))["severity"] == "critical"

    wrong = await service.say("set the severity of 42 to purple", user=ann)
    assert wrong.texts[0].startswith("“purple” is not a severity."), wrong.texts
    assert (await stored_ticket(engine, ticket, "severity"))["severity"] == "critical"

    which = await service.say("update 42", user=ann)
    assert "Severity: critical" in which.buttons, which.buttons
