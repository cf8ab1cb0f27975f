"""Bot deliveries: a channel card posted once, then updated in place with a reply; personal cards"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.notification import NotificationCardSet
from db.repositories.conversation_refs import SqlConversationRefs
from db.repositories.notification_facts import notice_facts_reader
from db.repositories.outbox import SqlOutbox
from notify.deliveries import DeliveryStatus
from db.uow import SqlUnitOfWork
from db.repositories.ticket_cards import SqlTicketCards
from domain.chat import ConversationKind, ConversationRef
from domain.notifications import TargetKind
from domain.services.subscriptions import subscribe_channel
from domain.services.tickets import create_ticket, update_ticket
from domain.tickets import Assignee
from notify.deliverers import ChannelDeliverer, PersonalDeliverer
from notify.notices import NoticeLinks
from notify.ports import MessageGone, SendFailed, TargetGone
from notify.worker import DeliveryWorker
from tests.integration.builders import insert_team, insert_user
from tests.integration.notify.conftest import (
    Clock,
    UnitOfWorkFactory,
    outbox_entries,
    statuses,
)
from tests.unit.bot.cards.schema import assert_valid_card
from tests.actors import as_actor

TEAM, CHANNEL = "19:team@thread.tacv2", "19:support@thread.tacv2"


@dataclass
class RecordingMessenger:
    """Our `TeamsMessenger` port, in memory; `fail_next["post"]` is raised by the next post."""

    calls: list[tuple[str, str, Any]] = field(default_factory=list)
    fail_next: dict[str, Exception] = field(default_factory=dict)
    posted: int = 0

    def _record(self, kind: str, where: str, what: Any) -> None:
        if kind in self.fail_next:
            raise self.fail_next.pop(kind)
        self.calls.append((kind, where, what))

    async def post_card(self, ref: ConversationRef, card: dict[str, Any]) -> str:
        self._record("post", ref.conversation_id, card)
        self.posted += 1
        return f"activity-{self.posted}"

    async def update_card(
        self, ref: ConversationRef, activity_id: str, card: dict[str, Any]
    ) -> None:
        self._record("update", activity_id, card)

    async def reply_in_thread(self, ref: ConversationRef, activity_id: str, text: str) -> None:
        self._record("reply", activity_id, text)

    async def send_card(self, ref: ConversationRef, card: dict[str, Any]) -> None:
        self._record("send", ref.conversation_id, card)

    def kinds(self) -> list[tuple[str, str]]:
        return [(kind, where) for kind, where, _ in self.calls]


@dataclass(frozen=True)
class Org:
    """Both the admin and Support's manager subscribed the Support channel."""

    admin: str
    manager: str
    agent: str
    customer: str


@pytest_asyncio.fixture
async def org(engine: AsyncEngine, clock: Clock) -> Org:
    manager = await insert_user(engine, role="manager")
    agent = await insert_user(engine, role="user")
    customer = await insert_user(engine, role="customer")
    await insert_team(engine, "Support", manager, agent)
    refs = SqlConversationRefs(engine)
    await refs.upsert(
        ConversationRef(
            CHANNEL,
            ConversationKind.CHANNEL,
            "https://smba.test",
            {},
            msteams_team_id=TEAM,
            channel_id=CHANNEL,
        )
    )
    for user in (agent, customer):
        await refs.upsert(
            ConversationRef(
                f"a:{user}", ConversationKind.PERSONAL, "https://smba.test", {}, user_id=user
            )
        )
    admin = await insert_user(engine, role="admin")
    for subscriber in (admin, manager):
        await subscribe_channel(
            uow=SqlUnitOfWork(engine),
            actor=as_actor(subscriber),
            msteams_team_id=TEAM,
            msteams_team_name="Acme",
            channel_id=CHANNEL,
            channel_name="Support",
        )
    return Org(admin, manager, agent, customer)


@pytest.fixture
def messenger() -> RecordingMessenger:
    return RecordingMessenger()


@pytest_asyncio.fixture
async def worker(
    engine: AsyncEngine, clock: Clock, messenger: RecordingMessenger
) -> AsyncIterator[DeliveryWorker]:
    cards, refs = NotificationCardSet(), SqlConversationRefs(engine)
    worker = DeliveryWorker(
        outbox=SqlOutbox(engine),
        facts=notice_facts_reader(engine),
        deliverers={
            TargetKind.CHANNEL: ChannelDeliverer(
                messenger=messenger, cards=cards, refs=refs, ticket_cards=SqlTicketCards(engine)
            ),
            TargetKind.PERSONAL: PersonalDeliverer(messenger=messenger, cards=cards, refs=refs),
        },
        links=NoticeLinks(web_url="https://tickets.example.com"),
        worker_id="bot-worker",
        clock=clock,
        random=lambda: 0.0,
    )
    yield worker
    await worker.close()


