"""When tickets were filed, in a list query: "tickets I opened last week", "new tickets this
morning", "what came in since Monday", "tickets I raised 2 days ago".

A time is a window of days: "last week" is that week (Monday to Monday), "yesterday" that day,
"since Monday" and "this week" have no end. The words found are handed back so the list reader
skips them; whether the time says when the tickets were filed is the list reader's to decide
(a filing word with it: "opened", "new", "came in"), as "closed last week" says another time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from bot.understanding.dates import MONTHS, WEEKDAYS
from bot.understanding.message import DATE, NUMBER, Message

FILING_CUES = frozenset({
    "new", "came", "come", "coming", "opened", "created", "filed", "raised", "submitted",
    "submited", "logged", "reported", "made", "from", "raise", "file", "submit", "log",
    "report", "create", "make", "sent", "send",
})
"""Words that make a time the time of filing ("opened", "new", "came in", "from last week")."""
_LEADS = frozenset({"in", "during", "over", "within", "on", "from", "the", "for"})
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
_MOST_DAYS = 3660


@dataclass(frozen=True, slots=True)
class FiledWhen:
    """Filed on or after `since` and before `before` (days, UTC); either may be open."""

    since: date | None
    before: date | None
    taken: frozenset[int]
    """Indexes into the message's words that say the time (with "in the", "on" before it)."""
    said: str
    """The time as the person wrote it, to say back when it cannot be applied."""
    now: bool
    """Said of the present ("today", "this week"): with no filing word, when they ask."""
    new: bool = False
    """"new" was said with it: what came in then, not the status "open"."""


def read_filed(message: Message, start: int, end: int, today: date,
               skip: frozenset[int] = frozenset()) -> FiledWhen | None:
    """The time said in words `start:end` (not in `skip`), as a window of days; two times
    ("since 23 November, before Monday") narrow it to where both hold."""
    words = message.words
    since: date | None = None
    before: date | None = None
    taken: set[int] = set()
    said: list[str] = []
    now = True
    at = start
    while at < end:
        found = None if at in skip else _window_at(message, at, end, today)
        if found is None:
            at += 1
            continue
        since_then, before_then, size, now_then = found
        lead = at
        while lead > start and words[lead - 1].text in _LEADS and lead - 1 not in skip:
            lead -= 1
        since = max(filter(None, (since, since_then)), default=None)
        before = min(filter(None, (before, before_then)), default=None)
        said.append(message.original(at, at + size))
        now = now and now_then
        taken.update(range(lead, at + size))
        at += size
    if not said:
        return None
    new = any(w.text == "new" for w in words[start:end])
    return FiledWhen(since, before, frozenset(taken), " ".join(said), now, new)


_OPENINGS = frozenset({"between", "since", "before", "b4"})
_MOST_OPENINGS = 3
"""Words that open a time with the words after them; a longer run of them opens none (each
is read with the rest of the run after it)."""


def _openings_from(message: Message, at: int, end: int) -> list[str]:
    run: list[str] = []
    while at + len(run) < end and message.words[at + len(run)].text in _OPENINGS:
        run.append(message.words[at + len(run)].text)
    return run


