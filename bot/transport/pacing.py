"""Pacing within Teams' bot rate limits, per conversation and for the whole app.

Teams throttles a bot per conversation (7 operations per second, 8 per 2 seconds,
60 per 30 seconds, 1800 per hour) and each app per tenant (50 per second), and
answers 429 beyond that. Rather than provoke 429s and back off, every send reserves
the earliest moment that keeps every window satisfied, and waits for it.

The windows paced to sit a margin below the published ones (one send fewer, a
window a tenth longer): Teams counts on its side of the network, so sends booked
exactly on a window's edge can arrive inside it. A channel and the threads under
it (`<channel id>;messageid=<root>`) are one conversation for Teams, so they share
one budget. A 429/503 with `Retry-After` puts the whole conversation on hold, so
concurrent sends to it wait too instead of each finding out separately.

The app budget is kept per tenant, as Teams counts it: the conversation's tenant as
Teams sends it (`conversation.tenantId`, `channelData.tenant.id`); sends whose tenant
is unknown share one budget. Two tenants never wait for each other.

The pacer is per process: several bot processes sharing one conversation or tenant can
still exceed the limits together, which the retry in `sending.py` absorbs.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from bot.transport.clock import Clock, SystemClock
from bot.transport.sliding_window import SlidingWindow

THREAD_MARKER = ";messageid="


@dataclass(frozen=True, slots=True)
class RateWindow:
    limit: int
    seconds: float


TEAMS_CONVERSATION_LIMITS: tuple[RateWindow, ...] = (
    RateWindow(limit=7, seconds=1.0),
    RateWindow(limit=8, seconds=2.0),
    RateWindow(limit=60, seconds=30.0),
    RateWindow(limit=1800, seconds=3600.0),
)
"""What Teams publishes per bot and conversation."""

TEAMS_APP_LIMIT = RateWindow(limit=50, seconds=1.0)
"""What Teams publishes per app and tenant, across all conversations."""

PACED_CONVERSATION_LIMITS: tuple[RateWindow, ...] = (
    RateWindow(limit=6, seconds=1.1),
    RateWindow(limit=7, seconds=2.2),
    RateWindow(limit=55, seconds=33.0),
    RateWindow(limit=1700, seconds=3700.0),
)
"""What the pacer books against per conversation: a margin below the published limits."""

PACED_APP_LIMIT = RateWindow(limit=40, seconds=1.1)
"""What the pacer books against per app and tenant, in a sliding window. A window a
tenth longer, like the conversation windows: when the budget is full, sends leave in
bursts 1.1 s apart, so up to 0.1 s of spread in their arrival never lands two bursts in
one of Teams' seconds. Forty, not 49: the connector calls that are not paced (member
lookups when someone new writes, conversation creation) count against the same limit,
and no second holds more than under the whole-second buckets this replaced (40), while
the sustained rate goes from 20 to 36 a second."""

UNKNOWN_TENANT = ""
"""The one budget shared by sends whose conversation names no tenant."""


def conversation_key(conversation_id: str) -> str:
    """The conversation Teams counts: a channel thread counts as its channel."""
    return conversation_id.split(THREAD_MARKER, 1)[0]


@dataclass(slots=True)
class _Conversation:
    slots: deque[float]
    hold_until: float = float("-inf")


class ConversationPacer:
    def __init__(
        self,
        *,
        windows: tuple[RateWindow, ...] = PACED_CONVERSATION_LIMITS,
        app_window: RateWindow = PACED_APP_LIMIT,
        clock: Clock | None = None,
        max_tracked_conversations: int = 10_000,
        max_tracked_tenants: int = 1_000,
    ) -> None:
        if not windows:
            raise ValueError("a pacer needs at least one rate window")
        if app_window.limit < 1:
            raise ValueError("the app budget must allow at least one send per window")
        self._windows = windows
        self._app_window = app_window
        self._clock = clock or SystemClock()
        self._history = max(w.limit for w in windows)
        self._horizon = max(w.seconds for w in windows)
        self._max_tracked = max_tracked_conversations
        self._max_tenants = max_tracked_tenants
        self._conversations: dict[str, _Conversation] = {}
        self._tenants: dict[str, SlidingWindow] = {}

    async def wait_turn(self, conversation_id: str, *, tenant_id: str | None = None) -> float:
        """Wait until one more send to the conversation stays within limits; returns the wait."""
        now = self._clock.monotonic()
        delay = self.reserve(conversation_id, now=now, tenant_id=tenant_id) - now
        if delay > 0:
            await self._clock.sleep(delay)
        return max(delay, 0.0)

    def reserve(self, conversation_id: str, *, now: float, tenant_id: str | None = None) -> float:
        """Book the earliest allowed send time; booking is synchronous so callers never race."""
        conversation = self._conversation(conversation_key(conversation_id), now)
        slots = conversation.slots
        at = max(now, conversation.hold_until, slots[-1] if slots else now)
        for window in self._windows:
            if len(slots) >= window.limit:
                at = max(at, slots[-window.limit] + window.seconds)
        # Later is always fine for the conversation's windows, so the tenant's budget
        # may only move the booking on, to the first moment its window has room.
        at = self._tenant(tenant_id, now).book(at, now=now)
        slots.append(at)
        return at

    def hold(self, conversation_id: str, *, seconds: float) -> None:
        """Make no sends to the conversation for `seconds` (Teams asked us to back off)."""
        now = self._clock.monotonic()
        conversation = self._conversation(conversation_key(conversation_id), now)
        conversation.hold_until = max(conversation.hold_until, now + seconds)

    def _tenant(self, tenant_id: str | None, now: float) -> SlidingWindow:
        key = tenant_id.lower() if tenant_id else UNKNOWN_TENANT
        budget = self._tenants.get(key)
        if budget is None:
            if len(self._tenants) >= self._max_tenants:
                for idle in [k for k, b in self._tenants.items() if b.idle(now=now)]:
                    del self._tenants[idle]
            budget = SlidingWindow(limit=self._app_window.limit, seconds=self._app_window.seconds)
            self._tenants[key] = budget
        return budget

    def _conversation(self, key: str, now: float) -> _Conversation:
        conversation = self._conversations.get(key)
        if conversation is None:
            if len(self._conversations) >= self._max_tracked:
                self._forget_idle(now)
            conversation = _Conversation(slots=deque(maxlen=self._history))
            self._conversations[key] = conversation
        return conversation

    def _forget_idle(self, now: float) -> None:
        idle_before = now - self._horizon
        for key in [
            key
            for key, c in self._conversations.items()
            if (not c.slots or c.slots[-1] < idle_before) and c.hold_until < now
        ]:
            del self._conversations[key]
