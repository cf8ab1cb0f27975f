"""The delivery worker with its ports faked: what it claims, sends and records."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Collection, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import pytest

from domain.access import Viewer
from domain.card_updates import PostedCard
from domain.company import CompanySettings
from domain.events import EventType
from domain.notifications import Subscription, Target, TargetKind, TicketNotice
from domain.people import User
from domain.tickets import Ticket
from notify.deliveries import DeliveryStatus, OutboxEntry, Settlement
from notify.notices import NoticeLinks
from notify.retries import RetryPolicy
from notify.webhook import DeliveryOutcome, DeliveryResult
from notify.worker import DeliveryWorker, WorkerConfig
from tests.unit.conftest import Organisation
from tests.unit.fakes import FakeDatabase
from tests.waiting import until

NOW = datetime(2026, 3, 2, 9, 0)
HOOK = "https://acme.webhook.office.com/hook"
NOT_SENT = (
    "not sent: the ticket no longer exists, the recipient may no longer see it,"
    " or nothing that changed is theirs to read"
)


@dataclass
class FakeOutbox:
    """`DeliveryQueue` in memory: due rows of the asked kinds are leased to one owner."""

    entries: dict[int, OutboxEntry] = field(default_factory=dict)
    settled: list[Settlement] = field(default_factory=list)
    released: list[int] = field(default_factory=list)
    woken: asyncio.Event = field(default_factory=asyncio.Event)

    @asynccontextmanager
    async def wakeups(self) -> AsyncIterator[asyncio.Event]:
        yield self.woken

    def add(self, entry_id: int, ticket: Ticket, target: Target, *, told: User) -> None:
        """A delivery drawn for `told` (who must still be allowed to see the ticket)."""
        self.entries[entry_id] = OutboxEntry(
            id=entry_id,
            delivery_id=f"d-{entry_id}",
            event_type=EventType.CREATED.value,
            ticket_id=ticket.id,
            target=target,
            payload={
                "actor_id": ticket.created_by,
                "reason": "subscription",
                "on_behalf_of": told.id,
            },
            status=DeliveryStatus.PENDING,
            attempts=0,
            next_attempt_at=NOW,
            created_at=NOW,
        )

    async def claim(
        self,
        *,
        owner: str,
        limit: int,
        now: datetime,
        lease_until: datetime,
        kinds: Collection[TargetKind],
    ) -> list[OutboxEntry]:
        due = [
            entry
            for entry in self.entries.values()
            if entry.status is DeliveryStatus.PENDING
            and entry.next_attempt_at <= now
            and entry.target.kind in kinds
        ][:limit]
        for entry in due:
            self.entries[entry.id] = replace(
                entry,
                status=DeliveryStatus.LEASED,
                attempts=entry.attempts + 1,
                lease_owner=owner,
                next_attempt_at=lease_until,
            )
        return [self.entries[entry.id] for entry in due]

    async def renew(self, *, owner: str, ids: Sequence[int], lease_until: datetime) -> int:
        return len(ids)

    async def release(self, *, owner: str, ids: Sequence[int], now: datetime) -> int:
        for entry_id in ids:
            self.entries[entry_id] = replace(
                self.entries[entry_id], status=DeliveryStatus.PENDING, next_attempt_at=now
            )
        self.released.extend(ids)
        return len(ids)

    async def settle(
        self, *, owner: str, settlements: Sequence[Settlement], now: datetime
    ) -> list[OutboxEntry]:
        for settlement in settlements:
            entry = self.entries[settlement.id]
            assert entry.lease_owner == owner
            self.entries[settlement.id] = replace(
                entry,
                status=settlement.status,
                last_error=settlement.error,
                next_attempt_at=settlement.next_attempt_at or entry.next_attempt_at,
            )
        self.settled.extend(settlements)
        return []


@dataclass
class FakeFacts:
    """`NoticeFacts` read from the fake database's committed rows."""

    db: FakeDatabase
    hooks: dict[str, str] = field(default_factory=dict)
    """The webhook a user subscribes, when not `HOOK`."""

    async def tickets(self, ids: Collection[int]) -> dict[int, Ticket]:
        return {i: t for i, t in self.db.committed.tasks.items() if i in ids}

    async def users(self, ids: Collection[str]) -> dict[str, User]:
        return {i: u for i, u in self.db.committed.users.items() if i in ids}

    async def team_names(self, ids: Collection[int]) -> dict[int, str]:
        return {i: t.name for i, t in self.db.committed.teams.items() if i in ids}

    async def company(self) -> CompanySettings:
        return CompanySettings(company_name="Acme")

    async def viewers(self, user_ids: Collection[str]) -> dict[str, Viewer]:
        users = self.db.committed.users
        return {i: Viewer(user=users[i]) for i in user_ids if i in users}

    async def subscriptions(self, user_ids: Collection[str]) -> dict[str, Subscription]:
        """Each user subscribes the webhook of their deliveries in `HOOKS` (`HOOK` if none),
        to every event type."""
        return {user_id: Subscription(user_id, enabled=True, webhook_url=self.hooks.get(
            user_id, HOOK), notification_types=frozenset(EventType)) for user_id in user_ids}

    async def posted_cards(self, ticket_ids: Collection[int]) -> list[PostedCard]:
        return []

    async def subscriptions_to(self, targets: Collection[Target]) -> list[Subscription]:
        return []

    async def refresh_audiences(self, tickets: Iterable[Ticket]) -> dict[int, tuple[str, ...]]:
        return {ticket.id: () for ticket in tickets}