def _window_at(
    message: Message, at: int, end: int, today: date
) -> tuple[date | None, date | None, int, bool] | None:
    """(since, before, words, said of now) for a time starting at word `at`."""
    words = [w.text for w in message.words[at:min(end, at + 4)]]
    if not words:  # "filed between Monday and": the message ended before the time did
        return None
    monday = today - timedelta(days=today.weekday())
    first_of_month = today.replace(day=1)
    pair = tuple(words[:2])
    spans: dict[tuple[str, ...], tuple[date | None, date | None, bool]] = {
        ("this", "week"): (monday, None, True),
        ("last", "week"): (monday - timedelta(weeks=1), monday, False),
        ("past", "week"): (today - timedelta(weeks=1), None, False),
        ("this", "month"): (first_of_month, None, True),
        ("last", "month"): ((first_of_month - timedelta(days=1)).replace(day=1), first_of_month,
                            False),
        ("past", "month"): (today - timedelta(days=30), None, False),
        ("this", "year"): (date(today.year, 1, 1), None, True),
        ("last", "year"): (date(today.year - 1, 1, 1), date(today.year, 1, 1), False),
        ("past", "year"): (today - timedelta(days=365), None, False),
        ("this", "morning"): (today, None, True),
        ("this", "afternoon"): (today, None, True),
        ("this", "evening"): (today, None, True),
    }
    if pair in spans:
        since, before, now = spans[pair]
        return since, before, 2, now
    if pair in _WEEKENDS or words[0] == "weekend":
        return (*_weekend(today, before_this=pair[0] == "last"), 2 if pair in _WEEKENDS else 1,
                today.weekday() >= _SATURDAY and pair[0] != "last")
    first = words[0]
    if first in _OPENINGS:
        run = _openings_from(message, at, end)
        typed = next((i for i, word in enumerate(run) if word != first), len(run))
        if typed > 1:  # "between between Monday and Friday": the word typed twice opens once
            found = _window_at(message, at + typed - 1, end, today)
            return None if found is None else (*found[:2], found[2] + typed - 1, found[3])
        if len(run) > _MOST_OPENINGS:
            return None
    if first == "between" and "and" in words[2:]:  # "between Monday and Wednesday"
        opening = _window_at(message, at + 1, end, today)
        if opening is None or opening[0] is None or words[1 + opening[2]:][:1] != ["and"]:
            return None
        closing = _window_at(message, at + 2 + opening[2], end, today)
        if closing is None or closing[0] is None:
            return None
        since = opening[0]
        if since > closing[0] and opening[2] == 1 and (said := _day(message, at + 1)):
            # "between Monday and Wednesday" on a Tuesday: the Monday before that Wednesday
            since = _past(message.words[at + 1].typed, said, closing[0]) or since
        last = closing[1] or closing[0] + timedelta(days=1)
        return since, last, 2 + opening[2] + closing[2], False
    if first in _MONTHS and at > 0 and message.words[at - 1].text in _MONTH_LEADS:
        month = _MONTHS[first]  # "in November": the last one, or this one
        year = today.year if month <= today.month else today.year - 1
        return (date(year, month, 1), date(year + month // 12, month % 12 + 1, 1), 1,
                month == today.month and year == today.year)
    if first in _LATELY:  # "tickets I opened recently": the last two weeks, named on the card
        return today - timedelta(days=RECENT_DAYS), None, 1, False
    if first == "overnight":
        return today - timedelta(days=1), None, 1, False
    if first in ("since", "before", "b4") and len(words) > 1:
        following = _window_at(message, at + 1, end, today)
        if following is None or following[0] is None:
            return None
        size = following[2] + 1
        return (since_weekday(message.words[at + 1].typed, following[0], today), None, size,
                False) if first == "since" else (None, following[0], size, False)
    if first == "yesterday":
        return today - timedelta(days=1), today, 1, False
    if first in ("tonight", "today") or first == DATE and _day(message, at) == today:
        return today, None, 1, True
    if first == DATE and (said := _day(message, at)) is not None:
        # "on Monday", "on 1 December": the last one, not the coming one
        day = _past(message.words[at].typed, said, today)
        if day is None:
            return None
        return day, day + timedelta(days=1), 1, False
    if first in ("last", "past") and len(words) > 2 \
            and words[2] in _UNITS and (count := _count(message, at + 1)) is not None:
        return today - timedelta(days=count * _UNITS[words[2]]), None, 3, False
    if len(words) > 2 and words[1] in _UNITS and words[2] == "ago" \
            and (count := _count(message, at)) is not None:
        day = today - timedelta(days=count * _UNITS[words[1]])
        return day, day + timedelta(days=1), 3, False
    return None


_SATURDAY = 5
_WEEKENDS = frozenset({("this", "weekend"), ("the", "weekend"), ("last", "weekend"),
                       ("past", "weekend"), ("this", "wkend"), ("the", "wkend")})


def _weekend(today: date, *, before_this: bool) -> tuple[date, date | None]:
    """The Saturday and Sunday last gone, or under way (no end yet): a list asks of the past,
    so "this weekend" said on a Wednesday is the one just gone, as on the Monday after it.
    "Last weekend" said at the weekend is the one before."""
    saturday = today - timedelta(days=(today.weekday() - _SATURDAY) % 7)
    if today.weekday() >= _SATURDAY and before_this:
        saturday -= timedelta(weeks=1)
    elif today.weekday() >= _SATURDAY:
        return saturday, None
    return saturday, saturday + timedelta(days=2)


RECENT_DAYS = 14
""""Recently", "lately": filed in the last two weeks (today included), said on the card as
"filed since …" like any window, so the person sees the days and can ask for others."""
_LATELY = frozenset({"recently", "lately", "recent", "latest"})


_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march",), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_MONTH_LEADS = frozenset({"in", "during", "since", "before", "from", "of", "for"})
"""A month name is a time only after one of these ("in May"; "may" alone is a verb)."""


def since_weekday(typed: str, day: date, today: date) -> date:
    """The day "since Monday" means: said on a Monday, the Monday a week before (today is
    "today", not "Monday"); any other day as it was read."""
    if day == today and any(word in WEEKDAYS for word in typed.lower().split()):
        return day - timedelta(weeks=1)
    return day


def _past(typed: str, said: date, latest: date) -> date | None:
    """The day the words name on or before `latest`, where `said` is the coming one: the last
    Monday for "monday", the last 1 December for "1 dec" (not the day a week before it), the
    last 15th for "the 15th"; none for a day written with its year, or past all reach."""
    if said <= latest:
        return said
    words = typed.lower().split()
    if any(word in WEEKDAYS for word in words):
        return said - timedelta(weeks=-(-(said - latest).days // 7))
    if _WITH_YEAR.search(typed):
        return None
    if words[0] == "the":  # "the 15th": this month's or an earlier month's
        return _back(said, latest, lambda day, n: _months_before(day, n), _MONTHS_BACK)
    if any(word in MONTHS for word in words) or "/" in typed:
        return _back(said, latest, lambda day, n: _years_before(day, n), _YEARS_BACK)
    back = said - timedelta(weeks=1)  # "tomorrow", "in 3 days": no past day of theirs
    return back if back <= latest else None


_WITH_YEAR = re.compile(r"\d{4}")
_MONTHS_BACK = 3
_YEARS_BACK = 8
"""How far back to look for a day some months or years lack (the 31st, 29 February)."""


def _back(said: date, latest: date, step: Callable[[date, int], date | None],
          most: int) -> date | None:
    for count in range(1, most + 1):
        day = step(said, count)
        if day is not None and day <= latest:
            return day
    return None


def _months_before(day: date, count: int) -> date | None:
    month = day.month - 1 - count
    try:
        return day.replace(year=day.year + month // 12, month=month % 12 + 1)
    except ValueError:  # no 31st that month
        return None


def _years_before(day: date, count: int) -> date | None:
    try:
        return day.replace(year=day.year - count)
    except ValueError:  # 29 February
        return None


def _day(message: Message, at: int) -> date | None:
    value = message.words[at].value
    return value if isinstance(value, date) else None


def _count(message: Message, at: int) -> int | None:
    """"3", "three", "a": how many days or weeks."""
    word = message.words[at]
    text = word.text
    value = word.value if text == NUMBER else int(text) if text.isdecimal() else _COUNTS.get(text)
    return value if isinstance(value, int) and 0 < value <= _MOST_DAYS else None


_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "ten": 10, "fourteen": 14, "couple": 2}
