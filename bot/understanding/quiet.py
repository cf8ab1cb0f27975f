"""Tickets left alone, in a list query: "tickets nobody touched in a week", "not updated in 2
weeks", "which of my tickets have had no update since monday", "idle for 10 days", "last
updated more than a week ago".

What they ask for is the tickets whose last update (`updated_at`, the column the web app and
the bot both set on every change) came before a day: the day a week back, or the day said.
The words found are handed back so the list reader skips them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.understanding.filed import read_filed
from bot.understanding.message import DATE, NUMBER, Message

_ACTIVITY = frozenset({
    "update", "updates", "change", "changes", "touched", "touch", "modified", "edited",
    "activity", "movement", "action", "progress", "looked", "worked",  # "looked at", "worked on"
    "moved", "budged", "anything",  # "haven't moved in 10 days", "nobody did anything since"
})
"""What a ticket had, or did not have: "no update", "not touched", "no activity". Not a
comment: a comment leaves `updated_at` as it was, so "no comments since" cannot be told."""
_LISTED = frozenset({"tickets", "tix", "tkts", "issues", "requests", "ones", "cases",
                     "incidents", "items", "anything", "anythin", "what", "which", "wich",
                     "whats", "everything", "queue", "backlog", "list", "show"})
"""Said first when tickets are asked for ("tickets not updated…", "which of mine…",
"anything idle…"); without one, what is told is of one thing ("my password hasn't changed
in 90 days", "no update since monday??" of their own ticket)."""
_WITH_OBJECT = {"looked": "at", "worked": "on"}
"""Said of tickets only with what follows: "nobody worked on" (not "the wifi has not worked")."""
_NEGATIONS = frozenset({"not", "no", "nobody", "noone", "never", "havent", "hasnt", "hadnt",
                        "without", "nothing", "none", "zero"})
_BETWEEN = frozenset({
    "been", "had", "have", "has", "an", "any", "a", "single", "new", "real", "one", "at", "on",
    "in", "it", "them", "with", "is", "was", "really", "even", "yet", "anyone", "anybody",
    "by", "got", "gotten", "seen", "received", "get", "gets", "there", "done", "happened",
    "did", "do", "does", "doing",
})
"""Words between the negation and the activity ("nobody has looked at", "have had no
update", "haven't been touched", "no one has updated")."""
_STILL = frozenset({"untouched", "idle", "quiet", "dormant", "inactive", "stale", "stalled",
                    "neglected", "abandoned", "forgotten", "ignored", "sitting", "silent"})
"""Said of a ticket left alone for a time ("idle for 10 days", "quiet since friday")."""
_LAST = frozenset({"last", "latest"})
_HAD = frozenset({"had", "has", "have", "been", "got", "gotten", "gone", "sat", "were",
                  "was", "are", "is", "left", "remained", "stayed", "with", "w/", "w",
                  "sitting"})
"""Before what is said of them: "have had no update", "been idle", "with no activity"."""
_PERIOD_LEADS = frozenset({"in", "for", "within", "older", "over", "during", "since", "the", "last",
                           "past", "more", "than", "at", "least", "a", "whole", "full", "good",
                           "almost", "nearly", "about", "around", "like"})
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "fortnight": 14,
          "fortnights": 14, "month": 30, "months": 30, "year": 365, "years": 365}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "couple": 2, "few": 3}
_MOST_DAYS = 3660
_REACH = 4
"""Words a time may stand from what it is said of ("no update on any of them since monday")."""


_AGES = (("ages",), ("forever",), ("a", "while"), ("a", "long", "time"), ("so", "long"),
         ("too", "long"), ("months",), ("weeks",), ("days",), ("a", "long", "while"))
"""How long, said with no number: no day to filter by, so the stalest are listed first."""


@dataclass(frozen=True, slots=True)
class QuietSince:
    """Not updated on or after `day` (UTC), and the indexes of the words that say so; no
    day when how long was not said as one ("not updated for ages")."""

    day: date | None
    taken: frozenset[int]


def read_quiet(message: Message, start: int, end: int, today: date,
               skip: frozenset[int] = frozenset()) -> QuietSince | None:
    """The day since which the tickets asked for were not updated, or None when the words
    `start:end` do not ask for tickets left alone. A time alone ("updated since monday") or
    an activity alone ("no update") is none: both must be said, the one of the other."""
    words = [w.text for w in message.words]
    listed = next((at for at in range(start, end) if words[at] in _LISTED), None)
    if listed is None:
        return None  # "I've had no update in 2 weeks", "the vpn hasn't changed": told of one
    for at in range(listed + 1, end):  # only after tickets are named (found once: a run of
        if at in skip:  # words is not read again for each word)
            continue
        said = _left_alone_at(words, at, end)
        if said is None:
            continue
        last = said
        period: tuple[date | None, frozenset[int]] | None = \
            _period_after(message, last, end, today, skip) \
            or _period_before(message, at, start, today, skip) or _ages_after(words, last, end)
        if period is None:
            continue
        day, taken = period
        if day is not None and day > today:
            continue
        first = at
        while first > start and words[first - 1] in _HAD and first - 1 not in skip:
            first -= 1  # "have had no update", "has been idle"
        return QuietSince(day, frozenset(range(first, last)) | taken)
    return None


