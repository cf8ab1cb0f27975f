"""Due dates as people write them: `2026-12-24`, `24 Dec`, `December 24th`, `tomorrow`, `next Friday`."""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        start=1,
    )
    for name in names
}
_SHORT_DAYS = frozenset({"tue", "thu", "fri"})
""""due fri": short forms that are no other word ("sat", "sun", "mon", "wed" are)."""
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
         ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"),
         ("sunday", "sun"))
    )
    for name in names
}
_TOMORROW = frozenset({"tomorrow", "tmrw", "tmr", "tmrow", "tomorow", "tommorow", "tommorrow",
                       "2moro", "2morrow"})
_END_OF_DAY = frozenset({"eod", "cob", "eob"})
_ENDS = {  # "end of (the) …", "close of business"
    ("end", "of", "day"): "day", ("end", "of", "the", "day"): "day", ("end", "of", "today"): "day",
    ("close", "of", "business"): "day", ("end", "of", "business"): "day",
    ("end", "of", "week"): "week", ("end", "of", "the", "week"): "week", ("eow",): "week",
    ("end", "of", "this", "week"): "week", ("end", "of", "next", "week"): "next week",
    ("end", "of", "month"): "month", ("end", "of", "the", "month"): "month", ("eom",): "month",
    ("end", "of", "this", "month"): "month",
}
_END_FIRST = frozenset(phrase[0] for phrase in _ENDS)
_FRIDAY = 4
_TIME = re.compile(r"^\d{1,2}(?:[:.]\d{2})?(?:am|pm)$|^\d{1,2}[:.]\d{2}$")
_TIME_WORDS = frozenset({"noon", "midday", "morning", "afternoon", "evening", "lunchtime",
                         "lunch", "eod", "cob", "am", "pm", "tonight"})
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})/(\d{1,2})$")


def read_date(words: list[str], at: int, today: date) -> tuple[date, int] | None:
    """The date starting at `words[at]` and how many words it takes (a time of day after
    it included: "Friday 5pm", "tomorrow at noon"), or None."""
    found = _read_day(words, at, today)
    if found is None:
        return None
    when, taken = found
    return when, taken + _time_after(words, at + taken)


def _time_after(words: list[str], at: int) -> int:
    """How many words after a date tell the time of day: "5pm", "at 17:00", "by noon"."""
    word = words[at] if at < len(words) else ""
    following = words[at + 1] if at + 1 < len(words) else ""
    if _TIME.match(word) or word in _TIME_WORDS - {"am", "pm"}:
        return 1 + (following in ("am", "pm"))
    if word in ("at", "by", "before", "in", "around") and (
            _TIME.match(following) or following in _TIME_WORDS - {"am", "pm"}
            or following.isdecimal() and at + 2 < len(words) and words[at + 2] in ("am", "pm")):
        return 2 + (following.isdecimal())
    return 0


def _read_day(words: list[str], at: int, today: date) -> tuple[date, int] | None:
    word = words[at]
    following = words[at + 1] if at + 1 < len(words) else ""
    if word in _END_OF_DAY:
        return _of_which_day(words, at + 1, today, taken=1)  # "eod", "cob friday"
    if word == "today":
        return today, 1
    if word in _TOMORROW:
        return today + timedelta(days=1), 1
    if after := _day_after_tomorrow(words, at):
        return today + timedelta(days=2), after
    if ended := _end_of(words, at, today):
        return ended
    if match := _ISO.match(word):
        return _valid(int(match[1]), int(match[2]), int(match[3]), 1)
    if match := _SLASHED.match(word):  # day first, as most of the world writes it
        return (_valid(int(match[3]), int(match[2]), int(match[1]), 1)
                or _valid(int(match[3]), int(match[1]), int(match[2]), 1))  # 12/15/2026
    if match := _DAY_MONTH.match(word):  # 15/12, or 12/15 where only month first can be
        return (_this_or_next(today, int(match[2]), int(match[1]), 1)
                or _this_or_next(today, int(match[1]), int(match[2]), 1))
    if word in ("next", "this") and following in WEEKDAYS:
        # "next Friday" is the coming Friday, a week ahead when said on a Friday
        return today + timedelta(days=(WEEKDAYS[following] - today.weekday()) % 7 or 7), 2
    if word == "next" and following == "week":
        return today + timedelta(days=(7 - today.weekday()) or 7), 2
    if word in WEEKDAYS and (len(word) > 3 or word in _SHORT_DAYS):
        return today + timedelta(days=(WEEKDAYS[word] - today.weekday()) % 7 or 7), 1
    if word == "in" and following.isdecimal() and at + 2 < len(words):
        unit = words[at + 2]
        if unit in ("day", "days") and int(following) <= 366:
            return today + timedelta(days=int(following)), 3
        if unit in ("week", "weeks") and int(following) <= 52:
            return today + timedelta(weeks=int(following)), 3
    if word == "in" and following in ("a", "one") and at + 2 < len(words):
        unit = words[at + 2]
        if unit == "week":
            return today + timedelta(weeks=1), 3
        if unit == "month":
            return _months_on(today, 1), 3
    if word == "in" and following.isdecimal() and at + 2 < len(words) \
            and words[at + 2] in ("month", "months") and 0 < int(following) <= 12:
        return _months_on(today, int(following)), 3
    if (day := _DAY.match(word)) and following in MONTHS:
        return _this_or_next(today, MONTHS[following], int(day[1]), 2)
    if (day := _DAY.match(word)) and following == "of" and at + 2 < len(words):
        if words[at + 2] in MONTHS:
            return _this_or_next(today, MONTHS[words[at + 2]], int(day[1]), 3)
    if word in MONTHS and (day := _DAY.match(following)):
        return _this_or_next(today, MONTHS[word], int(day[1]), 2)
    if word == "the" and (day := _ORDINAL.match(following)) and (
            at + 2 >= len(words) or words[at + 2] not in ("of", *MONTHS)):
        return _this_or_next_month(today, int(day[1]), 2)  # "the 15th": of this month or next
    return None


