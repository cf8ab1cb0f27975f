"""Time as TicketFlow stores it: naive UTC (`timestamp without time zone`)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def day_in(zone: tzinfo, now: datetime) -> date:
    """The calendar day it is in `zone` at `now` (naive UTC)."""
    return now.replace(tzinfo=UTC).astimezone(zone).date()


def start_of_day(day: date, zone: tzinfo) -> datetime:
    """When `day` begins in `zone`, as stored (naive UTC). A day whose midnight a clock
    change skips begins at the first moment it has (the offset from before the change).
    The calendar's first day, east of UTC, began before the first moment stored: it
    begins then."""
    try:
        return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC).replace(tzinfo=None)
    except OverflowError:
        return datetime.min
