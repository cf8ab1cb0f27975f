"""Every bot-posted ticket card is updated in place on every change, from any writer."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.notification import NotificationCardSet
from db.repositories.notification_facts import notice_facts_reader
from db.repositories.outbox import SqlOutbox
from db.repositories.conversation_refs import SqlConversationRefs
from db.uow import SqlUnitOfWork
from db.repositories.ticket_cards import SqlTicketCards
from domain.chat import ConversationKind, ConversationRef
from domain.notifications import TargetKind
from domain.services.subscriptions import subscribe_channel
from domain.services.tickets import update_ticket
from notify.deliverers import ChannelDeliverer
from notify.notices import NoticeLinks
from notify.worker import DeliveryWorker
from tests.actors import as_actor
from tests.integration.builders import insert_team, insert_user
from tests.integration.notify.capture.conftest import CaptureFactory
from tests.integration.notify.capture.webapp import WebApp
from tests.integration.notify.conftest import Clock, UnitOfWorkFactory
from tests.integration.notify.test_teams_delivery import RecordingMessenger

TEAM, CHANNEL = "19:team@thread.tacv2", "19:support@thread.tacv2"


async def _channel_worker(
    engine: AsyncEngine, messenger: RecordingMessenger, clock: Clock
) -> DeliveryWorker:
    await SqlConversationRefs(engine).upsert(
        ConversationRef(
            CHANNEL, ConversationKind.CHANNEL, "https://smba.test", {},
            msteams_team_id=TEAM, channel_id=CHANNEL,
        )
    )
    return DeliveryWorker(
        outbox=SqlOutbox(engine),
        facts=notice_facts_reader(engine),
        deliverers={
            TargetKind.CHANNEL: ChannelDeliverer(
                messenger=messenger,
                cards=NotificationCardSet(),
                refs=SqlConversationRefs(engine),
                ticket_cards=SqlTicketCards(engine),
            )
        },
        links=NoticeLinks(web_url="https://tickets.example.com"),
        worker_id="cards",
        clock=clock,
    )


async def test_a_card_is_updated_for_changes_its_channel_did_not_subscribe_to_and_for_its_owner(
    engine: AsyncEngine,
    webapp: WebApp,
    make_capture: CaptureFactory,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
) -> None:
    manager = await insert_user(engine, role="manager")
    agent = await insert_user(engine, role="user")
    await insert_team(engine, "Support", manager, agent)
    messenger = RecordingMessenger()
    worker = await _channel_worker(engine, messenger, clock)
    await subscribe_channel(
        uow=SqlUnitOfWork(engine), actor=as_actor(manager), msteams_team_id=TEAM,
        msteams_team_name="Acme",
        channel_id=CHANNEL, channel_name="Support", types=["created"],
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