@dataclass
class ScriptedDeliverer:
    """Answers each target key with the outcome it was given (delivered by default)."""

    outcomes: dict[str, DeliveryOutcome | Exception] = field(default_factory=dict)
    sent: list[TicketNotice] = field(default_factory=list)
    started: asyncio.Event = field(default_factory=asyncio.Event)
    hold: asyncio.Event | None = None

    async def deliver(self, entry: OutboxEntry, notice: TicketNotice) -> DeliveryOutcome:
        self.started.set()
        if self.hold is not None:
            await self.hold.wait()
        delivered = DeliveryOutcome(DeliveryResult.DELIVERED, "HTTP 200")
        outcome = self.outcomes.get(entry.target.key, delivered)
        if isinstance(outcome, Exception):
            raise outcome
        self.sent.append(notice)
        return outcome

    async def close(self) -> None:
        return None


@dataclass
class Clock:
    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now


def worker_for(
    outbox: FakeOutbox,
    db: FakeDatabase,
    deliverer: ScriptedDeliverer,
    *,
    clock: Clock | None = None,
    config: WorkerConfig = WorkerConfig(),
    hooks: dict[str, str] | None = None,
) -> DeliveryWorker:
    @asynccontextmanager
    async def read_facts() -> AsyncIterator[FakeFacts]:
        yield FakeFacts(db, hooks or {})

    return DeliveryWorker(
        outbox=outbox,
        facts=read_facts,
        deliverers={TargetKind.WEBHOOK: deliverer, TargetKind.EMAIL: deliverer},
        links=NoticeLinks(web_url="https://tickets.example.com"),
        worker_id="worker-a",
        retry=RetryPolicy(max_attempts=3, first_delay=10.0, max_delay=60.0),
        config=config,
        clock=clock or Clock(),
        random=lambda: 0.0,
    )


@pytest.fixture
def outbox() -> FakeOutbox:
    return FakeOutbox()


async def test_a_delivered_entry_is_recorded_as_delivered_with_the_ticket_as_it_is_now(
    db: FakeDatabase, org: Organisation, outbox: FakeOutbox
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, title="Printer jams")
    outbox.add(1, ticket, Target.webhook(HOOK), told=org.admin)
    db.committed.tasks[ticket.id] = replace(ticket, title="Printer jams on floor 3")
    deliverer = ScriptedDeliverer()

    assert await worker_for(outbox, db, deliverer).run_once() == 1

    assert [notice.ticket.title for notice in deliverer.sent] == ["Printer jams on floor 3"]
    assert deliverer.sent[0].company_name == "Acme"
    assert outbox.entries[1].status is DeliveryStatus.DELIVERED


