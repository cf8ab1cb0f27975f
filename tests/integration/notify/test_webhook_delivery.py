"""Delivering to a webhook receiver on 127.0.0.1 that fails, times out, throttles, goes away."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.repositories.notification_facts import notice_facts_reader
from db.repositories.outbox import SqlOutbox
from db.repositories.outbox_status import SqlOutboxStatus
from db.tables import teams_integration_settings
from domain.notifications import Target
from domain.services.tickets import comment_on_ticket, create_ticket
from notify.deliverers import ADAPTIVE_CARD
from notify.deliveries import DeliveryStatus
from notify.retries import RetryPolicy
from notify.webhook_url import WebhookPolicy
from notify.worker import WorkerConfig
from tests.actors import as_actor
from tests.integration.builders import insert_user
from tests.integration.notify.conftest import (
    LOOPBACK,
    Cast,
    Clock,
    Receiver,
    UnitOfWorkFactory,
    WorkerFactory,
    admin_subscribed,
    file_a_bug,
    outbox_entries,
    statuses,
    subscribe,
)
from tests.unit.bot.cards.schema import assert_valid_card
from tests.waiting import SAFETY_NET, eventually, until


async def test_every_event_arrives_once_after_dedup_through_failures_timeouts_429_and_410(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    clock: Clock,
    make_worker: WorkerFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    customer = await insert_user(engine, role="customer")
    paths = ["/ok", "/flaky", "/slow", "/throttled", "/gone"]
    owners = {}
    for path in paths:
        owners[path] = await insert_user(engine, role="admin")
        await subscribe(engine, owners[path], url=receiver.url(path))
    for n in range(3):
        await create_ticket(
            uow=uow_factory(), actor=as_actor(customer), title=f"Ticket {n}", category="bug"
        )
    worker = make_worker()

    with caplog.at_level(logging.WARNING, logger="notify.worker"):
        assert await worker.run_once() == 15
    assert await statuses(engine) == {
        DeliveryStatus.DELIVERED: 3,
        DeliveryStatus.PENDING: 9,
        DeliveryStatus.DISABLED: 3,
    }
    assert f"disabled webhook {receiver.url('/gone')}: HTTP 410" in caplog.text

    clock.advance(5)  # the first backoff, halved by zero jitter
    assert await worker.run_once() == 6
    assert receiver.seen("/throttled").total() == 3, "Retry-After: 7 is not over yet"
    clock.advance(2)
    assert await worker.run_once() == 3
    assert await worker.run_once() == 0

    entries = await outbox_entries(engine)
    for path in ["/ok", "/flaky", "/slow", "/throttled"]:
        sent = {e.delivery_id for e in entries if e.target.key == receiver.url(path)}
        seen = receiver.seen(path)
        assert set(seen) == sent and len(sent) == 3, path
        assert set(seen.values()) == ({1} if path == "/ok" else {2}), path
    assert await statuses(engine) == {DeliveryStatus.DELIVERED: 12, DeliveryStatus.DISABLED: 3}
    assert all(e.last_error == "HTTP 410" for e in entries if e.status is DeliveryStatus.DISABLED)

    async with engine.connect() as connection:
        enabled = dict(
            (
                await connection.execute(
                    select(
                        teams_integration_settings.c.user_id, teams_integration_settings.c.enabled
                    )
                )
            ).all()
        )
    assert enabled.pop(owners["/gone"]) is False
    assert all(enabled.values())
    await file_a_bug(uow_factory, customer, "After")
    assert not [
        e
        for e in await outbox_entries(engine)
        if e.target.key == receiver.url("/gone") and e.status is DeliveryStatus.PENDING
    ]


async def test_the_posted_message_is_an_adaptive_card_with_links_only(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    make_worker: WorkerFactory,
) -> None:
    admin, customer = await admin_subscribed(engine, url=receiver.url("/ok"))
    ticket = await create_ticket(
        uow=uow_factory(), actor=as_actor(customer), title="VPN drops", category="bug"
    )

    await make_worker().run_once()

    [message] = [r.body for r in receiver.received]
    assert message["type"] == "message"
    [attachment] = message["attachments"]
    assert attachment["contentType"] == ADAPTIVE_CARD
    card = attachment["content"]
    assert_valid_card(card)
    assert [(a["type"], a["url"]) for a in card["actions"]] == [
        ("Action.OpenUrl", f"https://tickets.example.com/tickets/{ticket.id}"),
        (
            "Action.OpenUrl",
            "https://teams.microsoft.com/l/chat/0/0?users=28:app-id"
            f"&message=ticket%20{ticket.ticket_number}",
        ),
    ]


async def test_a_stored_url_the_current_policy_refuses_is_never_called(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    make_worker: WorkerFactory,
) -> None:
    admin = await insert_user(engine, role="admin")
    other = await insert_user(engine, role="admin")
    customer = await insert_user(engine, role="customer")
    await subscribe(engine, admin, url=receiver.url("/refused"))
    await subscribe(engine, other, url=receiver.url("/refused").replace("://", "://user:pw@"))
    await file_a_bug(uow_factory, customer)

    await make_worker(policy=WebhookPolicy()).run_once()

    [entry] = await outbox_entries(engine)  # the user:pw@ URL was refused when written
    assert entry.status is DeliveryStatus.DEAD
    assert entry.last_error is not None and entry.last_error.startswith("URL refused")
    assert receiver.received == []


WEBHOOK_CHANGES = {
    "webhook-removed": ({"webhook_url": None}, False),
    "subscription-switched-off": ({"enabled": False}, False),
    "webhook-replaced": ({"webhook_url": "/ok"}, False),
    "types-narrowed-to-what-it-still-wants": ({"notification_types": ["ticket_created"]}, True),
    "types-narrowed-to-others": ({"notification_types": ["ticket_assigned",
                                                        "ticket_commented"]}, False),
    "types-emptied": ({"notification_types": []}, False),
    "channel-added-beside-it": ({"team_id": "19:desk", "channel_id": "19:desk-general"}, True),
}


@pytest.mark.parametrize("change", list(WEBHOOK_CHANGES))
async def test_a_webhook_taken_off_while_its_delivery_waits_is_not_called_again(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    clock: Clock,
    make_worker: WorkerFactory,
    change: str,
) -> None:
    """The retry of a failed post went to the webhook its owner had since removed (or
    switched off, or replaced): the URL is the owner's choice at delivery, as access is."""
    admin, customer = await admin_subscribed(engine, url=receiver.url("/flaky"))
    await file_a_bug(uow_factory, customer)
    worker = make_worker()
    assert await worker.run_once() == 1
    assert receiver.seen("/flaky").total() == 1  # answered 500: retried after a backoff
    values, called = WEBHOOK_CHANGES[change]
    if values.get("webhook_url"):
        values = {**values, "webhook_url": receiver.url(str(values["webhook_url"]))}
    async with engine.begin() as connection:
        await connection.execute(update(teams_integration_settings).where(
            teams_integration_settings.c.user_id == admin).values(**values))

    clock.advance(5)
    await worker.run_once()

    assert receiver.seen("/flaky").total() == (2 if called else 1)
    assert receiver.seen("/ok").total() == 0
    [entry] = await outbox_entries(engine)
    assert entry.status is (DeliveryStatus.DELIVERED if called else DeliveryStatus.DEAD)


