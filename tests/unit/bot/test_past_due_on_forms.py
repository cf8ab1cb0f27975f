"""Which due date a form is asked about: a day already past on the sender's own calendar,
not kept by its box, and not the day the ticket already had."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot import sender_day
from bot.actions.tickets import unconfirmed_past_due
from bot.cards.forms import PAST_DUE_KEPT

NOW = datetime(2026, 12, 6, 4, 0)  # UTC: Sat 5 Dec 20:00 in Los Angeles, Sun 6 Dec 17:00 in Auckland


@pytest.mark.parametrize(("zone", "due", "data", "was", "asked"), [
    ("UTC", "2026-12-05", {}, None, date(2026, 12, 5)),
    ("UTC", "2026-12-06", {}, None, None),
    ("America/Los_Angeles", "2026-12-05", {}, None, None),  # still their today
    ("America/Los_Angeles", "2026-12-04", {}, None, date(2026, 12, 4)),
    ("Pacific/Auckland", "2026-12-05", {}, None, date(2026, 12, 5)),
    ("UTC", "2026-12-01", {PAST_DUE_KEPT: "true"}, None, None),  # the box kept it
    ("UTC", "2026-12-01", {PAST_DUE_KEPT: "false"}, None, date(2026, 12, 1)),
    ("UTC", "2026-12-01", {}, "2026-12-01", None),  # the ticket already had it
    ("UTC", "2026-12-01", {}, "2026-11-20", date(2026, 12, 1)),
    ("UTC", "2026-12-01T09:30:00Z", {}, None, date(2026, 12, 1)),
    ("UTC", "", {}, "2026-11-20", None),  # cleared
    ("UTC", None, {}, None, None),
    ("UTC", "not a date", {}, None, None),  # left to the save, which says so
    ("UTC", "2026-12-01", {}, "garbage", date(2026, 12, 1)),
])
def test_a_form_is_asked_about_a_new_day_already_past_for_its_sender(
    monkeypatch: pytest.MonkeyPatch, zone: str, due: object, data: dict[str, str],
    was: object, asked: date | None,
) -> None:
    monkeypatch.setattr(sender_day, "utcnow", lambda: NOW)
    with sender_day.sent_from(ZoneInfo(zone)):
        assert unconfirmed_past_due(due, data, was=was) == asked
