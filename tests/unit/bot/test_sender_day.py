"""The day the bot reads "today", "tomorrow", "friday" and "this week" against is the
sender's own: Teams' `localTimezone`, else the offset of `localTimestamp`, else UTC.

Every moment is given, never read from the machine's clock or zone."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

import pytest
from botbuilder.schema import Activity

from bot.actions.stats import period_bounds
from bot.actions.tickets import list_query
from bot.listing import ListQuery
from bot.sender_day import (
    known_zone,
    sender_midnight,
    sender_today,
    sender_zone,
    sent_from,
    zone_from,
    zone_of,
)
from bot.understanding.requests import CreateTicket, EditTicket, ListTickets, TicketStats
from domain.clock import day_in, start_of_day
from domain.tickets import DueWindow, TicketFilter
from tests.actors import as_actor
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

LA, AUCKLAND, KOLKATA = "America/Los_Angeles", "Pacific/Auckland", "Asia/Kolkata"
KIRITIMATI, PAGO_PAGO = "Pacific/Kiritimati", "Pacific/Pago_Pago"


def _due(named: object, stamped: object, now: datetime, said: str) -> date | None:
    with sent_from(zone_from(named, stamped)):
        read = as_the_bot_reads(said, replace(CONVERSATION, today=sender_today(now)))
    assert isinstance(read, (EditTicket, CreateTicket)), read
    return read.due


# (localTimezone, localTimestamp, UTC now, what they said, the due day they mean)
DUE = [
    # Seattle, Monday 7 Dec at 17:10: UTC is already Tuesday
    (LA, "2026-12-07T17:10:00-08:00", datetime(2026, 12, 8, 1, 10), "make 7 due tomorrow",
     date(2026, 12, 8)),
    (LA, None, datetime(2026, 12, 8, 1, 10), "new ticket printer jam due today", date(2026, 12, 7)),
    (None, "2026-12-07T17:10:00-08:00", datetime(2026, 12, 8, 1, 10), "make 7 due tomorrow",
     date(2026, 12, 8)),  # an old client: the offset alone
    # Thursday evening in Seattle, Friday in UTC: "friday" is tomorrow, not next week's
    (LA, None, datetime(2026, 12, 11, 1, 0), "make 7 due friday", date(2026, 12, 11)),
    # Sunday evening in Seattle: next week starts tomorrow
    (LA, None, datetime(2026, 12, 14, 2, 0), "push 7 to next week", date(2026, 12, 14)),
    # New Year's Eve at 19:00 in Seattle: "end of month" is today, not 31 January
    (LA, None, datetime(2027, 1, 1, 3, 0), "move 7 to end of month", date(2026, 12, 31)),
    (LA, None, datetime(2027, 1, 1, 3, 0), "new ticket vpn down due in 3 days", date(2027, 1, 3)),
    # Auckland, Tuesday 08:00 (NZDT, +13): UTC is still Monday
    (AUCKLAND, None, datetime(2026, 12, 7, 19, 0), "make 7 due today", date(2026, 12, 8)),
    (AUCKLAND, "2026-12-08T08:00:00+13:00", datetime(2026, 12, 7, 19, 0),
     "change the due date of 7 to monday", date(2026, 12, 14)),
    # Kolkata, +05:30: a quarter past midnight is the next day; a quarter to, the same
    (KOLKATA, None, datetime(2026, 12, 7, 18, 45), "make 7 due tomorrow", date(2026, 12, 9)),
    (KOLKATA, None, datetime(2026, 12, 7, 18, 15), "make 7 due tomorrow", date(2026, 12, 8)),
    (None, "2026-12-08T00:15:00+05:30", datetime(2026, 12, 7, 18, 45), "make 7 due today",
     date(2026, 12, 8)),
    # Kiritimati, +14: the first place a day begins
    (KIRITIMATI, None, datetime(2026, 12, 7, 10, 0), "make 7 due today", date(2026, 12, 8)),
    (KIRITIMATI, None, datetime(2026, 12, 7, 9, 59), "make 7 due today", date(2026, 12, 7)),
    # Pago Pago, -11: one of the last
    (PAGO_PAGO, None, datetime(2026, 12, 8, 10, 59), "make 7 due today", date(2026, 12, 7)),
    (PAGO_PAGO, None, datetime(2026, 12, 8, 11, 0), "make 7 due today", date(2026, 12, 8)),
    (None, "2026-12-07T23:59:00-11:00", datetime(2026, 12, 8, 10, 59), "make 7 due tomorrow",
     date(2026, 12, 8)),
    # Clock changes: the zone's name knows summer time, a fixed offset does not
    (LA, None, datetime(2026, 11, 1, 6, 59), "make 7 due today", date(2026, 10, 31)),  # 23:59 PDT
    (LA, None, datetime(2026, 11, 1, 7, 30), "make 7 due today", date(2026, 11, 1)),  # 00:30 PDT
    (LA, None, datetime(2026, 3, 8, 7, 59), "make 7 due today", date(2026, 3, 7)),  # 23:59 PST
    (LA, None, datetime(2026, 3, 8, 8, 0), "make 7 due today", date(2026, 3, 8)),  # 00:00 PST
    (LA, "2026-01-10T10:00:00-08:00", datetime(2026, 7, 15, 7, 30), "make 7 due today",
     date(2026, 7, 15)),  # 00:30 PDT, though a winter offset would say 23:30 the day before
    (AUCKLAND, None, datetime(2026, 9, 27, 11, 30), "make 7 due today",
     date(2026, 9, 28)),  # 00:30 NZDT, the first night of summer time
    # Nothing to go by, or nothing usable: UTC, as before
    (None, None, datetime(2026, 12, 8, 1, 10), "make 7 due tomorrow", date(2026, 12, 9)),
    ("Nowhere/Else", None, datetime(2026, 12, 8, 1, 10), "make 7 due tomorrow", date(2026, 12, 9)),
    ("Nowhere/Else", "2026-12-07T17:10:00-08:00", datetime(2026, 12, 8, 1, 10),
     "make 7 due tomorrow", date(2026, 12, 8)),  # a bad name: the offset still says
    ("garbage", "garbage", datetime(2026, 12, 8, 1, 10), "make 7 due tomorrow", date(2026, 12, 9)),
    (None, "2026-12-07T17:10:00+15:00", datetime(2026, 12, 8, 1, 10), "make 7 due tomorrow",
     date(2026, 12, 9)),  # no clock is 15 hours ahead
]


@pytest.mark.parametrize(("named", "stamped", "now", "said", "expected"), DUE,
                         ids=[f"{n}|{s}|{now:%m-%d %H:%M}|{said}" for n, s, now, said, _ in DUE])
def test_a_due_day_is_the_one_the_sender_means_where_they_are(
    named: object, stamped: object, now: datetime, said: str, expected: date
) -> None:
    assert _due(named, stamped, now, said) == expected


@pytest.mark.parametrize("named", [
    "Nowhere/Else", "../../etc/passwd", "/etc/localtime", "localtime", "posixrules", "Factory",
    "posix/America/Los_Angeles", "right/UTC", "", " ", "America/Los_Angeles\x00", "a" * 500,
    "Pacific Standard Time", "America/../Europe/Berlin", "zone.tab", 5, ["Europe/Berlin"],
    {"name": "Europe/Berlin"},
])
@pytest.mark.parametrize("stamped", [
    None, "garbage", "", "2026-12-07T17:10:00+99:00", "2026-12-07T17:10:00+15:00",
    "2026-12-07T17:10:00-12:30:30", "2026-12-07T17:10:00", "x" * 10_000, 1765156200,
    datetime(2026, 12, 7, 17, 10), datetime(2026, 12, 7, 17, 10, tzinfo=timezone(timedelta(
        hours=23))), datetime(2026, 12, 7, 17, 10, tzinfo=timezone(timedelta(hours=5, seconds=7))),
])
def test_a_zone_that_is_no_zone_and_an_offset_no_clock_has_mean_utc(
    named: object, stamped: object
) -> None:
    assert zone_from(named, stamped) is UTC


@pytest.mark.parametrize(("named", "stamped", "offset_at_new_year"), [
    ("Europe/Berlin", None, timedelta(hours=1)),
    (KOLKATA, "garbage", timedelta(hours=5, minutes=30)),
    ("Asia/Calcutta", None, timedelta(hours=5, minutes=30)),  # the older name
    ("Etc/GMT+5", None, timedelta(hours=-5)),
    ("UTC", "2026-12-07T17:10:00-08:00", timedelta(0)),  # the name wins over the offset
    ("Nowhere/Else", "2026-12-07T17:10:00+05:45", timedelta(hours=5, minutes=45)),
    (None, datetime(2026, 12, 7, 17, 10, tzinfo=timezone(timedelta(hours=-9, minutes=-30))),
     timedelta(hours=-9, minutes=-30)),
    (None, "2026-12-07T17:10:00.1234567+14:00", timedelta(hours=14)),
    (None, "2026-12-07T17:10:00Z", timedelta(0)),
    (None, "2026-12-07T17:10:00-12:00", timedelta(hours=-12)),
])
def test_the_sender_zone_is_the_named_one_else_the_offset(
    named: object, stamped: object, offset_at_new_year: timedelta
) -> None:
    zone = zone_from(named, stamped)
    assert zone.utcoffset(datetime(2027, 1, 1)) == offset_at_new_year


def test_the_zone_is_read_from_the_activity_as_the_sdk_holds_it() -> None:
    stamped = Activity().deserialize({"type": "message",
                                      "localTimestamp": "2026-12-07T17:10:00-08:00"})
    assert zone_of(stamped).utcoffset(None) == timedelta(hours=-8)
    named = Activity(type="message", local_timezone=AUCKLAND,
                     local_timestamp=stamped.local_timestamp)
    assert str(zone_of(named)) == AUCKLAND
    assert zone_of(Activity(type="message")) is UTC


def test_outside_a_turn_and_after_one_the_day_is_utc() -> None:
    now = datetime(2026, 12, 8, 1, 10)
    assert sender_zone() is UTC and sender_today(now) == date(2026, 12, 8)
    with sent_from(zone_from(LA, None)):
        assert sender_today(now) == date(2026, 12, 7)
        assert sender_midnight(date(2026, 12, 7)) == datetime(2026, 12, 7, 8, 0)
    assert sender_zone() is UTC and sender_midnight(date(2026, 12, 7)) == datetime(2026, 12, 7)


def _listed(named: str | None, now: datetime, said: str) -> TicketFilter:
    with sent_from(zone_from(named, None)):
        read = as_the_bot_reads(said, replace(CONVERSATION, today=sender_today(now)))
        assert isinstance(read, ListTickets), read
        query = list_query(as_actor("u-jo"), read)
        return query.filter_for("u-jo", today=sender_today(now), now=now,
                                midnight=sender_midnight)


# (localTimezone, UTC now, what they asked, the filter's field, its value)
LISTED = [
    # Due days are calendar days (stored at their midnight): the sender's day, not shifted
    (LA, datetime(2026, 12, 8, 1, 10), "whats due today", "due_from", datetime(2026, 12, 7)),
    (LA, datetime(2026, 12, 8, 1, 10), "whats due today", "due_before", datetime(2026, 12, 8)),
    (LA, datetime(2026, 12, 8, 1, 10), "tickets due tomorrow", "due_from", datetime(2026, 12, 8)),
    (AUCKLAND, datetime(2026, 12, 7, 19, 0), "whats due today", "due_from", datetime(2026, 12, 8)),
    (PAGO_PAGO, datetime(2026, 12, 8, 10, 0), "what's due this week?", "due_before",
     datetime(2026, 12, 14)),
    # When something was done is a moment: the sender's midnight, in UTC
    (LA, datetime(2026, 12, 8, 1, 10), "what did I resolve today", "touched_from",
     datetime(2026, 12, 7, 8, 0)),
    (KOLKATA, datetime(2026, 12, 7, 18, 45), "tickets filed today", "created_from",
     datetime(2026, 12, 7, 18, 30)),
    (AUCKLAND, datetime(2026, 12, 7, 19, 0), "tickets filed this week", "created_from",
     datetime(2026, 12, 6, 11, 0)),
    (KIRITIMATI, datetime(2026, 12, 7, 10, 0), "what did I work on yesterday", "touched_from",
     datetime(2026, 12, 6, 10, 0)),
    (None, datetime(2026, 12, 8, 1, 10), "what did I resolve today", "touched_from",
     datetime(2026, 12, 8)),
    (LA, datetime(2026, 12, 8, 1, 10), "tickets not updated in a week", "updated_before",
     datetime(2026, 11, 30, 8, 0)),
    (None, datetime(2026, 12, 8, 1, 10), "tickets nobody touched since friday", "updated_before",
     datetime(2026, 12, 4)),
    # Overdue is the moment's, as a card, a reminder and the summary's count say
    (LA, datetime(2026, 12, 8, 1, 10), "overdue tickets", "overdue_at",
     datetime(2026, 12, 8, 1, 10)),
    (AUCKLAND, datetime(2026, 12, 7, 19, 0), "overdue tickets", "overdue_at",
     datetime(2026, 12, 7, 19, 0)),
    (LA, datetime(2026, 12, 8, 1, 10), "overdue tickets", "due_before", None),
]


@pytest.mark.parametrize(("named", "now", "said", "field", "expected"), LISTED,
                         ids=[f"{n}|{now:%m-%d %H:%M}|{said}|{f}" for n, now, said, f, _ in LISTED])
def test_a_list_of_today_or_this_week_is_of_the_senders_days(
    named: str | None, now: datetime, said: str, field: str, expected: datetime | None
) -> None:
    assert getattr(_listed(named, now, said), field) == expected


@pytest.mark.parametrize(("named", "now", "said", "start", "end"), [
    # Sunday evening in Seattle, Monday in UTC: this week began last Monday, in Seattle
    (LA, datetime(2026, 12, 14, 2, 0), "weekly summary", datetime(2026, 12, 7, 8, 0), None),
    (LA, datetime(2026, 12, 14, 2, 0), "how did we do last week",
     datetime(2026, 11, 30, 8, 0), datetime(2026, 12, 7, 8, 0)),
    (KOLKATA, datetime(2026, 11, 30, 20, 0), "monthly report",
     datetime(2026, 11, 30, 18, 30), None),
    (KIRITIMATI, datetime(2026, 12, 7, 10, 0), "how did we do today",
     datetime(2026, 12, 7, 10, 0), None),
    (None, datetime(2026, 12, 14, 2, 0), "weekly summary", datetime(2026, 12, 14), None),
])
def test_a_summary_counts_the_senders_days(
    named: str | None, now: datetime, said: str, start: datetime, end: datetime | None
) -> None:
    with sent_from(zone_from(named, None)):
        today = sender_today(now)
        read = as_the_bot_reads(said, replace(CONVERSATION, today=today))
        assert isinstance(read, TicketStats), read
        assert period_bounds(read.period, today, sender_midnight)[:2] == (start, end)


def test_a_card_list_of_overdue_tickets_is_of_the_moment_on_either_side_of_midnight() -> None:
    """A list button pressed in Seattle's evening: the sender's day is UTC's yesterday."""
    query = ListQuery(due_window=DueWindow.OVERDUE)
    now = datetime(2026, 12, 8, 1, 10)
    for today in (date(2026, 12, 7), date(2026, 12, 8), date(2026, 12, 9)):
        assert query.filter_for("u-jo", today=today, now=now).overdue_at == now


