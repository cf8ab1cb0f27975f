"""Every bot-posted ticket card is updated in place on every change, from any writer."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.notification import NotificationCardSet
from db.repositories.conversation_refs import SqlConversationRefs
from db.repositories.ticket_cards import SqlTicketCards
from db.uow import SqlUnitOfWork
from domain.chat import TeamsChannel
from domain.notifications import TargetKind
from domain.services.subscriptions import subscribe_channel
from domain.services.tickets import update_ticket
from notify.deliverers import ChannelDeliverer
from notify.worker import DeliveryWorker
from tests.actors import as_actor
from tests.integration.builders import insert_team, insert_user
from tests.integration.notify.capture.conftest import CaptureFactory
from tests.integration.notify.capture.webapp import WebApp
from tests.integration.notify.conftest import (
    CHANNEL,
    TEAM,
    RecordingMessenger,
    UnitOfWorkFactory,
    WorkerFactory,
    bot_in_channel,
)


async def _channel_worker(
    engine: AsyncEngine, messenger: RecordingMessenger, build_worker: WorkerFactory
) -> DeliveryWorker:
    await bot_in_channel(engine)
    deliverer = ChannelDeliverer(
        messenger=messenger,
        cards=NotificationCardSet(),
        refs=SqlConversationRefs(engine),
        ticket_cards=SqlTicketCards(engine),
    )
    return build_worker(deliverers={TargetKind.CHANNEL: deliverer}, worker_id="cards")


async def test_a_card_is_updated_for_changes_its_channel_did_not_subscribe_to_and_for_its_owner(
    engine: AsyncEngine,
    webapp: WebApp,
    make_capture: CaptureFactory,
    uow_factory: UnitOfWorkFactory,
    build_worker: WorkerFactory,
) -> None:
    manager = await insert_user(engine, role="manager")
    agent = await insert_user(engine, role="user")
    await insert_team(engine, "Support", manager, agent)
    messenger = RecordingMessenger()
    worker = await _channel_worker(engine, messenger, build_worker)
    await subscribe_channel(
        uow=SqlUnitOfWork(engine), actor=as_actor(manager),
        channel=TeamsChannel(TEAM, CHANNEL, msteams_team_name="Acme", channel_name="Support"),
        types=["created"],
    )
    ticket = await webapp.create_ticket(by=agent, assignee_id=agent)
    await make_capture().run_once()
    await worker.run_once()
    assert messenger.kinds() == [("post", CHANNEL)]

    await webapp.update(ticket, by=agent, status="in_progress")  # not a subscribed type
    await make_capture().run_once()
    await update_ticket(uow=uow_factory(), actor=as_actor(manager), ticket=ticket, status="on_hold")
    while await worker.run_once():  # a channel's deliveries of one ticket go one at a time
        pass

    assert messenger.kinds()[1:] == [
        ("update", "activity-1"),
        ("reply", "activity-1"),
        ("update", "activity-1"),  # the owner's own change: the card only, no thread line
    ]
    [reply] = [text for kind, _, text in messenger.calls if kind == "reply"]
    assert reply.startswith("Status changed to In progress by ")


async def test_internal_notes_written_in_the_web_app_are_not_told_in_a_channel_thread(
    engine: AsyncEngine,
    webapp: WebApp,
    make_capture: CaptureFactory,
    build_worker: WorkerFactory,
) -> None:
    """Everyone in the channel reads its card and thread (guests, customers): an admin's
    change to the internal notes alone says nothing there; with another field, the thread
    names that field only."""
    admin = await insert_user(engine, role="admin")
    editor = await insert_user(engine, role="admin")
    customer = await insert_user(engine, role="customer")
    messenger = RecordingMessenger()
    worker = await _channel_worker(engine, messenger, build_worker)
    await subscribe_channel(
        uow=SqlUnitOfWork(engine), actor=as_actor(admin),
        channel=TeamsChannel(TEAM, CHANNEL, msteams_team_name="Acme", channel_name="Support"),
    )
    ticket = await webapp.create_ticket(by=customer)
    await make_capture().run_once()
    await worker.run_once()

    await webapp.update(ticket, by=editor, notes="refund refused: account on legal hold")
    await webapp.update(ticket, by=editor, notes="legal says no refunds", priority="high")
    await make_capture().run_once()
    while await worker.run_once():
        pass

    assert messenger.kinds() == [("post", CHANNEL), ("update", "activity-1"),
                                 ("reply", "activity-1")]
    said = str(messenger.calls)
    assert "refund" not in said and "legal" not in said and "Notes" not in said
    assert messenger.calls[2][2].startswith("Priority changed by ")
