"""How far a due date is, as a ticket card says it: "due in 3 h", "overdue by 2 d", "due today"."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from domain.tickets import whole_day

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def due_hint(due: datetime, *, now: datetime, today: date | None = None) -> str:
    """A due day in days from `today` (now's UTC day unless the card is drawn for another
    one, a digest's local day): "due today", "due tomorrow", "overdue by 2 d". A due time
    rounded down to the largest unit that fits: minutes below an hour, hours below two days."""
    if whole_day(due):
        return _days(due.date(), today or now.date())
    ahead = due - now
    span = _span(abs(ahead))
    return f"due in {span}" if ahead >= timedelta(0) else f"overdue by {span}"


def _days(due: date, today: date) -> str:
    ahead = (due - today).days
    if ahead == 0:
        return "due today"
    if ahead == 1:
        return "due tomorrow"
    return f"due in {ahead} d" if ahead > 1 else f"overdue by {-ahead} d"


def _span(length: timedelta) -> str:
    if length < HOUR:
        return f"{max(1, int(length.total_seconds() // 60))} min"
    if length < 2 * DAY:
        return f"{int(length / HOUR)} h"
    return f"{int(length / DAY)} d"
