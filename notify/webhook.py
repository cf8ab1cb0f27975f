"""Post one notification to a channel webhook and say what the delivery worker should do next.

Every network failure becomes an outcome, because the worker decides retries
and backoff from it; only programming errors (a payload that is not JSON, a
bad delivery id) raise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Any

import aiohttp
from yarl import URL

from notify.safe_http import AddressRefused, CappedBody, RedirectRefused, read_capped_body
from notify.webhook_url import WebhookPolicy, WebhookUrl, WebhookUrlRefused, check_webhook_url

__all__ = [
    "DEFAULT_MAX_BODY_BYTES",
    "DEFAULT_MAX_RETRY_AFTER",
    "DELIVERY_ID_HEADER",
    "DeliveryOutcome",
    "DeliveryResult",
    "classify_response",
    "parse_retry_after",
    "post_webhook",
]

DELIVERY_ID_HEADER = "X-TicketFlow-Delivery"
DEFAULT_MAX_BODY_BYTES = 64 * 1024
DEFAULT_MAX_RETRY_AFTER = 3600.0

_DELIVERY_ID = re.compile(r"[\x21-\x7e]{1,200}")
# Legacy Office 365 connectors answer 200 even when Teams refused the message,
# with this text as the body (success is a bare number, usually "1").
_CONNECTOR_FAILURE = "Webhook message delivery failed with error:"
_CONNECTOR_INNER_STATUS = re.compile(r"HTTP error (\d{3})")


class DeliveryResult(StrEnum):
    DELIVERED = "delivered"
    RETRY_LATER = "retry_later"
    GONE = "gone"  # the caller disables the target
    REJECTED = "rejected"  # retrying the same request would fail the same way


@dataclass(frozen=True)
class DeliveryOutcome:
    """``retry_after`` is the receiver's requested wait in seconds, capped; None leaves backoff to the caller."""

    result: DeliveryResult
    detail: str
    http_status: int | None = None
    retry_after: float | None = None


async def post_webhook(
    session: aiohttp.ClientSession,
    url: WebhookUrl | str,
    payload: dict[str, Any],
    *,
    delivery_id: str,
    policy: WebhookPolicy,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
) -> DeliveryOutcome:
    """POST ``payload`` as JSON once; ``session`` must come from ``create_webhook_session``.

    The URL is checked again against today's policy, so a stored URL that is no
    longer allowed is never called. ``delivery_id`` goes out as
    ``X-TicketFlow-Delivery`` so receivers can drop the duplicates that
    at-least-once delivery produces.
    """
    if not _DELIVERY_ID.fullmatch(delivery_id):
        raise ValueError("delivery_id must be 1-200 visible ASCII characters")
    body = json.dumps(payload, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode(
        "utf-8"
    )
    try:
        target = check_webhook_url(url.url if isinstance(url, WebhookUrl) else url, policy=policy)
    except WebhookUrlRefused as refusal:
        return DeliveryOutcome(DeliveryResult.REJECTED, f"URL refused: {refusal.message}")
    headers = {"Content-Type": "application/json", DELIVERY_ID_HEADER: delivery_id}
    try:
        async with session.post(
            URL(target.url, encoded=True), data=body, headers=headers, allow_redirects=False
        ) as response:
            try:
                answer = await read_capped_body(response, limit=max_body_bytes)
            except (aiohttp.ClientError, TimeoutError):
                answer = CappedBody(data=b"", truncated=True)
            return classify_response(
                status=response.status,
                headers=response.headers,
                body=answer,
                now=datetime.now(UTC),
                max_retry_after=max_retry_after,
            )
    except RedirectRefused as redirect:
        return DeliveryOutcome(DeliveryResult.REJECTED, str(redirect), http_status=redirect.status)
    except WebhookUrlRefused as refusal:
        return DeliveryOutcome(DeliveryResult.REJECTED, f"URL refused: {refusal.message}")
    except TimeoutError:
        return DeliveryOutcome(DeliveryResult.RETRY_LATER, "the webhook did not answer in time")
    except aiohttp.InvalidURL:
        return DeliveryOutcome(DeliveryResult.REJECTED, "aiohttp could not use the URL")
    except (aiohttp.ClientError, OSError) as error:
        refused = _address_refusal(error)
        if refused is not None:
            return DeliveryOutcome(DeliveryResult.REJECTED, refused.strerror or str(refused))
        return DeliveryOutcome(DeliveryResult.RETRY_LATER, _describe(error))


def classify_response(
    *,
    status: int,
    headers: Mapping[str, str],
    body: CappedBody,
    now: datetime,
    max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
) -> DeliveryOutcome:
    """Map an HTTP answer to an outcome; Workflows answer 202, legacy connectors 200 "1"."""
    excerpt = _excerpt(body)
    if 200 <= status < 300:
        if not excerpt.startswith(_CONNECTOR_FAILURE):
            return DeliveryOutcome(DeliveryResult.DELIVERED, f"HTTP {status}", http_status=status)
        inner_status = _CONNECTOR_INNER_STATUS.search(excerpt)
        inner = int(inner_status.group(1)) if inner_status else 503
        outcome = classify_response(status=inner, headers={}, body=CappedBody(b"", False), now=now)
        return DeliveryOutcome(
            outcome.result, f"connector answered {status}: {excerpt}", http_status=status
        )
    detail = f"HTTP {status}" + (f": {excerpt}" if excerpt else "")
    if status in (404, 410):
        return DeliveryOutcome(DeliveryResult.GONE, detail, http_status=status)
    if status in (408, 429) or 500 <= status < 600:
        retry_after = parse_retry_after(
            headers.get("Retry-After"), now=now, max_seconds=max_retry_after
        )
        return DeliveryOutcome(
            DeliveryResult.RETRY_LATER, detail, http_status=status, retry_after=retry_after
        )
    return DeliveryOutcome(DeliveryResult.REJECTED, detail, http_status=status)


def parse_retry_after(value: str | None, *, now: datetime, max_seconds: float) -> float | None:
    """Seconds to wait from ``Retry-After`` (delay-seconds or HTTP-date), within [0, max_seconds].

    None when absent or unreadable, so the caller's own backoff applies.
    """
    if value is None:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
        return min(float(text), max_seconds)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max((when - now).total_seconds(), 0.0), max_seconds)


def _excerpt(body: CappedBody) -> str:
    text = body.data[:300].decode("utf-8", errors="replace")
    shown = "".join(char if char.isprintable() else " " for char in text).strip()
    return f"{shown} …".lstrip() if body.truncated else shown


def _address_refusal(error: BaseException) -> AddressRefused | None:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, AddressRefused):
            return current
        seen.add(id(current))
        os_error = getattr(current, "os_error", None)
        if isinstance(os_error, AddressRefused):
            return os_error
        current = current.__cause__ or current.__context__
    return None


def _describe(error: BaseException) -> str:
    """Name the failure without echoing a URL (aiohttp messages can contain the request URL)."""
    if isinstance(error, aiohttp.ClientConnectorError):
        reason = error.os_error.strerror or str(error.os_error) or type(error.os_error).__name__
        return f"could not connect to {error.host}:{error.port}: {reason}"
    return f"network error: {type(error).__name__}"
