"""The outbox in notify's words: a delivery to write, a claimed entry, how an attempt ended.

`db` stores these in `notification_outbox`; the worker, the deliverers and the
event sink only ever see these values and the ports in `notify.ports`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from domain.notifications import Target


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    LEASED = "leased"
    WAITING = "waiting"
    DELIVERED = "delivered"
    DEAD = "dead"
    DISABLED = "disabled"


FINISHED = frozenset({DeliveryStatus.DELIVERED, DeliveryStatus.DEAD, DeliveryStatus.DISABLED})


@dataclass(frozen=True, slots=True)
class NewDelivery:
    delivery_id: str
    event_type: str
    ticket_id: int | None
    target: Target
    payload: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    id: int
    delivery_id: str
    event_type: str
    ticket_id: int | None
    """None for a queued reply (`TargetKind.CONVERSATION`), which is about no one ticket."""
    target: Target
    payload: Mapping[str, Any]
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime
    created_at: datetime
    last_error: str | None = None
    last_attempt_at: datetime | None = None
    delivered_at: datetime | None = None
    lease_owner: str | None = None


@dataclass(frozen=True, slots=True)
class Settlement:
    """How one attempt ended. `status` PENDING means "try again at `next_attempt_at`";
    DISABLED also disables every unfinished row for the same target (and, for a
    webhook, the subscriptions posting to it)."""

    id: int
    status: DeliveryStatus
    error: str | None = None
    next_attempt_at: datetime | None = None
