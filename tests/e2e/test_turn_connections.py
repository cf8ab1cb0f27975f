"""How many pooled connections a turn takes: one, held from the receipt to the answer, so
that a turn neither waits for the pool twice nor holds several sessions at once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import Pool

from db.uow import SqlUnitOfWork
from domain.services.tickets import create_ticket
from tests.actors import as_actor
from tests.e2e.service import Service, data, texts_in
from tests.integration.builders import insert_person, insert_team

CARD_TURN_CHECKOUTS = 1
STATUS_BUTTON_CHECKOUTS = 1


@contextmanager
def checkouts() -> Iterator[list[str]]:
    """The name of the task behind every pool check-out while the block is open, but for
    the service's background loops (tasks named `ticketflow-…`), which poll at any moment."""
    seen: list[str] = []

    def record(*_: Any) -> None:
        task = asyncio.current_task()
        name = task.get_name() if task is not None else "(no task)"
        if not name.startswith("ticketflow-"):
            seen.append(name)

    event.listen(Pool, "checkout", record)
    try:
        yield seen
    finally:
        event.remove(Pool, "checkout", record)


async def test_a_card_turn_and_its_status_button_each_take_one_connection(
    service: Service, engine: AsyncEngine
) -> None:
    manager = await insert_person(engine, "Mia", "Manager", role="manager")
    await insert_team(engine, "Desk", manager)
    ticket = await create_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(manager),
                                 title="Badge reader blinks red", category="support")
    mia = service.person("mia.manager@example.com", "Mia Manager")
    await service.say(ticket.ticket_number, user=mia)  # enrols Mia, warms the caches

    with checkouts() as taken:
        card = (await service.say(ticket.ticket_number, user=mia)).card
    assert "Badge reader blinks red" in texts_in(card)
    assert len(taken) == CARD_TURN_CHECKOUTS, taken

    with checkouts() as taken:
        pressed = await service.press(
            "ticket.status", {**data(card, "ticket.status"), "status": "in_progress"}, user=mia)
    assert "is now in progress" in texts_in(pressed)
    assert len(taken) == STATUS_BUTTON_CHECKOUTS, taken
