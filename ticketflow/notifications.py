"""Wiring notifications: webhook checks, subscriptions and the delivery worker.

`create_app` starts `build_delivery_worker(...).run_forever(stop)`; `ticketflow
worker` runs the same worker alone. The outbox sink every unit of work writes to
is the runtime's (`ticketflow.runtime.outbox_sink_for`).
"""

from __future__ import annotations

import os
import socket
import uuid

from db.repositories.captured_changes import SqlChangeFeed
from db.repositories.conversation_refs import SqlConversationRefs
from db.repositories.digests import SqlDigestStore
from db.repositories.due_reminders import SqlDueReminders
from db.repositories.email_settings import SqlEmailSettings
from db.repositories.notification_facts import notice_facts_reader
from db.repositories.outbox import SqlOutbox
from db.repositories.queued_replies import SqlReplyQueue
from db.repositories.ticket_cards import SqlTicketCards
from domain.notifications import TargetKind
from domain.ports import WebhookUrlCheck
from notify.capture import CaptureConfig, ChangeCapture
from notify.digests import DailyDigests, DigestCards
from notify.deliverers import ChannelDeliverer, Deliverer, PersonalDeliverer, WebhookDeliverer
from notify.email import EmailDeliverer
from notify.notices import NoticeLinks
from notify.ports import NotificationCards, TeamsMessenger
from notify.reminders import DueReminders
from notify.replies import ReplyDeliverer
from notify.retries import RetryPolicy
from notify.secrets import SecretBox
from notify.webhook_url import check_webhook_url
from notify.worker import DeliveryWorker, WorkerConfig
from ticketflow.runtime import Runtime, outbox_sink_for, webhook_policy
from ticketflow.settings import Settings


def webhook_check(settings: Settings) -> WebhookUrlCheck:
    """For `domain.services.subscriptions.set_webhook`: the canonical URL, or ValueError saying why not."""
    policy = webhook_policy(settings)

    def check(url: str) -> str:
        return check_webhook_url(url, policy=policy).url

    return check


def secret_box(settings: Settings) -> SecretBox | None:
    return SecretBox(settings.secret_keys) if settings.secret_keys else None


def default_worker_id() -> str:
    """Unique per process, readable in `outbox status`: host, pid and a random tail."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def build_delivery_worker(
    runtime: Runtime,
    *,
    messenger: TeamsMessenger | None,
    cards: NotificationCards,
    worker_id: str | None = None,
    config: WorkerConfig = WorkerConfig(),
    retry: RetryPolicy = RetryPolicy(),
) -> DeliveryWorker:
    """A worker for webhooks and email, plus bot channel posts, personal chats and queued
    turn replies when `messenger` is given; without one it leaves those rows to a worker
    that has one."""
    settings, engine = runtime.settings, runtime.engine
    deliverers: dict[TargetKind, Deliverer] = {
        TargetKind.WEBHOOK: WebhookDeliverer(cards=cards, policy=webhook_policy(settings)),
        TargetKind.EMAIL: EmailDeliverer(
            settings=SqlEmailSettings(engine), secrets=secret_box(settings)
        ),
    }
    refs = SqlConversationRefs(engine)
    if messenger is not None:
        deliverers[TargetKind.CHANNEL] = ChannelDeliverer(
            messenger=messenger, cards=cards, refs=refs, ticket_cards=SqlTicketCards(engine)
        )
        deliverers[TargetKind.PERSONAL] = PersonalDeliverer(
            messenger=messenger, cards=cards, refs=refs
        )
    return DeliveryWorker(
        replies=(
            ReplyDeliverer(messenger=messenger, facts=notice_facts_reader(engine), refs=refs)
            if messenger is not None else None
        ),
        outbox=SqlOutbox(engine),
        facts=notice_facts_reader(engine),
        deliverers=deliverers,
        links=NoticeLinks(web_url=settings.web_url, bot_app_id=settings.app_id),
        worker_id=worker_id or default_worker_id(),
        config=config,
        retry=retry,
    )


SQLITE_CAPTURE_POLL = 0.2
"""Seconds between looks at captured changes on SQLite, which has no NOTIFY to wake on."""


def reply_queue(runtime: Runtime) -> SqlReplyQueue:
    """Where a turn's sends that Teams did not take in time wait: the outbox (its rows wake
    the delivery workers like any other)."""
    return SqlReplyQueue(runtime.engine)


def build_change_capture(
    runtime: Runtime, *, config: CaptureConfig | None = None
) -> ChangeCapture:
    """Turns changes any writer made (the web app too) into deliveries, through the outbox sink.

    PostgreSQL wakes the loop with NOTIFY and polls as a fallback; SQLite polls often
    (an empty look is one indexed query)."""
    if config is None:
        sqlite = runtime.settings.backend == "sqlite"
        config = CaptureConfig(poll_interval=SQLITE_CAPTURE_POLL) if sqlite else CaptureConfig()
    sink = runtime.event_sink or outbox_sink_for(runtime.settings)
    feed = SqlChangeFeed(runtime.engine, event_sink=sink)
    return ChangeCapture(feed=feed, config=config)


def build_due_reminders(runtime: Runtime) -> DueReminders:
    """Sends due-date reminders through the outbox, once each, whichever process sees them."""
    sink = runtime.event_sink or outbox_sink_for(runtime.settings)
    return DueReminders(source=SqlDueReminders(runtime.engine, event_sink=sink))


def build_daily_digests(
    runtime: Runtime, *, messenger: TeamsMessenger, cards: DigestCards
) -> DailyDigests:
    """Posts each opted-in channel's digest once a day, whichever process gets there first."""
    settings, engine = runtime.settings, runtime.engine
    return DailyDigests(
        store=SqlDigestStore(engine),
        facts=notice_facts_reader(engine),
        messenger=messenger,
        refs=SqlConversationRefs(engine),
        cards=cards,
        links=NoticeLinks(web_url=settings.web_url, bot_app_id=settings.app_id),
    )
