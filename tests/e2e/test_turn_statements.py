"""What a show-ticket turn asks the database: the company settings are read once, for the
ticket prefix understanding needs, and handed on to the card; the viewer is read once, by
the card's use case, which applies the access rule. The statement budgets of a card turn
and of its status button are regression guards: lower them when a statement goes. Each
runs on one pooled connection, held from the receipt to the answer (`db/connections.py`)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import Pool

from db.tables import task_comments, task_history
from db.uow import SqlUnitOfWork
from domain.services.overview import RECENT_CHANGES, RECENT_COMMENTS
from domain.services.tickets import comment_on_ticket, update_ticket
from domain.tickets import Assignee
from tests.actors import as_actor
from tests.e2e.service import Service, data, file_ticket, person_in_teams, texts_in
from tests.e2e.turn_events import turn_events
from tests.integration.builders import insert_team

_FROM = re.compile(r"\bFROM\s+\"?(\w+)\"?", re.IGNORECASE)
_SQL = ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")
_BACKGROUND = ("notification_outbox", "SKIP LOCKED")
"""The delivery and change-capture workers share the service's process: their polls are
not the turn's."""
CARD_TURN_STATEMENTS = 10
"""Receipt, state, company settings, viewer, ticket, the viewer's teams (assign picker),
latest comments, latest changes, and the refresh audience (actors, accounts)."""
STATUS_BUTTON_STATEMENTS = 20
"""Receipt, the write (capture mark, viewer, ticket, the delivery's earlier change if a
resend (94d2521: a resent press after a crash writes nothing twice), update, the delivery's
change recorded, history, the change's notices
in two, forgetting its own captured changes, the next capture mark), then the card drawn from
the write's viewer and ticket (the viewer's teams, latest comments, latest changes, company
settings, refresh audience in two), the upsert that makes the ticket "it", and the invoke's
answer kept."""
CHECKOUTS_PER_TURN = 1
"""A card turn and a status button alike (5 each before a turn held one connection)."""


def statements() -> AbstractContextManager[list[str]]:
    """Every statement any engine of this process runs for the turn while the block is open."""
    return turn_events(Engine, "before_cursor_execute", lambda _c, _cur, statement, *_: statement)


def checkouts() -> AbstractContextManager[list[object]]:
    """Every pool check-out for the turn while the block is open."""
    return turn_events(Pool, "checkout", lambda dbapi_connection, *_: dbapi_connection)


@contextmanager
def connections_held_by_tasks() -> Iterator[dict[str, int]]:
    """Per task that checked a connection out inside the block: how many it still holds
    (what other tasks give back, e.g. an earlier turn finishing, is not counted)."""
    held: dict[str, int] = {}

    def taken(*_: Any) -> None:
        task = asyncio.current_task()
        if task is not None and not task.get_name().startswith("ticketflow-"):
            held[task.get_name()] = held.get(task.get_name(), 0) + 1

    def given_back(*_: Any) -> None:
        task = asyncio.current_task()
        if task is not None and task.get_name() in held:
            held[task.get_name()] -= 1

    event.listen(Pool, "checkout", taken)
    event.listen(Pool, "checkin", given_back)
    try:
        yield held
    finally:
        event.remove(Pool, "checkout", taken)
        event.remove(Pool, "checkin", given_back)


def turn_statements(seen: list[str]) -> list[str]:
    """The turn's own SQL: no BEGIN/COMMIT/PRAGMA, nothing a background worker ran."""
    return [s for s in seen if s.lstrip().upper().startswith(_SQL)
            and not any(word in s for word in _BACKGROUND)]


def first_table(statement: str) -> str | None:
    match = _FROM.search(statement)
    return match.group(1) if match else None


def reads_of(table: str, seen: list[str], *, column: str = "id") -> int:
    """SELECTs of `table`.`column` whose first table is `table`."""
    found = (_FROM.search(s) for s in seen
             if s.lstrip().upper().startswith("SELECT") and f"{table}.{column}" in s)
    return sum(1 for match in found if match is not None and match.group(1) == table)


async def test_a_show_ticket_turn_reads_the_company_settings_and_the_viewer_once_each(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    ticket = await file_ticket(engine, manager, "Badge reader blinks red")
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


async def test_a_card_turn_and_its_status_button_stay_within_their_statement_budgets(
    service: Service, engine: AsyncEngine
) -> None:
    """Whatever the ticket's age: a long history and many comments cost the same statements."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    await insert_team(engine, "Desk", manager)
    ticket = await file_ticket(engine, manager, "Badge reader blinks red")
    await update_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(manager), ticket=ticket.id,
                        assignee=Assignee.user(manager))
    for n in range(RECENT_COMMENTS + 5):
        await comment_on_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(manager),
                                ticket=ticket.id, content=f"Comment {n}")
    async with engine.begin() as connection:  # an old ticket: a long history
        await connection.execute(task_history.insert(), [
            {"task_id": ticket.id, "user_id": manager, "action": "updated", "field": "priority",
             "old_value": "low", "new_value": "high"} for _ in range(RECENT_CHANGES * 5)])
    await service.say(ticket.ticket_number, user=mia)  # enrols Mia, warms the caches

    with statements() as seen, checkouts() as taken:
        card = (await service.say(ticket.ticket_number, user=mia)).card
    shown = texts_in(card)
    assert len(taken) == CHECKOUTS_PER_TURN, taken
    assert f"Comment {RECENT_COMMENTS + 4}" in shown and "Comment 0" not in shown
    assert len(turn_statements(seen)) <= CARD_TURN_STATEMENTS, turn_statements(seen)
    # Bounded in SQL: no read of a ticket's comments or history is without a LIMIT.
    listed = [s for s in turn_statements(seen) if "ORDER BY" in s and "LIMIT" not in s
              and first_table(s) in (task_comments.name, task_history.name)]
    assert not listed, listed

    with statements() as seen, checkouts() as taken:
        pressed = await service.press(
            "ticket.status", {**data(card, "ticket.status"), "status": "in_progress"}, user=mia)
    assert "is now in progress" in texts_in(pressed)
    assert len(turn_statements(seen)) <= STATUS_BUTTON_STATEMENTS, "\n".join(turn_statements(seen))
    assert len(taken) == CHECKOUTS_PER_TURN, taken
    # Drawn from the write's result, the card carries the version the write stored.
    again = await service.press(
        "ticket.status", {**data(pressed, "ticket.status"), "status": "on_hold"}, user=mia)
    assert "is now on hold" in texts_in(again), texts_in(again)


async def test_a_turn_holds_no_connection_while_teams_keeps_its_reply_waiting(
    service: Service, engine: AsyncEngine
) -> None:
    """The turn's connection goes back to the pool before it posts: a connector that hangs
    (or throttles, or a pacing wait) holds up that turn, not everyone's database sessions."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    ticket = await file_ticket(engine, manager, "Badge reader blinks red")
    await service.say(ticket.ticket_number, user=mia)  # enrols Mia

    service.connector.hold(("send", "reply"))
    with connections_held_by_tasks() as held:
        turn = asyncio.create_task(service.say(ticket.ticket_number, user=mia))
        await service.connector.wait_until(lambda connector: connector.holding == 1)
        while_waiting = dict(held)
        service.connector.release()
        card = (await turn).card
    assert while_waiting, "the turn read the ticket before it posted the card"
    assert sum(while_waiting.values()) == 0, (
        f"connections checked out while the reply waited for Teams: {while_waiting}")
    assert ticket.ticket_number in texts_in(card)