def _left_alone_at(words: list[str], at: int, end: int) -> int | None:
    """Where words saying "left alone" that start at `at` end: "not updated", "nobody has
    touched", "no activity", "idle", "last updated"; None when none start there."""
    word = words[at]
    if word in _STILL:
        return at + 1
    if word in _LAST and at + 1 < end and words[at + 1] in _ACTIVITY:
        return at + 2  # "last updated more than a week ago", "last touched before monday"
    if word == "no" and at + 1 < end and words[at + 1] == "one":
        word, at = "noone", at + 1  # "no one has touched"
    if word not in _NEGATIONS:
        return None
    for after in range(at + 1, min(end, at + 1 + _REACH)):
        if words[after] in _ACTIVITY and (words[after] not in _WITH_OBJECT or (
                words[after + 1:after + 2] == [_WITH_OBJECT[words[after]]])):
            following = after + 1
            while following < end and words[following] in ("at", "on"):
                following += 1  # "nobody looked at", "nobody worked on"
            return following
        if words[after] not in _BETWEEN:
            return None
    return None


def _ages_after(words: list[str], at: int, end: int) -> tuple[None, frozenset[int]] | None:
    """"for ages", "in a long time", "for weeks": how long, with no day to count from."""
    lead = at + 1 if at < end and words[at] in ("in", "for", "since") else at
    for said in _AGES:
        if tuple(words[lead:lead + len(said)]) == said and lead + len(said) <= end:
            return None, frozenset(range(at, lead + len(said)))
    return None


def _period_after(message: Message, at: int, end: int, today: date,
                  skip: frozenset[int]) -> tuple[date, frozenset[int]] | None:
    """The time said right after (a few words of "on them", "for me" allowed between)."""
    words = message.words
    for begin in range(at, min(end, at + _REACH)):
        if begin in skip:
            return None
        found = _period_at(message, begin, end, today, skip)
        if found is not None:
            return found
        if words[begin].text not in ("on", "them", "it", "any", "of", "these", "those", "for",
                                     "me", "us", "yet", "at", "all", "in"):
            return None
    return None


def _period_before(message: Message, at: int, start: int, today: date,
                   skip: frozenset[int]) -> tuple[date, frozenset[int]] | None:
    """A time said first: "over a week without an update", "2 weeks with no activity"."""
    for begin in range(max(start, at - 2 * _REACH), at):
        found = _period_at(message, begin, at, today, skip)
        if found is not None and max(found[1]) >= at - 2:
            return found
    return None


def _period_at(message: Message, at: int, end: int, today: date,
               skip: frozenset[int]) -> tuple[date, frozenset[int]] | None:
    """A time starting at `at`: how long ("in a week", "for 10 days", "in over a fortnight",
    "in the last 2 weeks", "more than a week ago") as the day that long before today, or
    since when ("since monday", "since 25 nov", "since last week", "before friday")."""
    words = message.words
    text = words[at].text
    if text == DATE and isinstance(value := words[at].value, date) and value > today \
            and words[at].typed.lower().startswith(("in ", "within ")):
        return today - (value - today), frozenset({at})  # "in a week": read as a day ahead
    if text == "today" or text == DATE and words[at].value == today or (
            text == "this" and at + 1 < end and words[at + 1].text in ("week", "month")):
        filed = read_filed(message, at, min(end, at + 2), today, skip=skip)  # "this week"
        if filed is not None and at in filed.taken and filed.since is not None:
            return filed.since, filed.taken
        return None
    if text in ("since", "before", "b4") and at + 1 < end:
        filed = read_filed(message, at, min(end, at + 4), today, skip=skip)
        day = None if filed is None else filed.since if text == "since" else filed.before
        if filed is not None and at in filed.taken and day is not None and day <= today:
            return day, filed.taken
        if text != "since":
            return None  # "since 2 weeks" is said for "for 2 weeks": read on as one
    index = at
    while index < end and words[index].text in _PERIOD_LEADS and index not in skip:
        if words[index].text == "a" and index + 1 < end and words[index + 1].text in _UNITS:
            break  # "for a week": "a" is the count
        index += 1
    if index >= end or index in skip:
        return None
    count = 1
    if words[index].text in _UNITS:
        count_at = index  # "for weeks" is no number; "in the last week" is one
        if not any(words[i].text in ("last", "past", "a", "over", "the") for i in range(at, index)):
            return None
    else:
        number = _count(message, index)
        unit = index + 2 if words[index + 1:index + 2] and words[index + 1].text == "of" \
            else index + 1  # "a couple of days"
        if number is None or unit >= end or words[unit].text not in _UNITS:
            return None
        count, count_at = number, unit
    days = count * _UNITS[words[count_at].text]
    last = count_at + 1
    if last < end and words[last].text in ("ago", "or", "plus"):
        last += 2 if words[last].text == "or" and last + 1 < end else 1  # "a week or more"
    if days > _MOST_DAYS:
        return None
    return today - timedelta(days=days), frozenset(range(at, last))


def _count(message: Message, at: int) -> int | None:
    word = message.words[at]
    text = word.text
    value = word.value if text == NUMBER else int(text) if text.isdecimal() else _COUNTS.get(text)
    return value if isinstance(value, int) and 0 < value <= _MOST_DAYS else None
