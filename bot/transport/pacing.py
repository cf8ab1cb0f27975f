"""Per-conversation pacing within Teams' bot rate limits.

Teams throttles a bot per conversation thread (7 sends per second, 8 per 2 seconds,
60 per 30 seconds, 1800 per hour) and answers 429 beyond that. Rather than provoke 429s and back
off, every send reserves the earliest moment that keeps all windows satisfied and
waits for it. A 429/503 with `Retry-After` puts the whole conversation on hold, so
concurrent sends to it wait too instead of each finding out separately.

The pacer is per process: several bot processes sharing one conversation can still
exceed the limits together, which the retry in `sending.py` absorbs.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from bot.transport.clock import Clock, SystemClock


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


@dataclass(slots=True)
class _Conversation:
    slots: deque[float]
    hold_until: float = float("-inf")


class ConversationPacer:
    def __init__(
        self,
        *,
        windows: tuple[RateWindow, ...] = TEAMS_CONVERSATION_LIMITS,
        clock: Clock | None = None,
        max_tracked_conversations: int = 10_000,
    ) -> None:
        if not windows:
            raise ValueError("a pacer needs at least one rate window")
        self._windows = windows
        self._clock = clock or SystemClock()
        self._history = max(w.limit for w in windows)
        self._horizon = max(w.seconds for w in windows)
        self._max_tracked = max_tracked_conversations
        self._conversations: dict[str, _Conversation] = {}

    async def wait_turn(self, conversation_id: str) -> float:
        """Wait until one more send to the conversation stays within limits; returns the wait."""
        now = self._clock.monotonic()
        delay = self.reserve(conversation_id, now=now) - now
        if delay > 0:
            await self._clock.sleep(delay)
        return max(delay, 0.0)

    def reserve(self, conversation_id: str, *, now: float) -> float:
        """Book the earliest allowed send time; booking is synchronous so callers never race."""
        conversation = self._conversation(conversation_id, now)
        slots = conversation.slots
        at = max(now, conversation.hold_until, slots[-1] if slots else now)
        for window in self._windows:
            if len(slots) >= window.limit:
                at = max(at, slots[-window.limit] + window.seconds)
        slots.append(at)
        return at

    def hold(self, conversation_id: str, *, seconds: float) -> None:
        """Make no sends to the conversation for `seconds` (Teams asked us to back off)."""
        now = self._clock.monotonic()
        conversation = self._conversation(conversation_id, now)
        conversation.hold_until = max(conversation.hold_until, now + seconds)

    def _conversation(self, conversation_id: str, now: float) -> _Conversation:
        conversation = self._conversations.get(conversation_id)
        if conversation is None:
            if len(self._conversations) >= self._max_tracked:
                self._forget_idle(now)
            conversation = _Conversation(slots=deque(maxlen=self._history))
            self._conversations[conversation_id] = conversation
        return conversation

    def _forget_idle(self, now: float) -> None:
        idle_before = now - self._horizon
        for key in [
            key
            for key, c in self._conversations.items()
            if (not c.slots or c.slots[-1] < idle_before) and c.hold_until < now
        ]:
            del self._conversations[key]
