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
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
         ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"),
         ("sunday", "sun"))
    )
    for name in names
}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def read_date(words: list[str], at: int, today: date) -> tuple[date, int] | None:
    """The date starting at `words[at]` and how many words it takes, or None."""
    word = words[at]
    following = words[at + 1] if at + 1 < len(words) else ""
    if word == "today":
        return today, 1
    if word == "tomorrow":
        return today + timedelta(days=1), 1
    if match := _ISO.match(word):
        return _valid(int(match[1]), int(match[2]), int(match[3]), 1)
    if match := _SLASHED.match(word):  # day first, as most of the world writes it
        return _valid(int(match[3]), int(match[2]), int(match[1]), 1)
    if word in ("next", "this") and following in WEEKDAYS:
        # "next Friday" is the coming Friday, a week ahead when said on a Friday
        return today + timedelta(days=(WEEKDAYS[following] - today.weekday()) % 7 or 7), 2
    if word == "next" and following == "week":
        return today + timedelta(days=(7 - today.weekday()) or 7), 2
    if word in WEEKDAYS and len(word) > 3:
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
    if (day := _DAY.match(word)) and following in MONTHS:
        return _this_or_next(today, MONTHS[following], int(day[1]), 2)
    if (day := _DAY.match(word)) and following == "of" and at + 2 < len(words):
        if words[at + 2] in MONTHS:
            return _this_or_next(today, MONTHS[words[at + 2]], int(day[1]), 3)
    if word in MONTHS and (day := _DAY.match(following)):
        return _this_or_next(today, MONTHS[word], int(day[1]), 2)
    return None


def _valid(year: int, month: int, day: int, taken: int) -> tuple[date, int] | None:
    try:
        return date(year, month, day), taken
    except ValueError:
        return None


def _this_or_next(today: date, month: int, day: int, taken: int) -> tuple[date, int] | None:
    """`24 Dec` is the next 24 December from today."""
    found = _valid(today.year, month, day, taken)
    if found is not None and found[0] < today:
        return _valid(today.year + 1, month, day, taken)
    return found
