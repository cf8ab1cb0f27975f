"""A due date said for a ticket, read as said even when it is past ("yesterday", "last
Friday", "1 Nov" in December), so that a day already gone is asked about, never set
silently nor moved a year on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from bot.understanding.dates import WEEKDAYS
from bot.understanding.message import DATE, Word

_NEAR_PAST = timedelta(days=183)
"""A day and month said without a year is the nearest one: this year's while it passed
less than half a year ago ("1 Nov" said in December), next year's after that ("5 Jan")."""
_YEAR = re.compile(r"\b\d{4}\b")
_SUNDAY = 6
_WEEKEND = frozenset({"weekend", "wkend"})


def due_said(words: Sequence[Word], today: date) -> date | None:
    """The first day `words` say, or None."""
    for index, word in enumerate(words):
        if word.text == "yesterday":
            return today - timedelta(days=1)
        if word.text in ("this", "the") and words[index + 1:index + 2] and (
                words[index + 1].text in _WEEKEND):
            return today + timedelta(days=(_SUNDAY - today.weekday()) % 7)  # "due this
            # weekend": by the end of the one coming or under way ("next weekend" is not read:
            # this one, or the one after?)
        if word.text != DATE or not isinstance(word.value, date):
            continue
        typed = word.typed.lower().strip(".,!?")
        if index and words[index - 1].text in ("last", "past") and typed in WEEKDAYS:
            return today - timedelta(days=(today.weekday() - WEEKDAYS[typed]) % 7 or 7)
        after = words[index + 1].typed.strip(".,!?") if index + 1 < len(words) else ""
        if _YEAR.fullmatch(after) and not _YEAR.search(typed):  # "24 Dec 2027"
            return _in_year(word.value, int(after))
        return _nearest(word.value, typed, today)
    return None


def _nearest(said: date, typed: str, today: date) -> date:
    if said.year != today.year + 1 or _YEAR.search(typed):
        return said
    try:
        this_year = said.replace(year=today.year)
    except ValueError:  # 29 February
        return said
    return this_year if today - _NEAR_PAST <= this_year < today else said


def _in_year(said: date, year: int) -> date:
    try:
        return said.replace(year=year)
    except ValueError:  # 29 February of a year without one
        return said
