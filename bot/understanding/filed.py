"""When tickets were filed, in a list query: "tickets I opened last week", "new tickets this
morning", "what came in since Monday", "tickets I raised 2 days ago".

A time is a window of days: "last week" is that week (Monday to Monday), "yesterday" that day,
"since Monday" and "this week" have no end. The words found are handed back so the list reader
skips them; whether the time says when the tickets were filed is the list reader's to decide
(a filing word with it: "opened", "new", "came in"), as "closed last week" says another time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

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


def _window_at(
    message: Message, at: int, end: int, today: date
) -> tuple[date | None, date | None, int, bool] | None:
    """(since, before, words, said of now) for a time starting at word `at`."""
    words = [w.text for w in message.words[at:min(end, at + 4)]]
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
        ("this", "morning"): (today, None, True),
        ("this", "afternoon"): (today, None, True),
        ("this", "evening"): (today, None, True),
    }
    if pair in spans:
        since, before, now = spans[pair]
        return since, before, 2, now
    first = words[0]
    if first == "between" and "and" in words[2:]:  # "between Monday and Wednesday"
        opening = _window_at(message, at + 1, end, today)
        if opening is None or opening[0] is None or words[1 + opening[2]] != "and":
            return None
        closing = _window_at(message, at + 2 + opening[2], end, today)
        if closing is None or closing[0] is None:
            return None
        last = closing[1] or closing[0] + timedelta(days=1)
        return opening[0], last, 2 + opening[2] + closing[2], False
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
        return (following[0], None, size, False) if first == "since" \
            else (None, following[0], size, False)
    if first == "yesterday":
        return today - timedelta(days=1), today, 1, False
    if first in ("tonight", "today") or first == DATE and _day(message, at) == today:
        return today, None, 1, True
    if first == DATE and (said := _day(message, at)) is not None:
        day: date | None = said
        if said > today:  # "on Monday", "on 1 December": the last one, not the coming one
            day = said - timedelta(weeks=1) if said - today <= timedelta(weeks=1) \
                else _year_before(said)
        if day is None or day > today:
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


def _year_before(day: date) -> date | None:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return None


def _day(message: Message, at: int) -> date | None:
    value = message.words[at].value
    return value if isinstance(value, date) else None


def _count(message: Message, at: int) -> int | None:
    """"3", "three", "a": how many days or weeks."""
    word = message.words[at]
    text = word.text
    value = word.value if text == NUMBER else int(text) if text.isdigit() else _COUNTS.get(text)
    return value if isinstance(value, int) and 0 < value <= _MOST_DAYS else None


_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "ten": 10, "fourteen": 14, "couple": 2}
