"""How a webhook's HTTP answer becomes an instruction for the delivery worker."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from notify.safe_http import CappedBody
from notify.webhook import DeliveryOutcome, DeliveryResult, classify_response, parse_retry_after

NOW = datetime(2026, 3, 2, 12, 0, 0, tzinfo=UTC)


def outcome(status: int, body: bytes = b"", **headers: str) -> DeliveryOutcome:
    header_map = {name.replace("_", "-"): value for name, value in headers.items()}
    return classify_response(
        status=status, headers=header_map, body=CappedBody(body, False), now=NOW
    )


def test_a_workflows_202_is_delivered() -> None:
    assert outcome(202).result is DeliveryResult.DELIVERED


def test_a_legacy_connector_200_with_1_is_delivered() -> None:
    delivered = outcome(200, b"1")
    assert (delivered.result, delivered.http_status) == (DeliveryResult.DELIVERED, 200)


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        (b"HTTP error 429 with ContextId tcid=0", DeliveryResult.RETRY_LATER),
        (b"HTTP error 503 with ContextId tcid=0", DeliveryResult.RETRY_LATER),
        (b"HTTP error 400 with ContextId tcid=0", DeliveryResult.REJECTED),
        (b"HTTP error 413 with ContextId tcid=0", DeliveryResult.REJECTED),
        (b"Error contacting Microsoft Teams endpoint", DeliveryResult.RETRY_LATER),
    ],
)
def test_a_legacy_connector_200_carrying_an_error_is_not_delivered(
    inner: bytes, expected: DeliveryResult
) -> None:
    body = b"Webhook message delivery failed with error: Microsoft Teams endpoint returned " + inner
    assert outcome(200, body).result is expected


@pytest.mark.parametrize("status", [404, 410])
def test_a_missing_or_removed_webhook_is_gone(status: int) -> None:
    assert outcome(status).result is DeliveryResult.GONE


@pytest.mark.parametrize("status", [400, 401, 403, 405, 413, 415, 422])
def test_other_client_errors_are_rejected(status: int) -> None:
    assert outcome(status).result is DeliveryResult.REJECTED


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_throttling_timeouts_and_server_errors_are_retried_later(status: int) -> None:
    assert outcome(status).result is DeliveryResult.RETRY_LATER


def test_a_429_carries_its_retry_after_seconds() -> None:
    throttled = outcome(429, Retry_After="7")
    assert (throttled.retry_after, throttled.http_status) == (7.0, 429)


def test_a_503_carries_its_retry_after_date() -> None:
    later = format_datetime(NOW + timedelta(seconds=90), usegmt=True)
    assert outcome(503, Retry_After=later).retry_after == 90.0


def test_a_429_without_retry_after_leaves_backoff_to_the_caller() -> None:
    assert outcome(429).retry_after is None


def test_the_error_body_is_shown_briefly_and_printably() -> None:
    detail = outcome(500, b"boom\r\n\x1b[31m" + b"x" * 1000).detail
    assert detail.startswith("HTTP 500: boom")
    assert "\x1b" not in detail and len(detail) < 320


def test_a_truncated_body_is_marked() -> None:
    detail = classify_response(
        status=500, headers={}, body=CappedBody(b"abc", truncated=True), now=NOW
    ).detail
    assert detail == "HTTP 500: abc …"


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        (" 7 ", 7.0),
        ("0", 0.0),
        ("999999999", 3600.0),
        (format_datetime(NOW + timedelta(seconds=30), usegmt=True), 30.0),
        (format_datetime(NOW - timedelta(seconds=30), usegmt=True), 0.0),
        (format_datetime(NOW + timedelta(days=3), usegmt=True), 3600.0),
        ("Mon, 02 Mar 2026 12:01:00 GMT", 60.0),
    ],
)
def test_retry_after_is_read_as_seconds_or_date_and_capped(value: str, seconds: float) -> None:
    assert parse_retry_after(value, now=NOW, max_seconds=3600.0) == seconds


@pytest.mark.parametrize("value", [None, "", "-5", "1.5", "soon", "٣", "Mon, 99 Foo 2026"])
def test_an_unreadable_retry_after_is_ignored(value: str | None) -> None:
    assert parse_retry_after(value, now=NOW, max_seconds=3600.0) is None
