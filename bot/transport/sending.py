"""Sends that survive Teams throttling: paced per conversation, retried on 429/412/5xx.

botbuilder sends once and raises on 429 or 503; Teams expects bots to back off and
try again, honouring `Retry-After`. `PacedSender` wraps any connector call (a reply,
a proactive post, a card update) so interactive replies and the notification worker
share one policy and one view of each conversation's budget.
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TypeVar

from msrest.exceptions import ClientRequestError, HttpOperationError

from bot.transport.clock import Clock, SystemClock
from bot.transport.pacing import ConversationPacer

T = TypeVar("T")

logger = logging.getLogger(__name__)

RETRYABLE_STATUSES = frozenset({412, 429, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class ConnectorRetryPolicy:
    attempts: int = 4
    """Total attempts, the first one included."""
    first_backoff: float = 1.0
    """Wait before the second attempt when Teams gives no `Retry-After`; doubles after."""
    max_wait: float = 30.0
    """Longer waits are not worth holding a turn for: give up and let the caller reschedule."""


class ConnectorCallFailed(Exception):
    """A connector call failed for good; `retry_after` says when Teams would take it again."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None,
        code: str | None = None,
        retry_after: float | None = None,
        attempts: int = 1,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.retry_after = retry_after
        self.attempts = attempts


class ConnectorAnswered(Exception):
    """The connector answered a write with an error status (`conversation_writes`)."""

    def __init__(self, status: int, *, code: str | None, retry_after: str | None) -> None:
        super().__init__(f"connector answered {status}")
        self.status = status
        self.code = code
        self.retry_after = retry_after


class ConnectorUnreachable(Exception):
    """A write never got an answer: no connection, or it dropped (`conversation_writes`)."""


def full_jitter(delay: float) -> float:
    """Spread backoffs so conversations throttled together do not retry together."""
    return random.uniform(delay / 2, delay)


class PacedSender:
    def __init__(
        self,
        *,
        pacer: ConversationPacer | None = None,
        policy: ConnectorRetryPolicy | None = None,
        clock: Clock | None = None,
        jitter: Callable[[float], float] = full_jitter,
        before_waiting: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        """`before_waiting` runs before each connector call and its pacing: the composition
        root gives back the turn's database connection there."""
        self._clock = clock or SystemClock()
        self._before_waiting = before_waiting
        self._pacer = pacer or ConversationPacer(clock=self._clock)
        self._policy = policy or ConnectorRetryPolicy()
        self._jitter = jitter

    @property
    def pacer(self) -> ConversationPacer:
        return self._pacer

    @property
    def clock(self) -> Clock:
        return self._clock

    async def send(
        self,
        *,
        conversation_id: str,
        operation: Callable[[], Awaitable[T]],
        tenant_id: str | None = None,
        within: ConnectorRetryPolicy | None = None,
    ) -> T:
        """Run `operation` (one connector call) within the conversation's and its tenant's
        budgets, retrying.

        `within`: a stricter policy for a caller that cannot wait long (a turn); then a
        send the pacer would hold longer than its `max_wait` fails at once, unsent.
        """
        policy = within or self._policy
        if self._before_waiting is not None:
            await self._before_waiting()
        for attempt in range(1, policy.attempts + 1):
            if within is None:
                await self._pacer.wait_turn(conversation_id, tenant_id=tenant_id)
            else:
                await self._wait_within(conversation_id, tenant_id, policy.max_wait)
            try:
                return await operation()
            except (HttpOperationError, ConnectorAnswered) as error:
                status, code, retry_after = _answer_of(error, now=self._clock.wall())
                failed = ConnectorCallFailed(
                    f"connector answered {status} for conversation {conversation_id}",
                    status=status,
                    code=code,
                    retry_after=retry_after,
                    attempts=attempt,
                )
                if status not in RETRYABLE_STATUSES or attempt == policy.attempts:
                    raise failed from error
                wait = (
                    retry_after
                    if retry_after is not None
                    else self._jitter(
                        min(policy.first_backoff * 2 ** (attempt - 1), policy.max_wait)
                    )
                )
                if wait > policy.max_wait:
                    raise failed from error
                logger.info(
                    "connector answered %s for %s; retrying in %.1fs (attempt %d of %d)",
                    status,
                    conversation_id,
                    wait,
                    attempt + 1,
                    policy.attempts,
                )
                self._pacer.hold(conversation_id, seconds=wait)
            except (ClientRequestError, ConnectorUnreachable) as error:
                raise ConnectorCallFailed(
                    f"connector unreachable for conversation {conversation_id}: {error}",
                    status=None,
                    attempts=attempt,
                ) from error
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _wait_within(
        self, conversation_id: str, tenant_id: str | None, max_wait: float
    ) -> None:
        now = self._clock.monotonic()
        delay = self._pacer.reserve(conversation_id, now=now, tenant_id=tenant_id) - now
        if delay > max_wait:
            raise ConnectorCallFailed(
                f"conversation {conversation_id} is paced {delay:.1f}s ahead",
                status=429,
                code="Paced",
                retry_after=delay,
                attempts=0,
            )
        if delay > 0:
            await self._clock.sleep(delay)


def _answer_of(
    error: HttpOperationError | ConnectorAnswered, *, now: float
) -> tuple[int | None, str | None, float | None]:
    """Status, error code and `Retry-After` seconds, from msrest's error or ours."""
    if isinstance(error, ConnectorAnswered):
        return error.status, error.code, parse_retry_after(error.retry_after, now=now)
    return _status_of(error), _code_of(error), _retry_after_of(error, now=now)


def _status_of(error: HttpOperationError) -> int | None:
    status = getattr(error.response, "status_code", None)
    return status if isinstance(status, int) else None


def _code_of(error: HttpOperationError) -> str | None:
    body = getattr(error, "error", None)
    detail = getattr(body, "error", None)
    code = getattr(detail, "code", None)
    return code if isinstance(code, str) else None


def _retry_after_of(error: HttpOperationError, *, now: float) -> float | None:
    headers = getattr(error.response, "headers", None) or {}
    return parse_retry_after(headers.get("Retry-After"), now=now)


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - now
        except (TypeError, ValueError, IndexError):
            return None
    if not math.isfinite(seconds):
        return None
    return max(seconds, 0.0)
