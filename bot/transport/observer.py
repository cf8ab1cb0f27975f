"""What the messages endpoint tells the rest of the service about each request it answers.

Metrics and log correlation need to know when a turn starts, how it ended and how
long it took, but they belong to the composition root: the endpoint only calls this
port, so the transport imports neither `prometheus_client` nor our logging setup.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Protocol

from botbuilder.schema import ActivityTypes

logger = logging.getLogger(__name__)

UNREAD = "unread"
"""The activity type reported for a request refused before its body was understood."""
MESSAGE = ActivityTypes.message.value
ACTIVITY_TYPES = frozenset({t.value for t in ActivityTypes} | {UNREAD})
"""Every activity type a request can be reported as."""


class TurnOutcome(StrEnum):
    PROCESSED = "processed"
    """A turn ran and was answered (an invoke's own status, even 4xx, is still an answer)."""
    REFUSED = "refused"
    """Answered with an HTTP error before any turn ran: bad body, not authenticated, …"""
    FAILED = "failed"
    """The turn raised, or the request broke off: HTTP 500 or no answer at all."""
    DUPLICATE = "duplicate"
    """A resend of an activity already taken: acknowledged without a second turn."""


class TurnObserver(Protocol):
    def turn_started(
        self, *, activity_type: str, activity_id: str | None, conversation_id: str | None
    ) -> None:
        """The activity has been read; called in the task that will run its turn."""
        ...

    def turn_finished(self, activity_type: str, outcome: TurnOutcome, seconds: float) -> None:
        """Called once per request, however it ended; `seconds` counts from its arrival.

        `activity_type` comes from the unauthenticated body: bound it before using it
        as a metric label.
        """
        ...


class Observers:
    """Several observers behind one; one that raises does not keep the others from hearing."""

    def __init__(self, *observers: TurnObserver) -> None:
        self._observers = observers

    def turn_started(
        self, *, activity_type: str, activity_id: str | None, conversation_id: str | None
    ) -> None:
        for observer in self._observers:
            try:
                observer.turn_started(
                    activity_type=activity_type,
                    activity_id=activity_id,
                    conversation_id=conversation_id,
                )
            except Exception:
                # Bookkeeping must never cost a person their answer; the failure is logged.
                logger.exception("turn observer %r failed", observer)

    def turn_finished(self, activity_type: str, outcome: TurnOutcome, seconds: float) -> None:
        for observer in self._observers:
            try:
                observer.turn_finished(activity_type, outcome, seconds)
            except Exception:
                logger.exception("turn observer %r failed", observer)