async def test_a_delivery_is_dead_after_its_last_attempt_and_retry_dead_brings_it_back(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    clock: Clock,
    make_worker: WorkerFactory,
) -> None:
    admin, customer = await admin_subscribed(engine, url=receiver.url("/flaky"))
    await file_a_bug(uow_factory, customer)

    await make_worker(retry=RetryPolicy(max_attempts=1)).run_once()

    [entry] = await outbox_entries(engine)
    assert entry.status is DeliveryStatus.DEAD
    assert entry.last_error == "gave up after 1 attempts: HTTP 500: try again"
    assert await SqlOutboxStatus(engine).requeue(now=clock(), dead=True) == 1
    assert await make_worker(worker_id="worker-b").run_once() == 1
    assert await statuses(engine) == {DeliveryStatus.DELIVERED: 1}


async def test_a_row_leased_by_a_worker_that_died_is_delivered_once_its_lease_runs_out(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    clock: Clock,
    make_worker: WorkerFactory,
) -> None:
    admin, customer = await admin_subscribed(engine, url=receiver.url("/ok"))
    await file_a_bug(uow_factory, customer)
    outbox = SqlOutbox(engine)
    [taken] = await outbox.claim(
        owner="killed", limit=10, now=clock(), lease_until=clock() + timedelta(seconds=60)
    )
    survivor = make_worker(worker_id="survivor")

    assert await survivor.run_once() == 0
    clock.advance(61)
    assert await survivor.run_once() == 1

    [entry] = await outbox_entries(engine)
    assert (entry.status, entry.attempts) == (DeliveryStatus.DELIVERED, 2)
    assert list(receiver.seen("/ok")) == [taken.delivery_id]
    late = await outbox.settle(owner="killed", now=clock(), settlements=[])
    assert late == []


async def test_deliveries_about_one_ticket_to_one_target_keep_their_order(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    clock: Clock,
    make_worker: WorkerFactory,
    cast: Cast,
) -> None:
    admin, agent, customer = cast
    await subscribe(engine, admin, url=receiver.url("/flaky"))
    ticket = await file_a_bug(uow_factory, customer)
    await comment_on_ticket(uow=uow_factory(), actor=as_actor(customer), ticket=ticket.id, content="more")
    worker = make_worker()
    assert [e.status for e in await outbox_entries(engine)] == [
        DeliveryStatus.PENDING,
        DeliveryStatus.WAITING,
    ]

    assert await worker.run_once() == 1, "the comment waits for the creation"
    clock.advance(5)
    assert await worker.run_once() == 1
    assert await worker.run_once() == 1
    created, commented = await outbox_entries(engine)
    assert [r.delivery_id for r in receiver.received] == [
        created.delivery_id,
        created.delivery_id,
        commented.delivery_id,
    ]
    assert agent


