"""When a failed delivery is tried again, and when it is given up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

_MAX_EXPONENT = 40  # 2**40 seconds is far past any ceiling; keeps the float finite


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with jitter; `Retry-After` from the receiver wins when given.

    With the defaults the last of 12 attempts comes about two and a half hours
    after the first, long enough to ride out a Teams incident.
    """

    max_attempts: int = 12
    first_delay: float = 5.0
    max_delay: float = 3600.0
    max_retry_after: float = 3600.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1 or self.first_delay <= 0 or self.max_delay < self.first_delay:
            raise ValueError(
                "a retry policy needs max_attempts >= 1 and 0 < first_delay <= max_delay"
            )

    def exhausted(self, attempts: int) -> bool:
        return attempts >= self.max_attempts

    def delay(
        self, attempts: int, *, retry_after: float | None, random: Callable[[], float]
    ) -> float:
        """Seconds before the next attempt, after `attempts` made so far.

        Equal jitter: half the exponential step is kept and half is random, so
        deliveries that failed together spread out but none retries at once.
        """
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_retry_after)
        exponent = min(max(attempts - 1, 0), _MAX_EXPONENT)
        step = min(self.first_delay * float(2**exponent), self.max_delay)
        return step / 2 + float(random()) * step / 2