@pytest.mark.parametrize(("zone", "day", "begins"), [
    (LA, date(2026, 12, 7), datetime(2026, 12, 7, 8, 0)),
    (LA, date(2026, 7, 15), datetime(2026, 7, 15, 7, 0)),
    (KIRITIMATI, date(2026, 12, 7), datetime(2026, 12, 6, 10, 0)),
    (PAGO_PAGO, date(2026, 12, 7), datetime(2026, 12, 7, 11, 0)),
    (KOLKATA, date(2026, 12, 7), datetime(2026, 12, 6, 18, 30)),
    # Santiago's clocks skip midnight when summer time begins: the day begins at 01:00
    ("America/Santiago", date(2026, 9, 6), datetime(2026, 9, 6, 4, 0)),
    ("America/Santiago", date(2026, 9, 7), datetime(2026, 9, 7, 3, 0)),
])
def test_a_day_begins_at_the_zones_first_moment_of_it(
    zone: str, day: date, begins: datetime
) -> None:
    place: tzinfo = zone_from(zone, None)
    assert start_of_day(day, place) == begins
    assert day_in(place, begins) == day
    assert day_in(place, begins - timedelta(minutes=1)) == day - timedelta(days=1)


@pytest.mark.parametrize(("name", "known"), [
    (LA, True), ("Europe/Berlin", True), ("UTC", True), ("Nowhere/Else", False),
    ("localtime", False), ("../etc/passwd", False), ("", False),
])
def test_the_terminal_takes_only_a_zone_by_name(name: str, known: bool) -> None:
    assert known_zone(name) is known
