"""The delivery worker: claims due outbox rows under a lease, delivers them, records outcomes.

At-least-once: a row is marked delivered only after its send succeeded, so a
worker killed mid-delivery loses nothing (its lease runs out and another worker
sends again, under the same delivery id). While a delivery is in flight its
lease is renewed, so a slow but alive worker keeps its rows.

`run_forever` keeps up to `concurrency` deliveries in flight, claiming more as
slots free up; outcomes are written in one transaction per turn of the loop.
"""

from __future__ import annotations

import asyncio
import logging
import random as random_module
from collections.abc import Callable, Mapping, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import SQLAlchemyError

from domain.clock import utcnow
from domain.notifications import Target, TargetKind, TicketNotice
from notify.deliverers import Deliverer
from notify.deliveries import DeliveryStatus, OutboxEntry, Settlement
from notify.notices import NoticeLinks, load_notices
from notify.ports import DeliveryQueue, NoticeFactsReader
from notify.replies import ReplyDeliverer
from notify.retries import RetryPolicy
from notify.webhook import DeliveryOutcome, DeliveryResult
from notify.webhook_url import redact_webhook_url

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    batch_size: int = 100
    """Rows claimed at most per query."""
    concurrency: int = 64
    """Deliveries in flight at once."""
    lease: float = 60.0
    """Seconds a claim holds a row; renewed every third of it while the delivery runs."""
    poll_interval: float = 1.0
    """Seconds between looks at the outbox when there was nothing to do."""
    stop_grace: float = 10.0
    """Seconds a stopping worker waits for deliveries in flight before giving them back."""
    wake_on_commit: bool = True
    """Claim as soon as rows are committed; False polls only (to measure what waking saves)."""


def settlement_for(
    entry: OutboxEntry,
    outcome: DeliveryOutcome,
    *,
    retry: RetryPolicy,
    now: datetime,
    random: Callable[[], float],
) -> Settlement:
    """What an attempt's outcome means for its row."""
    if outcome.result is DeliveryResult.DELIVERED:
        return Settlement(entry.id, DeliveryStatus.DELIVERED)
    if outcome.result is DeliveryResult.GONE:
        return Settlement(entry.id, DeliveryStatus.DISABLED, error=outcome.detail)
    if outcome.result is DeliveryResult.REJECTED:
        return Settlement(entry.id, DeliveryStatus.DEAD, error=outcome.detail)
    if retry.exhausted(entry.attempts):
        return Settlement(
            entry.id,
            DeliveryStatus.DEAD,
            error=f"gave up after {entry.attempts} attempts: {outcome.detail}",
        )
    wait = retry.delay(entry.attempts, retry_after=outcome.retry_after, random=random)
    return Settlement(
        entry.id,
        DeliveryStatus.PENDING,
        error=outcome.detail,
        next_attempt_at=now + timedelta(seconds=wait),
    )


def shown(target: Target) -> str:
    """A target as logs and the CLI show it: webhook URLs carry secrets."""
    key = redact_webhook_url(target.key) if target.kind is TargetKind.WEBHOOK else target.key
    return f"{target.kind.value} {key}"


