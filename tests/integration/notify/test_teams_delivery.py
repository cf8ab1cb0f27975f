"""Bot deliveries: a channel card posted once, then updated in place with a reply; personal cards"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.notification import NotificationCardSet
from db.repositories.conversation_refs import SqlConversationRefs
from db.repositories.ticket_cards import SqlTicketCards
from db.uow import SqlUnitOfWork
from domain.chat import TeamsChannel
from domain.notifications import TargetKind
from domain.services.subscriptions import subscribe_channel
from domain.services.tickets import create_ticket, update_ticket
from domain.tickets import Assignee, Ticket
from notify.deliverers import ChannelDeliverer, PersonalDeliverer
from notify.deliveries import DeliveryStatus
from notify.ports import MessageGone, SendFailed, TargetGone
from notify.worker import DeliveryWorker
from tests.actors import as_actor
from tests.integration.builders import insert_team, insert_user
from tests.integration.notify.conftest import (
    CHANNEL,
    TEAM,
    Clock,
    RecordingMessenger,
    UnitOfWorkFactory,
    WorkerFactory,
    bot_in_channel,
    bot_in_personal_chat,
    outbox_entries,
    statuses,
)
from tests.unit.bot.cards.schema import assert_valid_card


@dataclass(frozen=True)
class Desk:
    """Both the admin and Support's manager subscribed the Support channel; the agent and
    the customer have personal chats with the bot; `worker` delivers to `messenger`."""

    admin: str
    manager: str
    agent: str
    customer: str
    worker: DeliveryWorker
    messenger: RecordingMessenger
    uow_factory: UnitOfWorkFactory

    async def create(self, *, by: str, title: str = "x", category: str = "bug") -> Ticket:
        return await create_ticket(
            uow=self.uow_factory(), actor=as_actor(by), title=title, category=category
        )

    async def update(self, ticket: Ticket, *, by: str, **changes: Any) -> None:
        await update_ticket(uow=self.uow_factory(), actor=as_actor(by), ticket=ticket.id, **changes)


@pytest.fixture
def messenger() -> RecordingMessenger:
    return RecordingMessenger()


@pytest_asyncio.fixture
async def desk(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    build_worker: WorkerFactory,
    messenger: RecordingMessenger,
) -> Desk:
    manager = await insert_user(engine, role="manager")
    agent = await insert_user(engine, role="user")
    customer = await insert_user(engine, role="customer")
    await insert_team(engine, "Support", manager, agent)
    await bot_in_channel(engine)
    for user in (agent, customer):
        await bot_in_personal_chat(engine, user)
    admin = await insert_user(engine, role="admin")
    for subscriber in (admin, manager):
        await subscribe_channel(
            uow=SqlUnitOfWork(engine),
            actor=as_actor(subscriber),
            channel=TeamsChannel(
                msteams_team_id=TEAM,
                channel_id=CHANNEL,
                msteams_team_name="Acme",
                channel_name="Support",
            ),
        )
    cards, refs = NotificationCardSet(), SqlConversationRefs(engine)
    worker = build_worker(
        deliverers={
            TargetKind.CHANNEL: ChannelDeliverer(
                messenger=messenger, cards=cards, refs=refs, ticket_cards=SqlTicketCards(engine)
            ),
            TargetKind.PERSONAL: PersonalDeliverer(messenger=messenger, cards=cards, refs=refs),
        },
        worker_id="bot-worker",
    )
    return Desk(admin, manager, agent, customer, worker, messenger, uow_factory)


async def test_a_ticket_is_posted_once_then_updated_in_place_with_a_reply_in_its_thread(
    engine: AsyncEngine, desk: Desk
) -> None:
    ticket = await desk.create(by=desk.agent, title="VPN drops", category="incident")
    await desk.update(ticket, by=desk.agent, status="in_progress")

    assert await desk.worker.run_once() == 1, "the update waits until the card is posted"
    assert await desk.worker.run_once() == 1

    assert desk.messenger.kinds() == [
        ("post", CHANNEL),
        ("update", "activity-1"),
        ("reply", "activity-1"),
    ]
    assert desk.messenger.calls[2][2].startswith("Status changed to In progress by ")
    for kind, _, card in desk.messenger.calls[:2]:
        assert_valid_card(card)
    assert await SqlTicketCards(engine).activity_id(ticket.id, CHANNEL) == "activity-1"


async def test_the_assignee_and_the_requester_get_the_card_in_their_personal_chats(
    desk: Desk,
) -> None:
    ticket = await desk.create(by=desk.customer, title="Printer", category="support")
    await desk.update(ticket, by=desk.admin, assignee=Assignee.user(desk.agent))
    await desk.update(ticket, by=desk.agent, status="resolved")

    while await desk.worker.run_once():
        pass

    sends = {where: card for kind, where, card in desk.messenger.calls if kind == "send"}
    assert sorted(sends) == sorted([f"a:{desk.agent}", f"a:{desk.customer}"])
    assert sends[f"a:{desk.agent}"]["body"][0]["text"].startswith("Assigned to you by ")
    assert sends[f"a:{desk.customer}"]["body"][0]["text"].startswith(
        "Your ticket was moved to Resolved by "
    )
    for card in sends.values():
        assert_valid_card(card)


async def test_a_deleted_channel_card_is_posted_again_and_remembered(
    engine: AsyncEngine, desk: Desk
) -> None:
    ticket = await desk.create(by=desk.agent)
    await desk.worker.run_once()
    await desk.update(ticket, by=desk.agent, status="on_hold")
    desk.messenger.fail_next["update"] = MessageGone("deleted")

    await desk.worker.run_once()

    assert desk.messenger.kinds() == [("post", CHANNEL), ("post", CHANNEL), ("reply", "activity-2")]
    assert await SqlTicketCards(engine).activity_id(ticket.id, CHANNEL) == "activity-2"


async def test_throttled_sends_wait_as_told_and_a_vanished_chat_disables_its_deliveries(
    engine: AsyncEngine, desk: Desk, clock: Clock
) -> None:
    ticket = await desk.create(by=desk.customer)
    await desk.update(ticket, by=desk.admin, assignee=Assignee.user(desk.agent))
    desk.messenger.fail_next = {
        "post": SendFailed("429 from Teams", retry_after=3.0),
        "send": TargetGone("chat gone"),
    }

    assert await desk.worker.run_once() == 2  # the channel's assignment waits for its creation

    created, assigned, personal = await outbox_entries(engine)
    assert (created.status, created.last_error) == (DeliveryStatus.PENDING, "429 from Teams")
    assert (created.next_attempt_at - clock()).total_seconds() == 3
    assert (personal.status, personal.last_error) == (DeliveryStatus.DISABLED, "chat gone")
    assert personal.target.kind is TargetKind.PERSONAL
    assert await desk.worker.run_once() == 0
    clock.advance(3)
    assert await desk.worker.run_once() == 1
    assert await desk.worker.run_once() == 1
    assert desk.messenger.kinds() == [
        ("post", CHANNEL),
        ("update", "activity-1"),
        ("reply", "activity-1"),
    ]
    assert await statuses(engine) == {DeliveryStatus.DELIVERED: 2, DeliveryStatus.DISABLED: 1}
    assert assigned.event_type == "ticket_assigned"


async def test_a_channel_the_bot_left_disables_its_deliveries(
    engine: AsyncEngine, desk: Desk
) -> None:
    await desk.create(by=desk.agent)
    await SqlConversationRefs(engine).remove(CHANNEL)

    await desk.worker.run_once()

    [entry] = await outbox_entries(engine)
    assert (entry.status, entry.last_error) == (
        DeliveryStatus.DISABLED,
        "the bot is no longer in this channel",
    )
    assert desk.messenger.calls == []


async def test_a_failure_that_repeats_logs_its_traceback_once_then_one_line_per_attempt(
    engine: AsyncEngine, desk: Desk, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    await desk.create(by=desk.agent)
    failures = [
        RuntimeError("no token for smba.test"),
        RuntimeError("no token for smba.test"),
        RuntimeError("no token for smba.test"),
        LookupError("conversation reference lost"),
    ]

    with caplog.at_level(logging.INFO, logger="notify.worker"):
        for failure in failures:
            desk.messenger.fail_next["post"] = failure
            assert await desk.worker.run_once() == 1
            [entry] = await outbox_entries(engine)
            clock.now = entry.next_attempt_at

    about_it = [r for r in caplog.records if entry.delivery_id in r.getMessage()]
    with_traceback = [r.getMessage() for r in about_it if r.exc_info is not None]
    assert len(with_traceback) == 2, "once for the first failure, once when it changed"
    assert "RuntimeError: no token" in caplog.text and "LookupError" in caplog.text
    attempts = [r.getMessage() for r in about_it if r.exc_info is None]
    assert len(attempts) == 4
    for n, (line, failure) in enumerate(zip(attempts, failures, strict=True), start=1):
        assert f"attempt {n} failed" in line and "next try at" in line, line
        assert f"{type(failure).__name__}: {failure}" in line, line
        assert "\n" not in line
    assert entry.status is DeliveryStatus.PENDING and entry.attempts == 4