async def test_a_ticket_is_posted_once_then_updated_in_place_with_a_reply_in_its_thread(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    org: Org,
    worker: DeliveryWorker,
    messenger: RecordingMessenger,
) -> None:
    ticket = await create_ticket(
        uow=uow_factory(), actor=as_actor(org.agent), title="VPN drops", category="incident"
    )
    await update_ticket(uow=uow_factory(), actor=as_actor(org.agent), ticket=ticket.id, status="in_progress")

    assert await worker.run_once() == 1, "the update waits until the card is posted"
    assert await worker.run_once() == 1

    assert messenger.kinds() == [
        ("post", CHANNEL),
        ("update", "activity-1"),
        ("reply", "activity-1"),
    ]
    assert messenger.calls[2][2].startswith("Status changed to In progress by ")
    for kind, _, card in messenger.calls[:2]:
        assert_valid_card(card)
    assert await SqlTicketCards(engine).activity_id(ticket.id, CHANNEL) == "activity-1"


async def test_the_assignee_and_the_requester_get_the_card_in_their_personal_chats(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    org: Org,
    worker: DeliveryWorker,
    messenger: RecordingMessenger,
) -> None:
    ticket = await create_ticket(
        uow=uow_factory(), actor=as_actor(org.customer), title="Printer", category="support"
    )
    await update_ticket(
        uow=uow_factory(), actor=as_actor(org.admin), ticket=ticket.id, assignee=Assignee.user(org.agent)
    )
    await update_ticket(uow=uow_factory(), actor=as_actor(org.agent), ticket=ticket.id, status="resolved")

    while await worker.run_once():
        pass

    sends = {where: card for kind, where, card in messenger.calls if kind == "send"}
    assert sorted(sends) == sorted([f"a:{org.agent}", f"a:{org.customer}"])
    assert sends[f"a:{org.agent}"]["body"][0]["text"].startswith("Assigned to you by ")
    assert sends[f"a:{org.customer}"]["body"][0]["text"].startswith(
        "Your ticket was moved to Resolved by "
    )
    for card in sends.values():
        assert_valid_card(card)


async def test_a_deleted_channel_card_is_posted_again_and_remembered(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    org: Org,
    worker: DeliveryWorker,
    messenger: RecordingMessenger,
) -> None:
    ticket = await create_ticket(uow=uow_factory(), actor=as_actor(org.agent), title="x", category="bug")
    await worker.run_once()
    await update_ticket(uow=uow_factory(), actor=as_actor(org.agent), ticket=ticket.id, status="on_hold")
    messenger.fail_next["update"] = MessageGone("deleted")

    await worker.run_once()

    assert messenger.kinds() == [("post", CHANNEL), ("post", CHANNEL), ("reply", "activity-2")]
    assert await SqlTicketCards(engine).activity_id(ticket.id, CHANNEL) == "activity-2"


async def test_throttled_sends_wait_as_told_and_a_vanished_chat_disables_its_deliveries(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    org: Org,
    worker: DeliveryWorker,
    messenger: RecordingMessenger,
    clock: Clock,
) -> None:
    ticket = await create_ticket(
        uow=uow_factory(), actor=as_actor(org.customer), title="x", category="bug"
    )
    await update_ticket(
        uow=uow_factory(), actor=as_actor(org.admin), ticket=ticket.id, assignee=Assignee.user(org.agent)
    )
    messenger.fail_next = {
        "post": SendFailed("429 from Teams", retry_after=3.0),
        "send": TargetGone("chat gone"),
    }

    assert await worker.run_once() == 2  # the channel's assignment waits for its creation

    created, assigned, personal = await outbox_entries(engine)
    assert (created.status, created.last_error) == (DeliveryStatus.PENDING, "429 from Teams")
    assert (created.next_attempt_at - clock()).total_seconds() == 3
    assert (personal.status, personal.last_error) == (DeliveryStatus.DISABLED, "chat gone")
    assert personal.target.kind is TargetKind.PERSONAL
    assert await worker.run_once() == 0
    clock.advance(3)
    assert await worker.run_once() == 1
    assert await worker.run_once() == 1
    assert messenger.kinds() == [
        ("post", CHANNEL),
        ("update", "activity-1"),
        ("reply", "activity-1"),
    ]
    assert await statuses(engine) == {DeliveryStatus.DELIVERED: 2, DeliveryStatus.DISABLED: 1}
    assert assigned.event_type == "ticket_assigned"


async def test_a_channel_the_bot_left_disables_its_deliveries(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    org: Org,
    worker: DeliveryWorker,
    messenger: RecordingMessenger,
) -> None:
    await create_ticket(uow=uow_factory(), actor=as_actor(org.agent), title="x", category="bug")
    await SqlConversationRefs(engine).remove(CHANNEL)

    await worker.run_once()

    [entry] = await outbox_entries(engine)
    assert (entry.status, entry.last_error) == (
        DeliveryStatus.DISABLED,
        "the bot is no longer in this channel",
    )
    assert messenger.calls == []
