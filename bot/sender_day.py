"""The day it is where the sender is: what "today", "tomorrow", "friday" and "this week"
mean in their words, their lists and their summaries.

Teams puts the sender's zone on each activity, `localTimezone` (an IANA name), and the
moment with its UTC offset, `localTimestamp`; some clients send only the second, some
neither. The zone is read from the activity every turn (nothing is stored), the name
first, else the offset, else UTC; a value that names no zone or no real offset is
ignored, never refused. A context variable, as `bot.delivery`: it belongs to the
activity, and messages, dialogs, cards and lists all need the day.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from botbuilder.schema import Activity

from domain.clock import day_in, start_of_day, utcnow

_ZONE: ContextVar[tzinfo] = ContextVar("ticketflow_sender_zone", default=UTC)

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+){0,2}")
_NOT_A_PLACE = frozenset({"localtime", "posixrules", "Factory"})  # the server's own, or none
_NOT_PLACES = ("posix/", "right/")  # copies of the zones (right/: with leap seconds)
_FARTHEST = timedelta(hours=14)  # UTC-12 to UTC+14 are the offsets clocks use


def zone_of(activity: Activity) -> tzinfo:
    """The zone of the person who sent `activity`."""
    return zone_from(getattr(activity, "local_timezone", None),
                     getattr(activity, "local_timestamp", None))


def zone_from(named: object, stamped: object) -> tzinfo:
    """`localTimezone` when it names a zone, else the UTC offset of `localTimestamp`
    (a datetime, or its ISO text), else UTC."""
    if isinstance(named, str) and (zone := _named(named)) is not None:
        return zone
    offset = _offset(stamped)
    return timezone(offset) if offset else UTC


def known_zone(name: str) -> bool:
    """Whether `name` is a time zone as `localTimezone` gives one ("Europe/Berlin")."""
    return _named(name) is not None


def _named(name: str) -> ZoneInfo | None:
    if len(name) > 64 or not _NAME.fullmatch(name) or name in _NOT_A_PLACE \
            or name.startswith(_NOT_PLACES):
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _offset(stamped: object) -> timedelta | None:
    if isinstance(stamped, str):
        try:
            stamped = datetime.fromisoformat(stamped[:64])
        except ValueError:
            return None
    if not isinstance(stamped, datetime):
        return None
    try:
        offset = stamped.utcoffset()
    except (ValueError, TypeError):  # a tzinfo that answers nonsense
        return None
    if offset is None or abs(offset) > _FARTHEST or offset % timedelta(minutes=1):
        return None
    return offset


@contextmanager
def sent_from(zone: tzinfo) -> Iterator[None]:
    """The turn inside answers someone in `zone`."""
    token = _ZONE.set(zone)
    try:
        yield
    finally:
        _ZONE.reset(token)


def sender_zone() -> tzinfo:
    return _ZONE.get()


def sender_today(now: datetime | None = None) -> date:
    """The sender's calendar day at `now` (naive UTC; None: this moment)."""
    return day_in(_ZONE.get(), utcnow() if now is None else now)


def sender_midnight(day: date) -> datetime:
    """When `day` begins for the sender, as stored (naive UTC)."""
    return start_of_day(day, _ZONE.get())
