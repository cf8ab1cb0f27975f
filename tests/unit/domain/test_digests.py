"""Daily digest schedules: times and zones as people write them, and daylight saving."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from domain.digests import (
    DigestSchedule,
    day_ends,
    digest_tickets,
    due_day,
    parse_schedule,
    parse_time,
    parse_zone,
    send_at,
)
from domain.errors import InvalidValue
from tests.unit.domain.test_recipients import ADMIN, a_ticket

PARIS_0900 = DigestSchedule(time(9, 0), "Europe/Paris")


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("09:00", time(9, 0)),
        ("9:00", time(9, 0)),
        ("9", time(9, 0)),
        ("9am", time(9, 0)),
        ("9 AM", time(9, 0)),
        ("9.30", time(9, 30)),
        ("9:30 p.m.", time(21, 30)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("17h30", time(17, 30)),
        ("00:05", time(0, 5)),
        ("23:59", time(23, 59)),
    ],
)
def test_times_of_day_are_read_as_people_write_them(written: str, meant: time) -> None:
    assert parse_time(written) == meant


@pytest.mark.parametrize(
    "written", ["24:00", "9:60", "13pm", "0am", "nine", "9:5", "-1", "09:00:00", "", "9 o'clock"]
)
def test_a_time_that_is_not_a_time_of_day_is_refused(written: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        parse_time(written)
    assert refused.value.field == "time"


@pytest.mark.parametrize(
    ("written", "zone"),
    [
        ("Europe/Paris", "Europe/Paris"),
        ("europe/paris", "Europe/Paris"),
        ("AMERICA/NEW_YORK", "America/New_York"),
        ("UTC", "UTC"),
        ("utc", "UTC"),
        ("Asia/Kolkata", "Asia/Kolkata"),
    ],
)
def test_iana_zones_are_known_in_any_letter_case(written: str, zone: str) -> None:
    assert parse_zone(written) == zone


@pytest.mark.parametrize("written", ["Paris", "CEST", "GMT+1", "Europe/Pariss", "../etc/passwd", ""])
def test_a_zone_that_is_not_an_iana_name_is_refused_with_an_example(written: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        parse_zone(written)
    assert refused.value.field == "time_zone" and "Europe/Paris" in refused.value.message


def test_a_missing_time_or_zone_asks_for_it_with_the_full_command() -> None:
    with pytest.raises(InvalidValue, match="subscribe digest 09:00 Europe/Paris"):
        parse_schedule(None, "Europe/Paris")
    with pytest.raises(InvalidValue, match="which time zone"):
        parse_schedule("09:00", " ")


@pytest.mark.parametrize(
    ("day", "utc"),
    [
        (date(2026, 1, 15), datetime(2026, 1, 15, 8, 0)),  # CET, UTC+1
        (date(2026, 7, 15), datetime(2026, 7, 15, 7, 0)),  # CEST, UTC+2
        (date(2026, 3, 29), datetime(2026, 3, 29, 7, 0)),  # the clocks went forward at 02:00
        (date(2026, 10, 25), datetime(2026, 10, 25, 8, 0)),  # …and back at 03:00
    ],
)
def test_nine_in_paris_is_eight_or_seven_utc_with_the_season(day: date, utc: datetime) -> None:
    assert send_at(PARIS_0900, day) == utc


def test_a_time_the_clocks_skip_is_sent_when_the_day_reaches_it() -> None:
    skipped = DigestSchedule(time(2, 30), "Europe/Paris")
    assert send_at(skipped, date(2026, 3, 29)) == datetime(2026, 3, 29, 1, 0)  # 03:00 CEST
    assert send_at(skipped, date(2026, 3, 28)) == datetime(2026, 3, 28, 1, 30)


def test_a_time_that_happens_twice_is_sent_the_first_time() -> None:
    twice = DigestSchedule(time(2, 30), "Europe/Paris")
    assert send_at(twice, date(2026, 10, 25)) == datetime(2026, 10, 25, 0, 30)  # 02:30 CEST


def test_the_digest_day_is_the_local_day_not_the_utc_one() -> None:
    tokyo = DigestSchedule(time(8, 0), "Asia/Tokyo")  # 23:00 UTC the day before
    assert due_day(tokyo, datetime(2026, 5, 3, 22, 59)) is None
    assert due_day(tokyo, datetime(2026, 5, 3, 23, 0)) == date(2026, 5, 4)
    assert due_day(tokyo, datetime(2026, 5, 4, 14, 59)) == date(2026, 5, 4)
    assert due_day(tokyo, datetime(2026, 5, 4, 15, 0)) is None  # midnight in Tokyo: a new day


def test_a_local_day_on_which_the_clocks_change_has_23_or_25_hours() -> None:
    spring, autumn = date(2026, 3, 29), date(2026, 10, 25)
    assert day_ends(PARIS_0900, spring) - day_ends(PARIS_0900, spring - timedelta(days=1)) == (
        timedelta(hours=23)
    )
    assert day_ends(PARIS_0900, autumn) - day_ends(PARIS_0900, autumn - timedelta(days=1)) == (
        timedelta(hours=25)
    )


def test_a_due_day_is_due_today_on_that_local_day_and_overdue_after_it() -> None:
    """Due dates with no time of day are days: at 09:00 in Los Angeles (17:00 UTC) on 5 Dec,
    a ticket due 6 Dec was listed as due today (before the local day's end, 08:00 UTC on
    the 6th), and in Paris one due 5 Dec was listed as overdue (its midnight had passed)."""
    los_angeles = DigestSchedule(time(9, 0), "America/Los_Angeles")
    paris_morning, la_morning = datetime(2026, 12, 5, 8, 0), datetime(2026, 12, 5, 17, 0)
    due = {day: a_ticket(id=day, ticket_number=f"TKT-2026-{day:04d}",
                         due_date=datetime(2026, 12, day)) for day in (4, 5, 6)}
    for schedule, now in ((PARIS_0900, paris_morning), (los_angeles, la_morning)):
        day = date(2026, 12, 5)
        chosen = digest_tickets(due.values(), viewer=ADMIN, now=now, day=day,
                                day_end=day_ends(schedule, day))
        assert ([t.id for t in chosen.overdue], [t.id for t in chosen.due_today]) == ([4], [5])
