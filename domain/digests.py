"""Daily digests: a channel's overdue and due-today tickets, once per local day at a set time.

A manager or an admin opts a channel in with a local time and an IANA time zone
(`subscribe digest 09:00 Europe/Paris`). The digest lists the tickets its
subscriber may see at the moment it is drawn, as channel notifications do. The
time is a wall-clock time in the zone, so it follows daylight saving: a time that
does not exist on the day the clocks go forward is sent when the day reaches it
(02:30 becomes 03:00), and a time that happens twice when they go back is sent
the first time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from domain.access import Viewer, can_see
from domain.errors import InvalidValue
from domain.tickets import Ticket, whole_day

_TIME = re.compile(
    r"^(?P<hour>\d{1,2})(?:[:.h](?P<minute>\d{2}))?\s*(?P<half>a\.?m\.?|p\.?m\.?)?$",
    re.IGNORECASE,
)
ZONE_EXAMPLE = "Europe/Paris"


@dataclass(frozen=True, slots=True)
class DigestSchedule:
    at: time
    """Local wall-clock time, minutes precision."""
    zone: str
    """IANA time zone name, as the zone database spells it."""

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    def label(self) -> str:
        return f"{self.at:%H:%M} {self.zone}"


@dataclass(frozen=True, slots=True)
class ChannelDigest:
    """One channel's opt-in; `owner_id` is who subscribed it, whose access draws the list."""

    msteams_team_id: str
    channel_id: str
    owner_id: str
    schedule: DigestSchedule
    msteams_team_name: str | None = None
    channel_name: str | None = None
    id: int | None = None


def parse_time(text: str) -> time:
    """`09:00`, `9:00`, `9`, `9am`, `9.30 pm`, `17h30`; anything else is refused with a reason."""
    match = _TIME.match(text.strip())
    if match is None:
        raise InvalidValue("time", f"'{text}' is not a time of day: write it like 09:00 or 17:30")
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    half = (match.group("half") or "").lower().replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            raise InvalidValue("time", f"'{text}' is not a time of day: with am/pm the hour is 1-12")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise InvalidValue("time", f"'{text}' is not a time of day: write it like 09:00 or 17:30")
    return time(hour, minute)


def parse_zone(text: str) -> str:
    """An IANA zone name in any letter case (`europe/paris`, `UTC`); refused when unknown."""
    wanted = text.strip()
    known = _zones_by_lower_name()
    name = known.get(wanted.lower())
    if name is None:
        raise InvalidValue(
            "time_zone",
            f"'{wanted}' is not a time zone I know: use an IANA name like {ZONE_EXAMPLE}, "
            "America/New_York or UTC",
        )
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidValue("time_zone", f"'{wanted}' cannot be loaded on this server") from None
    return name


@lru_cache(maxsize=1)
def _zones_by_lower_name() -> dict[str, str]:
    return {name.lower(): name for name in (*available_timezones(), "UTC")}


def parse_schedule(time_text: str | None, zone_text: str | None) -> DigestSchedule:
    if not (time_text or "").strip():
        raise InvalidValue(
            "time", f"say when, e.g. `subscribe digest 09:00 {ZONE_EXAMPLE}`"
        )
    if not (zone_text or "").strip():
        raise InvalidValue(
            "time_zone", f"say which time zone, e.g. `subscribe digest 09:00 {ZONE_EXAMPLE}`"
        )
    return DigestSchedule(at=parse_time(str(time_text)), zone=parse_zone(str(zone_text)))


def local_day(schedule: DigestSchedule, now: datetime) -> date:
    """The date it is in the schedule's zone at `now` (naive UTC, as the database stores it)."""
    return now.replace(tzinfo=UTC).astimezone(schedule.tz).date()


def send_at(schedule: DigestSchedule, day: date) -> datetime:
    """When `day`'s digest is due, as naive UTC: the first instant the local clock shows
    the scheduled time or later."""
    tz = schedule.tz
    wall = datetime.combine(day, schedule.at)
    instant = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if _wall(instant, tz) != wall:
        # The clocks skipped this time today: start just before the skip (fold=1 reads the
        # wall time with the earlier offset) and move on to where the clock lands.
        instant = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
        while _wall(instant, tz) < wall:
            instant += timedelta(minutes=1)
    return instant.replace(tzinfo=None)


def _wall(instant: datetime, tz: ZoneInfo) -> datetime:
    return instant.astimezone(tz).replace(tzinfo=None)


def day_ends(schedule: DigestSchedule, day: date) -> datetime:
    """The first instant of the next local day, as naive UTC."""
    midnight = datetime.combine(day + timedelta(days=1), time(0)).replace(tzinfo=schedule.tz)
    return midnight.astimezone(UTC).replace(tzinfo=None)


def due_day(schedule: DigestSchedule, now: datetime) -> date | None:
    """The local day whose digest is due at `now`, or None before today's time."""
    day = local_day(schedule, now)
    return day if now >= send_at(schedule, day) else None


@dataclass(frozen=True, slots=True)
class DigestTickets:
    overdue: tuple[Ticket, ...]
    due_today: tuple[Ticket, ...]

    def __bool__(self) -> bool:
        return bool(self.overdue or self.due_today)


def digest_tickets(
    tickets: Iterable[Ticket], *, viewer: Viewer | None, now: datetime, day: date,
    day_end: datetime,
) -> DigestTickets:
    """The open tickets `viewer` may see that are overdue at `now` or due by the end of the
    local `day` (`day_end`), soonest due first; nobody (an unknown or deactivated subscriber)
    sees none. A due date with no time of day is a day: due that local day, overdue after it."""
    if viewer is None:
        return DigestTickets((), ())
    shown = sorted(
        (
            t
            for t in tickets
            if t.due_date is not None
            and t.is_open_for_edits
            and _due_by(t.due_date, day, day_end)
            and can_see(viewer, t)
        ),
        key=lambda t: (t.due_date or now, t.id),
    )
    overdue = tuple(t for t in shown if t.due_date is not None and _late(t.due_date, day, now))
    today = tuple(t for t in shown if t.due_date is not None and not _late(t.due_date, day, now))
    return DigestTickets(overdue, today)


def _due_by(due: datetime, day: date, day_end: datetime) -> bool:
    return due.date() <= day if whole_day(due) else due < day_end


def _late(due: datetime, day: date, now: datetime) -> bool:
    return due.date() < day if whole_day(due) else due <= now


@dataclass(frozen=True, slots=True)
class DigestLine:
    ticket_number: str
    title: str
    due_date: datetime
    url: str
    assignee_label: str | None = None
    priority: str | None = None


@dataclass(frozen=True, slots=True)
class DigestNotice:
    """What a digest card shows: drawn at `now`, for the channel's local `day`."""

    company_name: str
    day: date
    schedule: DigestSchedule
    now: datetime
    overdue: tuple[DigestLine, ...]
    due_today: tuple[DigestLine, ...]
    channel_name: str | None = None


def sorted_digests(digests: Sequence[ChannelDigest]) -> list[ChannelDigest]:
    return sorted(digests, key=lambda d: (d.msteams_team_id, d.channel_id))
