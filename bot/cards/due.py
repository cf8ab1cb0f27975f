"""How far a due date is, as a ticket card says it: "due in 3 h", "overdue by 2 d"."""

from __future__ import annotations

from datetime import datetime, timedelta

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def due_hint(due: datetime, *, now: datetime) -> str:
    """Rounded down to the largest unit that fits: minutes below an hour, hours below two days."""
    ahead = due - now
    span = _span(abs(ahead))
    return f"due in {span}" if ahead >= timedelta(0) else f"overdue by {span}"


def _span(length: timedelta) -> str:
    if length < HOUR:
        return f"{max(1, int(length.total_seconds() // 60))} min"
    if length < 2 * DAY:
        return f"{int(length / HOUR)} h"
    return f"{int(length / DAY)} d"
