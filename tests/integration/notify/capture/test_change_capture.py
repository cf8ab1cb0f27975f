"""Changes the web app writes with plain SQL become the same notifications as ours."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from db.repositories.users import SqlUserRepository
from domain.services.tickets import comment_on_ticket, create_ticket, update_ticket
from notify.capture import CaptureConfig
from notify.worker import DeliveryWorker
from tests.actors import as_actor
from tests.integration.builders import insert_user
from tests.integration.notify.capture.conftest import CaptureFactory, waiting_changes
from tests.integration.notify.capture.webapp import WebApp
from tests.integration.notify.conftest import (
    Cast,
    Clock,
    Receiver,
    UnitOfWorkFactory,
    outbox_entries,
    subscribe,
)


async def _captured_before_anyone_listened(
    webapp: WebApp, make_capture: CaptureFactory, *, by: str, assignee_id: str | None = None
) -> int:
    """A ticket the web app filed, its creation already captured: what the test does next is
    the change under test."""
    ticket = await webapp.create_ticket(by=by, assignee_id=assignee_id)
    await make_capture().run_once()
    return ticket


async def _name(engine: AsyncEngine, user_id: str) -> str:
    async with engine.connect() as connection:
        user = await SqlUserRepository(connection).get(user_id)
    assert user is not None
    return user.display_name


async def test_a_status_change_in_the_web_app_reaches_the_webhook_with_its_actor_and_values(
    engine: AsyncEngine,
    webapp: WebApp,
    make_capture: CaptureFactory,
    webhook_worker: DeliveryWorker,
    receiver: Receiver,
    cast: Cast,
) -> None:
    admin, agent, customer = cast
    await subscribe(engine, admin, url=receiver.url("/ok"), types=["ticket_status_changed"])
    ticket = await webapp.create_ticket(by=customer, assignee_id=agent)

    await webapp.update(ticket, by=agent, status="in_progress")
    assert await make_capture().run_once() == 2
    await webhook_worker.run_once()

    [entry] = await outbox_entries(engine)
    assert (entry.event_type, entry.ticket_id) == ("ticket_status_changed", ticket)
    assert entry.payload["actor_id"] == agent
    assert entry.payload["changes"] == [["status", "open", "in_progress"]]
    [received] = receiver.received
    card = json.dumps(received.body, ensure_ascii=False)
    assert f"Status changed to In progress by {await _name(engine, agent)}" in card
    assert "Open → In progress" in card
    assert await waiting_changes(engine) == 0


async def test_a_web_app_change_without_a_history_row_is_told_as_someone_in_ticketflow(
    engine: AsyncEngine,
    webapp: WebApp,
    make_capture: CaptureFactory,
    webhook_worker: DeliveryWorker,
    receiver: Receiver,
) -> None:
    admin = await insert_user(engine, role="admin")
    customer = await insert_user(engine, role="customer")
    ticket = await _captured_before_anyone_listened(webapp, make_capture, by=customer)
    await subscribe(engine, admin, url=receiver.url("/ok"), types=["ticket_updated"])

    await webapp.update(ticket, by=None, history=False, title="Printer jams on floor 3")
    await make_capture().run_once()
    await webhook_worker.run_once()

    [entry] = await outbox_entries(engine)
    assert entry.payload["changes"] == [["title", "Printer jams", "Printer jams on floor 3"]]
    card = json.dumps(receiver.received[0].body, ensure_ascii=False)
    assert "Title changed by someone in TicketFlow" in card


async def test_one_web_app_update_can_be_several_events(
    engine: AsyncEngine, webapp: WebApp, make_capture: CaptureFactory, cast: Cast
) -> None:
    admin, agent, customer = cast
    ticket = await _captured_before_anyone_listened(webapp, make_capture, by=customer)
    await subscribe(engine, admin, url="https://acme.webhook.office.com/webhookb2/x")

    await webapp.update(ticket, by=agent, status="in_progress", assignee_id=agent, priority="high")
    await make_capture().run_once()

    entries = await outbox_entries(engine)
    assert [(e.event_type, e.payload["changes"]) for e in entries] == [
        ("ticket_status_changed", [["status", "open", "in_progress"]]),
        ("ticket_assigned", [["assignee", None, agent]]),
        ("ticket_updated", [["priority", "medium", "high"]]),
    ]
    assert {e.payload["actor_id"] for e in entries} == {agent}


async def test_a_web_app_comment_carries_its_text_and_author(
    engine: AsyncEngine,
    webapp: WebApp,
    make_capture: CaptureFactory,
    webhook_worker: DeliveryWorker,
    receiver: Receiver,
    cast: Cast,
) -> None:
    admin, agent, customer = cast
    ticket = await _captured_before_anyone_listened(
        webapp, make_capture, by=customer, assignee_id=agent)
    await subscribe(engine, admin, url=receiver.url("/ok"), types=["ticket_commented"])

    await webapp.comment(ticket, by=agent, content="Replaced the toner; please try again.")
    await make_capture().run_once()
    await webhook_worker.run_once()

    [entry] = await outbox_entries(engine)
    assert entry.payload["actor_id"] == agent
    assert entry.payload["comment_excerpt"] == "Replaced the toner; please try again."
    card = json.dumps(receiver.received[0].body, ensure_ascii=False)
    assert f"{await _name(engine, agent)} commented" in card
    assert "Replaced the toner; please try again." in card


async def test_our_own_changes_are_notified_exactly_once(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, make_capture: CaptureFactory
) -> None:
    admin = await insert_user(engine, role="admin")
    customer = await insert_user(engine, role="customer")
    await subscribe(engine, admin, url="https://acme.webhook.office.com/webhookb2/x")

    ticket = await create_ticket(
        uow=uow_factory(), actor=as_actor(customer), title="VPN drops", category="incident"
    )
    await update_ticket(uow=uow_factory(), actor=as_actor(admin), ticket=ticket.id, status="in_progress")
    await comment_on_ticket(uow=uow_factory(), actor=as_actor(customer), ticket=ticket.id, content="Hi")

    assert await waiting_changes(engine) == 0, "captured and dropped in the same transaction"
    assert await make_capture().run_once() == 0
    # one row per event (the admin's own status change is not told to the admin)
    assert [e.event_type for e in await outbox_entries(engine)] == [
        "ticket_created",
        "ticket_commented",
    ]


async def test_an_update_of_no_watched_field_captures_nothing(
    engine: AsyncEngine, webapp: WebApp, make_capture: CaptureFactory
) -> None:
    customer = await insert_user(engine, role="customer")
    ticket = await _captured_before_anyone_listened(webapp, make_capture, by=customer)

    async with engine.begin() as connection:
        await connection.execute(
            text("UPDATE tasks SET updated_at = CURRENT_TIMESTAMP, resolved_at = NULL"
                 " WHERE id = :id"),
            {"id": ticket},
        )

    assert await waiting_changes(engine) == 0


async def test_a_web_app_transaction_that_rolls_back_captures_nothing(
    engine: AsyncEngine, webapp: WebApp, make_capture: CaptureFactory
) -> None:
    customer = await insert_user(engine, role="customer")
    ticket = await _captured_before_anyone_listened(webapp, make_capture, by=customer)

    async with engine.connect() as connection:
        await connection.execute(
            text("UPDATE tasks SET status = 'closed' WHERE id = :id"), {"id": ticket}
        )
        await connection.rollback()

    assert await waiting_changes(engine) == 0


async def test_each_tickets_changes_reach_the_outbox_in_the_order_they_were_made(
    engine: AsyncEngine, webapp: WebApp, make_capture: CaptureFactory, cast: Cast
) -> None:
    admin, agent, customer = cast
    await subscribe(engine, admin, url="https://acme.webhook.office.com/webhookb2/x")
    first = await webapp.create_ticket(by=customer)
    second = await webapp.create_ticket(by=customer)
    for status in ("in_progress", "on_hold", "in_progress", "resolved"):
        await webapp.update(first, by=agent, status=status)
        await webapp.comment(second, by=agent, content=f"now {status}")

    await make_capture(CaptureConfig(batch_size=3)).run_once()

    entries = await outbox_entries(engine)
    moves = [e for e in entries if e.event_type == "ticket_status_changed"]
    assert [e.payload["changes"][0][2] for e in moves if e.ticket_id == first] == [
        "in_progress", "on_hold", "in_progress", "resolved"
    ]
    comments = [e for e in entries if e.event_type == "ticket_commented"]
    assert [e.payload["comment_excerpt"] for e in comments if e.ticket_id == second] == [
        "now in_progress", "now on_hold", "now in_progress", "now resolved"
    ]


async def test_changes_past_the_retention_limit_are_dropped_unnotified(
    engine: AsyncEngine, webapp: WebApp, make_capture: CaptureFactory, clock: Clock
) -> None:
    admin = await insert_user(engine, role="admin")
    customer = await insert_user(engine, role="customer")
    await subscribe(engine, admin, url="https://acme.webhook.office.com/webhookb2/x")
    await webapp.create_ticket(by=customer)
    clock.advance(timedelta(days=2).total_seconds())

    dropped = await make_capture(CaptureConfig(retention=timedelta(days=1))).prune()

    assert dropped == 1
    assert await waiting_changes(engine) == 0
    assert await outbox_entries(engine) == []


async def test_a_change_of_a_ticket_deleted_since_is_dropped(
    engine: AsyncEngine, webapp: WebApp, make_capture: CaptureFactory
) -> None:
    admin = await insert_user(engine, role="admin")
    customer = await insert_user(engine, role="customer")
    await subscribe(engine, admin, url="https://acme.webhook.office.com/webhookb2/x")
    ticket = await webapp.create_ticket(by=customer)
    async with engine.begin() as connection:
        await connection.execute(text("DELETE FROM task_history WHERE task_id = :id"), {"id": ticket})
        await connection.execute(text("DELETE FROM tasks WHERE id = :id"), {"id": ticket})

    assert await make_capture().run_once() == 1

    assert await outbox_entries(engine) == []
    assert await waiting_changes(engine) == 0


async def test_internal_notes_written_in_the_web_app_never_reach_a_channel_webhook(
    engine: AsyncEngine,
    webapp: WebApp,
    make_capture: CaptureFactory,
    webhook_worker: DeliveryWorker,
    receiver: Receiver,
    cast: Cast,
) -> None:
    """Everyone in a channel reads its webhook's cards (guests and customers too): an admin's
    change to the internal notes alone is not told there, and a change of notes and another
    field is told without the notes, though the subscription's owner is an admin."""
    admin, agent, customer = cast
    editor = await insert_user(engine, role="admin")
    ticket = await _captured_before_anyone_listened(webapp, make_capture, by=customer)
    await subscribe(engine, admin, url=receiver.url("/ok"), types=["ticket_updated"])

    await webapp.update(ticket, by=editor, notes="refund refused: account on legal hold")
    await webapp.update(ticket, by=editor, notes="legal says no refunds", priority="high")
    await make_capture().run_once()
    while await webhook_worker.run_once():
        pass

    [received] = receiver.received
    card = json.dumps(received.body, ensure_ascii=False)
    assert f"Priority changed by {await _name(engine, editor)}" in card
    assert "refund" not in card and "legal" not in card and "Notes" not in card


async def test_a_ticket_the_web_app_left_unreadable_does_not_hold_up_the_others_changes(
    engine: AsyncEngine, webapp: WebApp, make_capture: CaptureFactory, cast: Cast
) -> None:
    """A status, priority or category outside SCHEMA.md's values (`pending`, `High`,
    `hardware`) cannot become a ticket: every drain failed on it, so no change of any ticket
    in its batch, nor any captured after it, was ever notified."""
    admin, agent, customer = cast
    await subscribe(engine, admin, url="https://acme.webhook.office.com/webhookb2/x",
                    types=["ticket_status_changed", "ticket_updated"])
    odd = await _captured_before_anyone_listened(webapp, make_capture, by=customer)
    fine = await _captured_before_anyone_listened(webapp, make_capture, by=customer)
    await webapp.update(odd, by=agent, status="pending")
    await webapp.update(odd, by=agent, priority="High", category="hardware")
    await webapp.update(fine, by=agent, status="in_progress")

    assert await make_capture().run_once() == 3

    assert [(entry.event_type, entry.ticket_id) for entry in await outbox_entries(engine)] == [
        ("ticket_status_changed", fine)]
    assert await waiting_changes(engine) == 0
