"""When listed tickets are due, in words: "overdue", "past due", "due today", "due this week",
"due friday", "due by the end of the month"; or never: "without a due date"."""

from __future__ import annotations

from datetime import date, timedelta

from bot.understanding.dates import MONTHS, WEEKDAYS
from bot.understanding.message import DATE, Word
from bot.understanding.phrases import by_first_word, phrase_at
from domain.tickets import DueWindow

ONE_DAY = timedelta(days=1)
_OVERDUE = by_first_word(
    ("past", "due"), ("over", "due"), ("overdue",), ("late",), ("past", "deadline"),
    ("past", "their", "deadline"), ("past", "their", "due", "date"), ("breaching",),
    ("breaching", "sla"), ("breaching", "the", "sla"), ("breaching", "their", "sla"),
    ("breached",), ("sla", "breached"), ("sla", "breaches"), ("out", "of", "sla"),
    ("past", "sla"), ("over", "sla"), ("missed", "sla"), ("missed", "their", "deadline"),
    ("missed", "the", "deadline"), ("missed", "deadline"), ("missed", "their", "due", "date"),
)
_SOON = by_first_word(
    ("about", "to", "breach"), ("about", "to", "breach", "sla"), ("close", "to", "breaching"),
    ("about", "to", "go", "overdue"), ("about", "to", "be", "overdue"), ("nearly", "due"),
    ("almost", "due"), ("close", "to", "their", "due", "date"),
    ("close", "to", "the", "due", "date"), ("close", "to", "due", "date"),
    ("near", "their", "due", "date"), ("nearing", "their", "due", "date"),
    ("close", "to", "their", "deadline"), ("close", "to", "the", "deadline"),
    ("near", "their", "deadline"), ("nearing", "their", "deadline"),
    ("near", "the", "deadline"), ("nearing", "the", "deadline"),
)
"""Due in the next few days, said without "due" after it ("about to breach", "nearly due")."""
_SOON_AFTER_DUE = by_first_word(
    ("soon",), ("shortly",), ("very", "soon"), ("any", "day", "now"),
    ("in", "the", "next", "few", "days"), ("in", "the", "next", "couple", "of", "days"),
    ("in", "the", "next", "couple", "days"), ("in", "the", "coming", "days"),
    ("within", "the", "next", "few", "days"), ("in", "a", "few", "days"),
    ("in", "the", "next", "day", "or", "two"), ("in", "next", "few", "days"),
)
"""After "due": "due soon", "due in the next few days"."""
_THIS_WEEK = by_first_word(
    ("this", "week"), ("the", "end", "of", "the", "week"), ("end", "of", "the", "week"),
    ("end", "of", "week"), ("before", "the", "weekend"), ("within", "the", "week"),
)
_THIS_MONTH = by_first_word(("this", "month"), ("within", "the", "month"))
_UNDATED = by_first_word(
    ("no", "due", "date"), ("no", "due", "dates"), ("without", "a", "due", "date"),
    ("without", "due", "date"), ("without", "due", "dates"), ("without", "a", "deadline"),
    ("no", "deadline"), ("without", "deadline"), ("missing", "a", "due", "date"),
    ("missing", "due", "date"), ("missing", "due", "dates"), ("without", "any", "due", "date"),
    ("dont", "have", "a", "due", "date"), ("don't", "have", "a", "due", "date"),
    ("do", "not", "have", "a", "due", "date"), ("doesnt", "have", "a", "due", "date"),
    ("doesn't", "have", "a", "due", "date"), ("not", "got", "a", "due", "date"),
    ("undated",), ("no", "due", "day"),
)
DUE_CUES = frozenset({*_OVERDUE, *_UNDATED, *_SOON, "due"})
"""A word without which no due window can be said."""


def read_due(
    words: list[Word], start: int, stop: int, today: date, *, late_before: frozenset[str]
) -> tuple[DueWindow | date, frozenset[int]] | None:
    """The due window said in words `start:stop`, or the one day ("due friday"), and the
    words that say it.

    What is said decides, never the day it is said on: "due friday" is that Friday's tickets
    also on a Thursday (not "due tomorrow"), "due by the end of the month" the rest of the
    month also on its last day. "late" counts only before a word of `late_before` ("late
    tickets", not "running late")."""
    for index in range(start, stop):
        if size := phrase_at(words, index, stop, _UNDATED):
            return DueWindow.NONE, frozenset(range(index, index + size))
        if size := phrase_at(words, index, stop, _OVERDUE):
            if words[index].text == "late" and not (
                    index + 1 < stop and words[index + 1].text in late_before
                    or _asked_what_is_late(words, start, index, stop)):
                continue
            running = index > start and words[index - 1].text == "running" and (
                words[index].text == "late")  # "what's running late": both words say it
            return DueWindow.OVERDUE, frozenset(range(index - running, index + size))
        if size := phrase_at(words, index, stop, _SOON):
            return DueWindow.SOON, frozenset(range(index, index + size))
        if words[index].text != "due":
            continue
        if size := phrase_at(words, index + 1, stop, _SOON_AFTER_DUE):
            return DueWindow.SOON, frozenset(range(index, index + 1 + size))
        after = index + 1 + (index + 1 < stop and words[index + 1].text in ("by", "on"))
        if after + 1 < stop and words[after].text == "the" and words[after + 1].text == DATE:
            after += 1  # "due by the end of the week"
        said = words[after] if after < stop else None
        if said is not None and said.text == DATE and isinstance(day := said.value, date):
            return _window(said.typed, day, today), frozenset(range(index, after + 1))
        if size := phrase_at(words, after, stop, _THIS_WEEK):
            return DueWindow.THIS_WEEK, frozenset(range(index, after + size))
        if size := phrase_at(words, after, stop, _THIS_MONTH):
            return DueWindow.THIS_MONTH, frozenset(range(index, after + size))
    return None


_ASKING = frozenset({"what", "whats", "which", "anything", "any"})
_BEFORE_LATE = _ASKING | {"is", "are", "of", "mine", "ours", "my", "our", "ones", "tickets",
                          "ticket", "issues", "still", "already", "now", "running", "the"}


def _asked_what_is_late(words: list[Word], start: int, late: int, stop: int) -> bool:
    """"what's late?", "which of mine are late", "anything late": a question that ends in
    "late" asks for the overdue tickets; "I'm running late" and "the bus is late" do not."""
    said = [word.text for word in words[start:late] if word.text != "?"]
    return bool(said) and said[0] in _ASKING and all(word in _BEFORE_LATE for word in said) and (
        all(word.text == "?" for word in words[late + 1:stop]))


def _window(typed: str, day: date, today: date) -> DueWindow | date:
    """A week or month said is its window, "today" and "tomorrow" theirs (a list refreshed
    later moves with them); a day named ("friday", "24 dec") is that day."""
    said = typed.lower().split()
    if "week" in said or "eow" in said:
        return DueWindow.NEXT_WEEK if "next" in said else DueWindow.THIS_WEEK
    if "month" in said and "end" in said or "eom" in said:  # not "in a month": that day
        return DueWindow.THIS_MONTH
    named = any(w in WEEKDAYS or w in MONTHS or any(c.isdigit() for c in w) for w in said)
    if not named and day == today:
        return DueWindow.TODAY
    if not named and day == today + ONE_DAY:
        return DueWindow.TOMORROW
    return day