def _day_after_tomorrow(words: list[str], at: int) -> int:
    """How many words "(the) day after tomorrow" takes at `at` (0 when it is not there): it
    was read as its last word, tomorrow."""
    start = at + (words[at] == "the")
    if words[start:start + 2] == ["day", "after"] and start + 2 < len(words) \
            and words[start + 2] in _TOMORROW:
        return start + 3 - at
    return 0


_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")


def _this_or_next_month(today: date, day: int, taken: int) -> tuple[date, int] | None:
    """`the 15th` is the next 15th from today: this month's, or the next month that has one
    once it passed ("the 30th" said on 31 January is 30 March)."""
    year, month = today.year, today.month
    for _ in range(_MONTHS_TO_A_DAY):
        found = _valid(year, month, day, taken)
        if found is not None and found[0] >= today:
            return found
        year, month = year + (month == 12), month % 12 + 1
    return None


_MONTHS_TO_A_DAY = 3
"""Months to look through for a day of the month: the 31st is never more than two away."""


def _months_on(today: date, count: int) -> date:
    """The same day `count` months on, or that month's last day when it is shorter ("in a
    month" said on 31 January is 28 February)."""
    month = today.month - 1 + count
    year, month = today.year + month // 12, month % 12 + 1
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return min(date(year, month, 1) + timedelta(days=today.day - 1),
               first_of_next - timedelta(days=1))


def _end_of(words: list[str], at: int, today: date) -> tuple[date, int] | None:
    """"end of (the) week" is Friday, "end of the month" its last day, "close of business" today;
    "the end of next week" as "end of next week"."""
    if words[at] == "the" and words[at + 1:at + 2] in (["end"], ["close"]):
        found = _end_of(words, at + 1, today)
        return (found[0], found[1] + 1) if found is not None else None
    if words[at] not in _END_FIRST:
        return None
    for phrase, unit in _ENDS.items():
        if tuple(words[at:at + len(phrase)]) != phrase:
            continue
        if unit == "day":  # "end of day", "close of business on monday"
            return _of_which_day(words, at + len(phrase), today, taken=len(phrase))
        if unit == "month":
            first_of_next = date(today.year + today.month // 12, today.month % 12 + 1, 1)
            return first_of_next - timedelta(days=1), len(phrase)
        friday = today + timedelta(days=(_FRIDAY - today.weekday()) % 7)
        return friday + timedelta(weeks=unit == "next week"), len(phrase)
    return None


def _of_which_day(words: list[str], at: int, today: date, *, taken: int) -> tuple[date, int]:
    """The day an end of the day said at `words[at]` is of ("cob friday", "end of day on
    monday", "eod tmrw"): that day; none said, today. An end of day said twice is today's."""
    skip = 1 if words[at:at + 1] in (["on"], ["of"]) else 0
    if at + skip >= len(words) or words[at + skip] in _END_OF_DAY or words[at + skip] in _END_FIRST:
        return today, taken
    word = words[at + skip]
    if word in WEEKDAYS:  # "eod mon": after an end of day, "mon" is Monday
        return today + timedelta(days=(WEEKDAYS[word] - today.weekday()) % 7 or 7), taken + skip + 1
    found = _read_day(words, at + skip, today)
    if found is None:
        return today, taken
    return found[0], taken + skip + found[1]


def _valid(year: int, month: int, day: int, taken: int) -> tuple[date, int] | None:
    try:
        return date(year, month, day), taken
    except ValueError:
        return None


def _this_or_next(today: date, month: int, day: int, taken: int) -> tuple[date, int] | None:
    """`24 Dec` is the next 24 December from today; `29 Feb` the next one there is."""
    for year in range(today.year, today.year + _YEARS_TO_A_LEAP_DAY):
        found = _valid(year, month, day, taken)
        if found is not None and found[0] >= today:
            return found
    return None


_YEARS_TO_A_LEAP_DAY = 9
"""Years to look through for a day of the year: 29 February comes at most eight years on."""