async def test_a_dead_delivery_does_not_hold_up_the_rest_of_its_lane(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    make_worker: WorkerFactory,
) -> None:
    admin, customer = await admin_subscribed(engine, url=receiver.url("/flaky"))
    ticket = await file_a_bug(uow_factory, customer)
    await comment_on_ticket(uow=uow_factory(), actor=as_actor(customer), ticket=ticket.id, content="more")
    worker = make_worker(retry=RetryPolicy(max_attempts=1))

    assert await worker.run_once() == 1
    assert [e.status for e in await outbox_entries(engine)] == [
        DeliveryStatus.DEAD,
        DeliveryStatus.PENDING,
    ]
    assert await worker.run_once() == 1


async def test_run_forever_delivers_and_a_stop_gives_back_what_it_could_not_finish(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    make_worker: WorkerFactory,
) -> None:
    admin, customer = await admin_subscribed(engine, url=receiver.url("/ok"))
    for n in range(5):
        await file_a_bug(uow_factory, customer, f"{n}")
    worker = make_worker(config=WorkerConfig(poll_interval=0.05, stop_grace=0.1))
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run_forever(stop))

    await until(lambda: len(receiver.received) == 5, what="five webhook posts")
    await eventually(lambda: _all(engine, DeliveryStatus.DELIVERED, 5), what="five delivered rows")
    receiver.gate.clear()
    await file_a_bug(uow_factory, customer, "held")
    await until(lambda: receiver.held == 1, what="a post held by the receiver")
    stop.set()
    await asyncio.wait_for(running, timeout=SAFETY_NET)

    assert await statuses(engine) == {DeliveryStatus.DELIVERED: 5, DeliveryStatus.PENDING: 1}
    held = [e for e in await outbox_entries(engine) if e.status is DeliveryStatus.PENDING]
    assert held[0].lease_owner is None and held[0].attempts == 1


async def _all(engine: AsyncEngine, status: DeliveryStatus, count: int) -> bool:
    return (await statuses(engine))[status] == count


@pytest.mark.parametrize(("second", "types", "called"), [
    ("admin", ["ticket_created"], True),  # still wants it: posted, drawn for them
    ("admin", ["ticket_assigned"], False),  # neither wants it any more
    ("manager", ["ticket_created"], False),  # wants it, but may not see the ticket
])
async def test_a_shared_webhook_one_owner_narrowed_is_still_called_for_another_who_wants_it(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    clock: Clock,
    make_worker: WorkerFactory,
    second: str,
    types: list[str],
    called: bool,
) -> None:
    """Two subscriptions share the webhook; the delivery was drawn for the first. Narrowed
    by its owner, the post was not made, though the second still asked for it: the second
    is who it is made for now (as it would have been, had the first never wanted it), if
    they may see the ticket."""
    first, customer = await admin_subscribed(engine, url=receiver.url("/flaky"))
    other = await insert_user(engine, role=second)
    await subscribe(engine, other, url=receiver.url("/flaky"), types=types)
    await file_a_bug(uow_factory, customer)
    worker = make_worker()
    assert await worker.run_once() == 1
    assert receiver.seen("/flaky").total() == 1
    async with engine.begin() as connection:
        await connection.execute(update(teams_integration_settings).where(
            teams_integration_settings.c.user_id == first).values(
                notification_types=["ticket_commented"]))

    clock.advance(5)
    await worker.run_once()

    assert receiver.seen("/flaky").total() == (2 if called else 1)
    [entry] = await outbox_entries(engine)
    assert entry.status is (DeliveryStatus.DELIVERED if called else DeliveryStatus.DEAD)


async def test_the_subscriptions_sharing_a_place_are_found_by_webhook_and_by_channel(
    engine: AsyncEngine,
) -> None:
    hook, other_hook = "https://acme.webhook.office.com/a", "https://acme.webhook.office.com/b"
    by_hook = await insert_user(engine, role="admin")
    by_channel = await insert_user(engine, role="manager")
    elsewhere = await insert_user(engine, role="manager")
    same_channel_other_team = await insert_user(engine, role="manager")
    await subscribe(engine, by_hook, url=hook)
    await subscribe(engine, by_channel, msteams_team_id="19:desk", channel_id="19:general")
    await subscribe(engine, elsewhere, url=other_hook, msteams_team_id="19:desk",
                    channel_id="19:printers")
    await subscribe(engine, same_channel_other_team, msteams_team_id="19:ops",
                    channel_id="19:general")

    async with notice_facts_reader(engine)() as facts:
        found = await facts.subscriptions_to(
            {Target.webhook(hook), Target.channel("19:desk", "19:general")})
        none = await facts.subscriptions_to(set())

    assert {s.user_id for s in found} == {by_hook, by_channel}
    assert none == []
