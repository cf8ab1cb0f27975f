"""The due windows a list can ask for, as the days they cover."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from domain.tickets import DueWindow

WEDNESDAY = date(2026, 12, 2)
SUNDAY = date(2026, 12, 6)


@pytest.mark.parametrize(("window", "today", "expected"), [
    (DueWindow.OVERDUE, WEDNESDAY, (None, datetime(2026, 12, 2))),
    (DueWindow.TODAY, WEDNESDAY, (datetime(2026, 12, 2), datetime(2026, 12, 3))),
    (DueWindow.TOMORROW, WEDNESDAY, (datetime(2026, 12, 3), datetime(2026, 12, 4))),
    (DueWindow.THIS_WEEK, WEDNESDAY, (datetime(2026, 12, 2), datetime(2026, 12, 7))),
    (DueWindow.NEXT_WEEK, WEDNESDAY, (datetime(2026, 12, 7), datetime(2026, 12, 14))),
    (DueWindow.TOMORROW, SUNDAY, (datetime(2026, 12, 7), datetime(2026, 12, 8))),
    (DueWindow.NEXT_WEEK, SUNDAY, (datetime(2026, 12, 7), datetime(2026, 12, 14))),
    (DueWindow.SOON, WEDNESDAY, (datetime(2026, 12, 2), datetime(2026, 12, 5))),
    (DueWindow.SOON, SUNDAY, (datetime(2026, 12, 6), datetime(2026, 12, 9))),
    (DueWindow.SOON, date(2026, 12, 30), (datetime(2026, 12, 30), datetime(2027, 1, 2))),
    (DueWindow.THIS_MONTH, WEDNESDAY, (datetime(2026, 12, 2), datetime(2027, 1, 1))),
    (DueWindow.THIS_MONTH, date(2026, 12, 31), (datetime(2026, 12, 31), datetime(2027, 1, 1))),
    (DueWindow.THIS_MONTH, date(2028, 2, 28), (datetime(2028, 2, 28), datetime(2028, 3, 1))),
    (DueWindow.THIS_MONTH, date(2027, 1, 31), (datetime(2027, 1, 31), datetime(2027, 2, 1))),
])
def test_a_due_window_covers_whole_utc_days_from_today(
    window: DueWindow, today: date, expected: tuple[datetime | None, datetime]
) -> None:
    assert window.bounds(today) == expected
