"""Backoff grows with jitter, Retry-After wins, and a delivery is given up after its last try."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from domain.notifications import Target
from notify.deliveries import DeliveryStatus, OutboxEntry, Settlement
from notify.retries import RetryPolicy
from notify.webhook import DeliveryOutcome, DeliveryResult
from notify.worker import settlement_for

NOW = datetime(2026, 3, 2, 12, 0)
POLICY = RetryPolicy(max_attempts=5, first_delay=10.0, max_delay=60.0)


def claimed(attempts: int) -> OutboxEntry:
    return OutboxEntry(
        id=1,
        delivery_id="d-1",
        event_type="ticket_created",
        ticket_id=7,
        target=Target.webhook("https://acme.webhook.office.com/x"),
        payload={},
        status=DeliveryStatus.LEASED,
        attempts=attempts,
        next_attempt_at=NOW,
        created_at=NOW,
    )


def settle(attempts: int, outcome: DeliveryOutcome, *, random: float = 0.5) -> Settlement:
    return settlement_for(claimed(attempts), outcome, retry=POLICY, now=NOW, random=lambda: random)


@pytest.mark.parametrize(
    ("attempts", "low", "high"),
    [(1, 5, 10), (2, 10, 20), (3, 20, 40), (4, 30, 60), (40, 30, 60), (10_000, 30, 60)],
)
def test_the_wait_doubles_up_to_the_ceiling_and_jitter_keeps_at_least_half(
    attempts: int, low: float, high: float
) -> None:
    assert POLICY.delay(attempts, retry_after=None, random=lambda: 0.0) == low
    assert POLICY.delay(attempts, retry_after=None, random=lambda: 0.999999) == pytest.approx(high)


def test_retry_after_replaces_the_backoff_within_its_cap() -> None:
    assert POLICY.delay(1, retry_after=7.0, random=lambda: 0.9) == 7.0
    assert POLICY.delay(1, retry_after=0.0, random=lambda: 0.9) == 0.0
    assert POLICY.delay(1, retry_after=10**9, random=lambda: 0.9) == POLICY.max_retry_after


def test_a_failed_attempt_is_retried_later_with_its_error_kept() -> None:
    settlement = settle(2, DeliveryOutcome(DeliveryResult.RETRY_LATER, "HTTP 500", 500))

    assert settlement.status is DeliveryStatus.PENDING
    assert settlement.error == "HTTP 500"
    assert settlement.next_attempt_at == NOW + timedelta(seconds=15)


def test_a_429_waits_exactly_as_long_as_the_receiver_asked() -> None:
    settlement = settle(1, DeliveryOutcome(DeliveryResult.RETRY_LATER, "HTTP 429", 429, 7.0))

    assert settlement.next_attempt_at == NOW + timedelta(seconds=7)


def test_after_the_last_attempt_the_delivery_is_dead_with_its_last_error() -> None:
    settlement = settle(5, DeliveryOutcome(DeliveryResult.RETRY_LATER, "HTTP 503", 503))

    assert settlement.status is DeliveryStatus.DEAD
    assert settlement.error == "gave up after 5 attempts: HTTP 503"


@pytest.mark.parametrize(
    ("result", "status"),
    [
        (DeliveryResult.DELIVERED, DeliveryStatus.DELIVERED),
        (DeliveryResult.GONE, DeliveryStatus.DISABLED),
        (DeliveryResult.REJECTED, DeliveryStatus.DEAD),
    ],
)
def test_final_outcomes_are_settled_on_the_first_attempt(
    result: DeliveryResult, status: DeliveryStatus
) -> None:
    assert settle(1, DeliveryOutcome(result, "x")).status is status


def test_a_policy_that_could_never_retry_is_refused() -> None:
    with pytest.raises(ValueError):
        RetryPolicy(max_attempts=0)
