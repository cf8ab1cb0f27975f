"""A webhook receiver on 127.0.0.1, a clock tests move by hand, subscription rows, a Teams
messenger in memory, and delivery workers built as `ticketflow` builds them."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, NamedTuple

import pytest
import pytest_asyncio
from aiohttp import web
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.notification import NotificationCardSet
from db.repositories.conversation_refs import SqlConversationRefs
from db.repositories.notification_facts import notice_facts_reader
from db.repositories.outbox import SqlOutbox, entry_of
from db.tables import notification_outbox, teams_integration_settings
from db.uow import SqlUnitOfWork
from domain.chat import ConversationKind, ConversationRef
from domain.clock import utcnow
from domain.events import EventType
from domain.notifications import TargetKind
from domain.services.tickets import create_ticket
from domain.tickets import Ticket
from notify.deliverers import WebhookDeliverer
from notify.deliveries import DeliveryStatus, OutboxEntry
from notify.notices import NoticeLinks
from notify.retries import RetryPolicy
from notify.webhook import DELIVERY_ID_HEADER
from notify.webhook_url import WebhookPolicy
from notify.worker import DeliveryWorker, WorkerConfig
from tests.actors import as_actor
from tests.integration.builders import insert_user
from tests.loopback import serving
from ticketflow.runtime import outbox_sink

LOOPBACK = WebhookPolicy(allow_loopback_for_tests=True)
ALL_TYPES = [t.value for t in EventType]
LINKS = NoticeLinks(web_url="https://tickets.example.com")
TEAM, CHANNEL = "19:team@thread.tacv2", "19:support@thread.tacv2"
RETRIES = RetryPolicy(max_attempts=3, first_delay=10.0, max_delay=60.0)
SLOW_ENOUGH = 2.0
"""Webhook client timeout: only `/slow` ever reaches it, with room for a loaded machine."""
ASLEEP = WorkerConfig(poll_interval=3600, lease=3 * 3600)
"""A worker that would not look at the outbox again for an hour unless woken."""


@dataclass
class Clock:
    """Naive UTC time that moves only when a test says so."""

    now: datetime = field(default_factory=lambda: utcnow().replace(microsecond=0))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass(frozen=True)
class Received:
    path: str
    delivery_id: str
    body: dict[str, Any]


@dataclass
class Receiver:
    """A stand-in for Teams webhooks; each path answers one way, per delivery id.

    `/ok` takes everything; `/flaky` answers 500 the first time it sees a delivery;
    `/slow` takes the message but answers the first time too late (the sender
    times out and sends again, so the receiver sees it twice); `/throttled`
    answers 429 with `Retry-After: 7` the first time; `/gone` answers 410.
    """

    base_url: str = ""
    received: list[Received] = field(default_factory=list)
    never: asyncio.Event = field(default_factory=asyncio.Event)
    gate: asyncio.Event = field(default_factory=asyncio.Event)
    held: int = 0

    def __post_init__(self) -> None:
        self.gate.set()

    def url(self, path: str) -> str:
        return self.base_url + path

    def seen(self, path: str) -> Counter[str]:
        return Counter(r.delivery_id for r in self.received if r.path == path)

    def app(self) -> web.Application:
        app = web.Application()
        for path, answer in {
            "/ok": self.ok,
            "/flaky": self.flaky,
            "/slow": self.slow,
            "/throttled": self.throttled,
            "/gone": self.gone,
            "/refused": self.ok,
        }.items():
            app.router.add_post(path, answer)
        return app

    async def _record(self, request: web.Request) -> int:
        """Records the request; returns how many times this delivery id was seen here."""
        delivery_id = request.headers.get(DELIVERY_ID_HEADER, "")
        self.received.append(Received(request.path, delivery_id, await request.json()))
        if not self.gate.is_set():
            self.held += 1
            await self.gate.wait()
            self.held -= 1
        return self.seen(request.path)[delivery_id]

    async def ok(self, request: web.Request) -> web.Response:
        await self._record(request)
        return web.Response(status=202)

    async def flaky(self, request: web.Request) -> web.Response:
        first = await self._record(request) == 1
        return web.Response(status=500 if first else 202, text="try again")

    async def slow(self, request: web.Request) -> web.Response:
        if await self._record(request) == 1:
            await self.never.wait()
        return web.Response(status=202)

    async def throttled(self, request: web.Request) -> web.Response:
        if await self._record(request) == 1:
            return web.Response(status=429, headers={"Retry-After": "7"})
        return web.Response(status=202)

    async def gone(self, request: web.Request) -> web.Response:
        await self._record(request)
        return web.Response(status=410)


@pytest_asyncio.fixture
async def receiver() -> AsyncIterator[Receiver]:
    receiver = Receiver()
    async with serving(receiver.app(), shutdown_timeout=0.1) as receiver.base_url:
        try:
            yield receiver
        finally:
            receiver.never.set()  # before the server stops: nothing waits on them
            receiver.gate.set()


@pytest.fixture
def clock() -> Clock:
    return Clock()


UnitOfWorkFactory = Callable[[], SqlUnitOfWork]


@pytest.fixture
def uow_factory(engine: AsyncEngine, clock: Clock) -> UnitOfWorkFactory:
    """Units of work that write the outbox, as `ticketflow` wires them, on the test's clock."""
    return lambda: SqlUnitOfWork(engine, event_sink=outbox_sink(LOOPBACK, clock=clock))


