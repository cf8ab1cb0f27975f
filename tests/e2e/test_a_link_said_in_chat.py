"""A web-app link pasted into a message to the bot is the ticket it opens: the web app links
tickets by their stored id (`…/tickets/44`), which names no ticket number, so "close
https://…/tickets/44" was not understood and "see https://…/tickets/44" searched for the
link. For someone who may not see that ticket, or for a link to none, nothing changes and
the link is not read as a ticket (it reads as a link to no ticket does)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import WEB_URL, Service, file_ticket, person_in_teams, texts_in


async def _status(engine: AsyncEngine, number: str) -> str:
    async with engine.connect() as connection:
        return str((await connection.execute(
            select(tasks.c.status).where(tasks.c.ticket_number == number))).scalar_one())


async def test_a_pasted_link_by_id_is_the_ticket_it_opens(
    service: Service, engine: AsyncEngine
) -> None:
    mia, sender = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    await file_ticket(engine, mia, "Filed first, so the ids and the numbers differ")
    ticket = await file_ticket(engine, mia, "VPN drops every 10 minutes")
    link = f"{WEB_URL}/tickets/{ticket.id}"

    shown = await service.say(f"can you pull up {link}?", user=sender)
    assert ticket.ticket_number in texts_in(shown.card)
    assert "VPN drops every 10 minutes" in texts_in(shown.card)

    await service.say(f"close {link} pls, user confirmed it works.", user=sender)
    assert await _status(engine, ticket.ticket_number) == "closed"


async def test_a_link_to_a_ticket_one_may_not_see_or_to_none_changes_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    mia, _ = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    _, cy = await person_in_teams(service, engine, "Cy", "Customer", role="customer")
    ticket = await file_ticket(engine, mia, "Payroll export fails")

    for said in (f"close {WEB_URL}/tickets/{ticket.id}", f"show {WEB_URL}/tickets/{ticket.id}",
                 f"close {WEB_URL}/tickets/999999", f"close https://elsewhere.example/tickets/{ticket.id}"):
        answered = await service.say(said, user=cy)
        seen = " ".join(answered.texts + [texts_in(card) for card in answered.cards])
        assert "Payroll export fails" not in seen and ticket.ticket_number not in seen, (said, seen)
    assert await _status(engine, ticket.ticket_number) == "open"