async def test_a_failed_attempt_waits_its_backoff_then_the_last_one_gives_up(
    db: FakeDatabase, org: Organisation, outbox: FakeOutbox
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    outbox.add(1, ticket, Target.webhook(HOOK), told=org.admin)
    busy = DeliveryOutcome(DeliveryResult.RETRY_LATER, "HTTP 503")
    clock = Clock()
    worker = worker_for(outbox, db, ScriptedDeliverer({HOOK: busy}), clock=clock)

    await worker.run_once()
    entry = outbox.entries[1]
    assert (entry.status, entry.last_error) == (DeliveryStatus.PENDING, "HTTP 503")
    assert entry.next_attempt_at == NOW + timedelta(seconds=5)  # half of 10 s, no jitter
    assert await worker.run_once() == 0  # not due yet

    clock.now = entry.next_attempt_at
    await worker.run_once()
    clock.now = outbox.entries[1].next_attempt_at
    await worker.run_once()

    entry = outbox.entries[1]
    assert entry.status is DeliveryStatus.DEAD
    assert entry.last_error == "gave up after 3 attempts: HTTP 503"


async def test_an_entry_whose_ticket_is_gone_is_dead_and_nothing_is_sent(
    db: FakeDatabase, org: Organisation, outbox: FakeOutbox
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    outbox.add(1, ticket, Target.webhook(HOOK), told=org.admin)
    del db.committed.tasks[ticket.id]
    deliverer = ScriptedDeliverer()

    await worker_for(outbox, db, deliverer).run_once()

    assert deliverer.sent == []
    entry = outbox.entries[1]
    assert (entry.status, entry.last_error) == (DeliveryStatus.DEAD, NOT_SENT)


async def test_an_entry_for_someone_who_may_no_longer_see_the_ticket_is_dead_and_not_sent(
    db: FakeDatabase, org: Organisation, outbox: FakeOutbox
) -> None:
    outbox.add(1, db.seed_ticket(created_by=org.customer), Target.webhook(HOOK),
               told=org.other_customer)
    deliverer = ScriptedDeliverer()

    await worker_for(outbox, db, deliverer).run_once()

    assert deliverer.sent == []
    assert (outbox.entries[1].status, outbox.entries[1].last_error) == (
        DeliveryStatus.DEAD, NOT_SENT
    )


async def test_a_deliverer_that_raises_fails_only_its_own_delivery(
    db: FakeDatabase, org: Organisation, outbox: FakeOutbox
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    outbox.add(1, ticket, Target.webhook(HOOK + "/broken"), told=org.customer)
    outbox.add(2, ticket, Target.webhook(HOOK), told=org.admin)
    deliverer = ScriptedDeliverer({HOOK + "/broken": RuntimeError("card too odd")})
    worker = worker_for(outbox, db, deliverer, hooks={org.customer.id: HOOK + "/broken"})

    assert await worker.run_once() == 2

    broken, fine = outbox.entries[1], outbox.entries[2]
    assert (broken.status, broken.last_error) == (
        DeliveryStatus.PENDING,
        "RuntimeError: card too odd",
    )
    assert fine.status is DeliveryStatus.DELIVERED


async def test_only_targets_the_worker_can_deliver_to_are_claimed(
    db: FakeDatabase, org: Organisation, outbox: FakeOutbox
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    channel = Target(TargetKind.CHANNEL, "19:general@thread.tacv2", msteams_team_id="team")
    outbox.add(1, ticket, channel, told=org.admin)
    deliverer = ScriptedDeliverer()

    assert await worker_for(outbox, db, deliverer).run_once() == 0

    assert outbox.entries[1].status is DeliveryStatus.PENDING
    assert deliverer.sent == []


async def test_stopping_gives_back_the_deliveries_still_in_flight(
    db: FakeDatabase, org: Organisation, outbox: FakeOutbox
) -> None:
    ticket = db.seed_ticket(created_by=org.customer)
    outbox.add(1, ticket, Target.webhook(HOOK), told=org.admin)
    deliverer = ScriptedDeliverer(hold=asyncio.Event())  # never answers
    worker = worker_for(outbox, db, deliverer, config=WorkerConfig(stop_grace=0.0))
    stop = asyncio.Event()

    running = asyncio.create_task(worker.run_forever(stop))
    await deliverer.started.wait()
    stop.set()
    await running

    assert outbox.released == [1]
    assert outbox.entries[1].status is DeliveryStatus.PENDING
    assert outbox.settled == [] and deliverer.sent == []


async def test_an_idle_worker_claims_as_soon_as_the_outbox_wakes_it_not_at_its_next_poll(
    db: FakeDatabase, org: Organisation, outbox: FakeOutbox
) -> None:
    deliverer = ScriptedDeliverer()
    worker = worker_for(outbox, db, deliverer, config=WorkerConfig(poll_interval=3600))
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run_forever(stop))
    try:
        for n in (1, 2):
            await until(lambda: not outbox.woken.is_set(), what="the worker taking its wake-up")
            ticket = db.seed_ticket(created_by=org.customer)
            outbox.add(n, ticket, Target.webhook(HOOK), told=org.admin)
            outbox.woken.set()
            await until(lambda: len(deliverer.sent) >= n, what=f"delivery {n}")
    finally:
        stop.set()
        await running

    assert [s.status for s in outbox.settled] == [DeliveryStatus.DELIVERED] * 2


@dataclass
class FlakyOutbox(FakeOutbox):
    """An outbox whose database is down for the first `down` claims."""

    down: int = 3
    claims: int = 0

    async def claim(
        self,
        *,
        owner: str,
        limit: int,
        now: datetime,
        lease_until: datetime,
        kinds: Collection[TargetKind],
    ) -> list[OutboxEntry]:
        self.claims += 1
        if self.claims <= self.down:
            raise OSError(111, "Connection refused")
        return await super().claim(owner=owner, limit=limit, now=now, lease_until=lease_until,
                                   kinds=kinds)


async def test_an_outage_logs_its_traceback_once_then_a_line_per_retry_and_one_when_it_ends(
    db: FakeDatabase, caplog: pytest.LogCaptureFixture
) -> None:
    outbox = FlakyOutbox()
    worker = worker_for(outbox, db, ScriptedDeliverer(),
                        config=WorkerConfig(poll_interval=0.001, wake_on_commit=False))
    stop = asyncio.Event()
    with caplog.at_level(logging.INFO, logger="notify.worker"):
        running = asyncio.create_task(worker.run_forever(stop))
        try:
            await until(lambda: outbox.claims > outbox.down + 1, what="claims after the outage")
        finally:
            stop.set()
            await running

    about = [r for r in caplog.records if "claim deliveries" in r.getMessage()]
    assert [r.exc_info is not None for r in about] == [True, False, False, False]
    assert [r.getMessage() for r in about[1:]] == [
        "could not claim deliveries, 2 times in a row (ConnectionRefusedError: [Errno 111] Connection "
        "refused); trying again shortly",
        "could not claim deliveries, 3 times in a row (ConnectionRefusedError: [Errno 111] Connection "
        "refused); trying again shortly",
        "could claim deliveries again after 3 failures",
    ]