async def subscribe(
    engine: AsyncEngine,
    user_id: str,
    *,
    url: str | None = None,
    types: Sequence[str] = ALL_TYPES,
    enabled: bool = True,
    msteams_team_id: str | None = None,
    channel_id: str | None = None,
) -> None:
    """A `teams_integration_settings` row, written as the web app would."""
    async with engine.begin() as connection:
        await connection.execute(
            teams_integration_settings.insert().values(
                user_id=user_id,
                enabled=enabled,
                webhook_url=url,
                notification_types=list(types),
                team_id=msteams_team_id,
                channel_id=channel_id,
            )
        )


class Cast(NamedTuple):
    """The usual people, as the web app stores them: `admin, agent, customer = cast`."""

    admin: str
    agent: str
    customer: str


@pytest_asyncio.fixture
async def cast(engine: AsyncEngine) -> Cast:
    admin = await insert_user(engine, role="admin")
    agent = await insert_user(engine, role="user")
    customer = await insert_user(engine, role="customer")
    return Cast(admin, agent, customer)


async def admin_subscribed(engine: AsyncEngine, *, url: str) -> tuple[str, str]:
    """The usual cast: an admin whose webhook `url` hears of every event, and a customer
    whose tickets reach it; returns (admin id, customer id)."""
    admin = await insert_user(engine, role="admin")
    customer = await insert_user(engine, role="customer")
    await subscribe(engine, admin, url=url)
    return admin, customer


async def file_a_bug(uow_factory: UnitOfWorkFactory, by: str, title: str = "x") -> Ticket:
    """A bug `by` files through TicketFlow's use case: the event these tests deliver."""
    return await create_ticket(uow=uow_factory(), actor=as_actor(by), title=title, category="bug")


async def outbox_entries(engine: AsyncEngine) -> list[OutboxEntry]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(notification_outbox).order_by(notification_outbox.c.id)
        )
        return [entry_of(row) for row in rows.mappings()]


async def statuses(engine: AsyncEngine) -> Counter[DeliveryStatus]:
    return Counter(entry.status for entry in await outbox_entries(engine))


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


async def bot_in_channel(
    engine: AsyncEngine, *, channel: str = CHANNEL, msteams_team_id: str = TEAM
) -> None:
    """The conversation reference Teams gave when the bot was added to `channel`."""
    await SqlConversationRefs(engine).upsert(
        ConversationRef(
            channel, ConversationKind.CHANNEL, "https://smba.test", {},
            msteams_team_id=msteams_team_id, channel_id=channel,
        )
    )


async def bot_in_personal_chat(
    engine: AsyncEngine, user_id: str, *, conversation_id: str | None = None
) -> None:
    """The conversation reference Teams gave when `user_id` first talked to the bot."""
    await SqlConversationRefs(engine).upsert(
        ConversationRef(
            conversation_id or f"a:{user_id}", ConversationKind.PERSONAL, "https://smba.test", {},
            user_id=user_id,
        )
    )


WorkerFactory = Callable[..., DeliveryWorker]


@pytest_asyncio.fixture
async def build_worker(engine: AsyncEngine, clock: Clock) -> AsyncIterator[WorkerFactory]:
    """`build_worker(deliverers={...}, worker_id=..., **options)`: a delivery worker over the
    test database as `ticketflow` builds one, on the test's clock and without jitter; every
    worker built is closed after the test."""
    built: list[DeliveryWorker] = []

    def build(
        *, deliverers: dict[TargetKind, Any], worker_id: str, links: NoticeLinks = LINKS,
        **options: Any,
    ) -> DeliveryWorker:
        worker = DeliveryWorker(
            outbox=SqlOutbox(engine), facts=notice_facts_reader(engine), deliverers=deliverers,
            links=links, worker_id=worker_id, clock=clock, random=lambda: 0.0, **options,
        )
        built.append(worker)
        return worker

    yield build
    for worker in built:
        await worker.close()


@pytest.fixture
def make_worker(build_worker: WorkerFactory) -> WorkerFactory:
    """`make_worker(policy=, retry=, worker_id=, config=)`: a webhook delivery worker."""

    def make(
        *,
        policy: WebhookPolicy = LOOPBACK,
        retry: RetryPolicy = RETRIES,
        worker_id: str = "worker-a",
        config: WorkerConfig = WorkerConfig(),
    ) -> DeliveryWorker:
        deliverer = WebhookDeliverer(
            cards=NotificationCardSet(), policy=policy, timeout=SLOW_ENOUGH
        )
        return build_worker(
            deliverers={TargetKind.WEBHOOK: deliverer},
            links=NoticeLinks(web_url=LINKS.web_url, bot_app_id="app-id"),
            worker_id=worker_id, retry=retry, config=config,
        )

    return make