class DeliveryWorker:
    def __init__(
        self,
        *,
        outbox: DeliveryQueue,
        facts: NoticeFactsReader,
        deliverers: Mapping[TargetKind, Deliverer],
        links: NoticeLinks,
        worker_id: str,
        retry: RetryPolicy = RetryPolicy(),
        config: WorkerConfig = WorkerConfig(),
        clock: Callable[[], datetime] = utcnow,
        random: Callable[[], float] = random_module.random,
        replies: ReplyDeliverer | None = None,
    ) -> None:
        """`replies` sends queued turn replies (a worker without it leaves them to others)."""
        self._outbox = outbox
        self._facts = facts
        self._deliverers = dict(deliverers)
        self._replies = replies
        self._links = links
        self.worker_id = worker_id
        self._retry = retry
        self._config = config
        self._clock = clock
        self._random = random
        self._troubles = _Troubles()

    async def run_once(self) -> int:
        """Claim one batch, deliver all of it, record the outcomes; returns the rows claimed."""
        work = await self._claim(self._config.batch_size)
        outcomes = await asyncio.gather(*(self._attempt(entry, notice) for entry, notice in work))
        await self._settle(list(outcomes))
        return len(work)

    async def run_forever(self, stop: asyncio.Event) -> None:
        """Deliver until `stop` is set, then finish in-flight work within `stop_grace`.

        Committed rows wake the worker at once (`DeliveryQueue.wakeups`); polling
        every `poll_interval` is the fallback for a signal that never came.
        """
        log.info("delivery worker %s started", self.worker_id)
        try:
            async with AsyncExitStack() as listening:
                woken = asyncio.Event()
                try:
                    if self._config.wake_on_commit:
                        woken = await listening.enter_async_context(self._outbox.wakeups())
                except (SQLAlchemyError, OSError):
                    log.exception("cannot listen for new deliveries; polling alone")
                await self._deliver(stop, woken)
        finally:
            await self.close()
            log.info("delivery worker %s stopped", self.worker_id)

    async def _deliver(self, stop: asyncio.Event, woken: asyncio.Event) -> None:
        config = self._config
        in_flight: dict[asyncio.Task[tuple[OutboxEntry, DeliveryOutcome]], OutboxEntry] = {}
        stopping = asyncio.create_task(stop.wait())
        waking = asyncio.create_task(woken.wait())
        loop = asyncio.get_running_loop()
        renew_at = loop.time() + config.lease / 3
        refill = max(1, min(config.batch_size, config.concurrency) // 2)
        try:
            while not stop.is_set():
                free = config.concurrency - len(in_flight)
                more_waiting = False
                if free >= refill or not in_flight:
                    woken.clear()
                    work = await self._claim_safely(min(free, config.batch_size))
                    more_waiting = len(work) == min(free, config.batch_size)
                    for entry, notice in work:
                        attempt = asyncio.create_task(
                            self._attempt(entry, notice), name=f"ticketflow-delivery-{entry.id}")
                        in_flight[attempt] = entry
                timeout = (
                    0
                    if more_waiting and len(in_flight) < config.concurrency
                    else (max(0.0, min(config.poll_interval, renew_at - loop.time())))
                )
                if waking.done():
                    waking = asyncio.create_task(woken.wait())
                free = config.concurrency - len(in_flight)
                waits = [*in_flight, stopping]
                if free >= refill or not in_flight:  # a wake-up would be acted on
                    waits.append(waking)
                await asyncio.wait(waits, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
                await self._settle_safely(_collect(in_flight))
                if loop.time() >= renew_at:
                    await self._renew_safely([entry.id for entry in in_flight.values()])
                    renew_at = loop.time() + config.lease / 3
            await self._wind_down(in_flight)
        finally:
            stopping.cancel()
            waking.cancel()

    async def close(self) -> None:
        """Close the deliverers' connections; `run_forever` does it when it stops."""
        for deliverer in self._deliverers.values():
            await deliverer.close()
        if self._replies is not None:
            await self._replies.close()

    @property
    def _kinds(self) -> list[TargetKind]:
        replies = [TargetKind.CONVERSATION] if self._replies is not None else []
        return [*self._deliverers, *replies]

    async def _wind_down(
        self, in_flight: dict[asyncio.Task[tuple[OutboxEntry, DeliveryOutcome]], OutboxEntry]
    ) -> None:
        if in_flight:
            await asyncio.wait(in_flight, timeout=self._config.stop_grace)
        finished = _collect(in_flight)
        for task in in_flight:
            task.cancel()
        await asyncio.gather(*in_flight, return_exceptions=True)
        await self._settle_safely(finished)
        unfinished = [entry.id for entry in in_flight.values()]
        if not unfinished:
            return
        try:
            await self._outbox.release(owner=self.worker_id, ids=unfinished, now=self._clock())
        except (SQLAlchemyError, OSError):
            log.exception(
                "could not give back %d deliveries; their leases will run out", len(unfinished)
            )
        else:
            log.warning("gave back %d unfinished deliveries on stop", len(unfinished))

    async def _claim(self, limit: int) -> list[tuple[OutboxEntry, TicketNotice | None]]:
        now = self._clock()
        entries = await self._outbox.claim(
            owner=self.worker_id,
            limit=limit,
            now=now,
            lease_until=now + timedelta(seconds=self._config.lease),
            kinds=self._kinds,
        )
        about_tickets = [e for e in entries if e.target.kind is not TargetKind.CONVERSATION]
        notices = await load_notices(self._facts, about_tickets, links=self._links)
        return [(entry, notices.get(entry.id)) for entry in entries]

    async def _attempt(
        self, entry: OutboxEntry, notice: TicketNotice | None
    ) -> tuple[OutboxEntry, DeliveryOutcome]:
        if entry.target.kind is TargetKind.CONVERSATION and self._replies is not None:
            return entry, await self._reply(entry, self._replies)
        if notice is None:
            return entry, DeliveryOutcome(
                DeliveryResult.REJECTED,
                "not sent: the ticket no longer exists, the recipient may no longer see it,"
                " or nothing that changed is theirs to read",
            )
        if entry.attempts > self._retry.max_attempts:
            # Claimed again after its worker died each time: do not let it kill another.
            return entry, DeliveryOutcome(
                DeliveryResult.REJECTED, f"abandoned by {entry.attempts - 1} workers mid-delivery"
            )
        deliverer = self._deliverers[entry.target.kind]  # only these kinds are claimed
        try:
            return entry, await deliverer.deliver(entry, notice)
        except Exception as error:  # one delivery's bug must not stop the others; it is retried
            return entry, _raised(entry, error, what="delivery")

    async def _reply(self, entry: OutboxEntry, replies: ReplyDeliverer) -> DeliveryOutcome:
        try:
            return await replies.deliver(entry)
        except Exception as error:  # as for notifications: logged, and tried again later
            return _raised(entry, error, what="queued reply")

    async def _settle(self, outcomes: Sequence[tuple[OutboxEntry, DeliveryOutcome]]) -> None:
        if not outcomes:
            return
        now = self._clock()
        settlements = [
            settlement_for(entry, outcome, retry=self._retry, now=now, random=self._random)
            for entry, outcome in outcomes
        ]
        disabled = await self._outbox.settle(owner=self.worker_id, settlements=settlements, now=now)
        for (entry, outcome), settlement in zip(outcomes, settlements, strict=True):
            _log_settlement(entry, outcome, settlement)
        for entry in disabled:
            log.warning("disabled %s: %s", shown(entry.target), entry.last_error)

    async def _claim_safely(self, limit: int) -> list[tuple[OutboxEntry, TicketNotice | None]]:
        try:
            claimed = await self._claim(limit)
        except (SQLAlchemyError, OSError) as error:
            self._troubles.failed("claim deliveries", error, then="trying again shortly")
            return []
        self._troubles.recovered("claim deliveries")
        return claimed

    async def _settle_safely(self, outcomes: list[tuple[OutboxEntry, DeliveryOutcome]]) -> None:
        """A failed write leaves the rows leased: their lease runs out and they are sent again."""
        try:
            await self._settle(outcomes)
        except (SQLAlchemyError, OSError) as error:
            self._troubles.failed("record delivery outcomes", error,
                                  then=f"{len(outcomes)} are sent again when their lease ends")
        else:
            if outcomes:
                self._troubles.recovered("record delivery outcomes")

    async def _renew_safely(self, ids: list[int]) -> None:
        try:
            await self._outbox.renew(
                owner=self.worker_id,
                ids=ids,
                lease_until=self._clock() + timedelta(seconds=self._config.lease),
            )
        except (SQLAlchemyError, OSError) as error:
            self._troubles.failed("renew leases", error, then="trying again shortly")
        else:
            self._troubles.recovered("renew leases")


class _Troubles:
    """The worker's own database calls failing again and again (an outage): the traceback
    once, when a failure starts or changes, then one line per retry, and one when it works
    again, instead of a traceback every poll."""

    def __init__(self) -> None:
        self._ongoing: dict[str, tuple[str, int]] = {}

    def failed(self, doing: str, error: BaseException, *, then: str) -> None:
        reason = _one_line(f"{type(error).__name__}: {error}")[:300]
        last, times = self._ongoing.get(doing, ("", 0))
        self._ongoing[doing] = (reason, times + 1)
        if reason != last:
            log.error("could not %s (%s); %s", doing, reason, then, exc_info=error)
        else:
            log.warning("could not %s, %d times in a row (%s); %s", doing, times + 1, reason, then)

    def recovered(self, doing: str) -> None:
        if (ongoing := self._ongoing.pop(doing, None)) is not None:
            log.info("could %s again after %d failures", doing, ongoing[1])


def _collect(
    in_flight: dict[asyncio.Task[tuple[OutboxEntry, DeliveryOutcome]], OutboxEntry],
) -> list[tuple[OutboxEntry, DeliveryOutcome]]:
    done = [task for task in in_flight if task.done() and not task.cancelled()]
    for task in done:
        del in_flight[task]
    return [task.result() for task in done]


def _raised(entry: OutboxEntry, error: Exception, *, what: str) -> DeliveryOutcome:
    """A retry of the same failure is told by its settlement line alone: the traceback is
    logged when a failure is new to the row (its stored `last_error` differs), so a
    delivery that keeps failing the same way does not fill the log with copies of it."""
    detail = f"{type(error).__name__}: {error}"[:500]
    if detail != entry.last_error:
        log.error(
            "%s %s to %s raised %s",
            what,
            entry.delivery_id,
            shown(entry.target),
            detail,
            exc_info=error,
        )
    return DeliveryOutcome(DeliveryResult.RETRY_LATER, detail)


def _log_settlement(entry: OutboxEntry, outcome: DeliveryOutcome, settlement: Settlement) -> None:
    status = settlement.status
    if status is DeliveryStatus.DELIVERED:
        log.debug("delivered %s to %s", entry.delivery_id, shown(entry.target))
    elif status is DeliveryStatus.PENDING:
        log.info(
            "delivery %s to %s: attempt %d failed (%s); next try at %s",
            entry.delivery_id,
            shown(entry.target),
            entry.attempts,
            _one_line(outcome.detail),
            f"{settlement.next_attempt_at:%Y-%m-%d %H:%M:%S}",
        )
    else:
        log.warning(
            "delivery %s to %s is %s: %s",
            entry.delivery_id,
            shown(entry.target),
            status.value,
            _one_line(settlement.error),
        )


def _one_line(detail: str | None) -> str:
    return " ".join((detail or "").split())
