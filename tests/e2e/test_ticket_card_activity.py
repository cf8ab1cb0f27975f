"""The ticket card over HTTP: the latest comments, and the history behind its toggle."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_history, tasks
from db.uow import SqlUnitOfWork
from domain.services.tickets import comment_on_ticket, update_ticket
from tests.actors import as_actor
from tests.e2e.service import Service, file_ticket, person_in_teams, texts_in
from tests.integration.builders import insert_person
from tests.unit.bot.cards.schema import assert_valid_card


def history_of(card: dict[str, Any]) -> str:
    [box] = [e for e in card["body"] if str(e.get("id", "")).startswith("history-")]
    assert box["isVisible"] is False
    return texts_in(box)


def comments_of(card: dict[str, Any]) -> str:
    return texts_in({"body": [e for e in card["body"] if not str(e.get("id", "")).startswith(
        "history-")]})


async def test_the_card_shows_the_latest_comments_and_a_history_without_internal_notes(
    service: Service, engine: AsyncEngine
) -> None:
    admin, mia = await person_in_teams(service, engine, "Mia", "Admin", role="admin")
    customer, cleo = await person_in_teams(service, engine, "Cleo", "Customer", role="customer")
    ticket = await file_ticket(engine, customer, "Invoice missing", category="request")
    for n, text in enumerate(("Looking", "Asked finance", "Finance found it", "Sent again")):
        author = customer if n % 2 else admin
        await comment_on_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(author),
                                ticket=ticket.ticket_number, content=text)
    await update_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(admin),
                        ticket=ticket.ticket_number, status="in_progress")
    async with engine.begin() as connection:  # the web app's internal progress note
        await connection.execute(task_history.insert().values(
            task_id=ticket.id, user_id=admin, action="updated", field="notes", old_value=None,
            new_value="Vendor blames the mail relay", created_at=datetime(2026, 12, 2, 10, 0)))
        await connection.execute(tasks.update().values(notes="Vendor blames the mail relay"))

    staff = (await service.say(f"show {ticket.ticket_number}", user=mia)).card
    own = (await service.say(f"show {ticket.ticket_number}", user=cleo)).card

    for card in (staff, own):
        assert_valid_card(card)
        shown = comments_of(card)
        assert "Latest comments (3 of 4)" in shown
        assert "Asked finance" in shown and "Sent again" in shown and "Looking" not in shown
        assert "Cleo Customer · " in shown and "Mia Admin · " in shown
        history = history_of(card)
        assert "Mia Admin" in history and "status: open → in progress" in history
        assert "Cleo Customer" in history and "filed the ticket" in history
    assert "Vendor blames the mail relay" in history_of(staff)
    assert "mail relay" not in str(own)


async def test_an_assignment_in_the_history_names_the_person_not_their_id(
    service: Service, engine: AsyncEngine
) -> None:
    admin, mia = await person_in_teams(service, engine, "Mia", "Admin", role="admin")
    lee = await insert_person(engine, "Lee", "Park")
    ticket = await file_ticket(engine, admin, "Laptop slow")
    done = await service.say(f"assign {ticket.ticket_number} to Lee Park", user=mia)
    history = history_of(done.card)
    assert "assigned it to Lee Park" in history and lee not in history


async def test_a_card_everyone_in_a_channel_sees_leaves_internal_notes_out_of_its_history(
    service: Service, engine: AsyncEngine
) -> None:
    """A card a staff member has drawn in a channel (said there, or updated by their press)
    is seen by everyone in it, guests included: its history showed changes to the internal
    notes. The refresh Teams asks for each person is theirs alone, and shows them."""
    admin, mia = await person_in_teams(service, engine, "Mia", "Admin", role="admin")
    customer, _ = await person_in_teams(service, engine, "Cleo", "Customer", role="customer")
    ticket = await file_ticket(engine, customer, "Invoice missing", category="request")
    async with engine.begin() as connection:  # the web app's internal progress note
        await connection.execute(task_history.insert().values(
            task_id=ticket.id, user_id=admin, action="updated", field="notes", old_value=None,
            new_value="Vendor blames the mail relay", created_at=datetime(2026, 12, 2, 10, 0)))
    press = {"ticket_id": ticket.id, "version": ticket.version}

    said = (await service.say_in_channel(f"@TicketFlow show {ticket.ticket_number}",
                                         user=mia)).card
    pressed = await service.press("ticket.refresh", press, user=mia, in_channel=True)
    refresh = service.teams.card_action("ticket.refresh", press, user=mia, in_channel=True)
    refresh["value"]["trigger"] = "automatic"
    own = (await service.send(refresh)).card
    personal = await service.press("ticket.refresh", press, user=mia)

    for shared in (said, pressed):
        assert "filed the ticket" in history_of(shared) and "mail relay" not in str(shared)
    assert "Vendor blames the mail relay" in history_of(own)
    assert "Vendor blames the mail relay" in history_of(personal)
