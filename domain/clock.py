"""Time as TicketFlow stores it: naive UTC (`timestamp without time zone`)."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
