"""What a show-ticket turn asks the database: the company settings are read once, for the
ticket prefix understanding needs, and handed on to the card; the viewer is read once, by
the card's use case, which applies the access rule."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncEngine

from db.uow import SqlUnitOfWork
from domain.services.tickets import create_ticket
from tests.actors import as_actor
from tests.e2e.service import Service, texts_in
from tests.e2e.test_conversations import person

_FROM = re.compile(r"\bFROM\s+\"?(\w+)\"?", re.IGNORECASE)


@contextmanager
def statements() -> Iterator[list[str]]:
    """Every statement any engine of this process runs while the block is open."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def reads_of(table: str, seen: list[str], *, column: str = "id") -> int:
    """SELECTs of `table`.`column` whose first table is `table`."""
    found = (_FROM.search(s) for s in seen
             if s.lstrip().upper().startswith("SELECT") and f"{table}.{column}" in s)
    return sum(1 for match in found if match is not None and match.group(1) == table)


async def test_a_show_ticket_turn_reads_the_company_settings_and_the_viewer_once_each(
    service: Service, engine: AsyncEngine
) -> None:
    manager = await person(engine, "Mia", "Manager", role="manager")
    ticket = await create_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(manager),
                                 title="Badge reader blinks red", category="support")
    mia = service.person("mia.manager@example.com", "Mia Manager")
    number = int(ticket.ticket_number[-4:])
    await service.say(f"show ticket {number}", user=mia)  # enrols Mia, warms the caches

    for phrasing in (f"show ticket {number}", f"what's the status of #{number}?",
                     ticket.ticket_number.lower(), f"Ticket {number} please"):
        with statements() as seen:
            shown = await service.say(phrasing, user=mia)
        assert "Badge reader blinks red" in texts_in(shown.card), phrasing
        # Read for the prefix, then reused for the card's header.
        assert reads_of("company_settings", seen) == 1, (phrasing, seen)
        # The card loads the viewer to apply the access rule; understanding does not.
        assert reads_of("users", seen, column="email") == 1, (phrasing, seen)
