"""When listed tickets are due, in words: "overdue", "past due", "due today", "due this week"."""

from __future__ import annotations

from datetime import date, timedelta

from bot.understanding.message import DATE, Word
from bot.understanding.phrases import by_first_word, phrase_at
from domain.tickets import DueWindow

ONE_DAY = timedelta(days=1)
_OVERDUE = by_first_word(
    ("past", "due"), ("over", "due"), ("overdue",), ("late",), ("past", "deadline"),
    ("past", "their", "deadline"), ("past", "their", "due", "date"),
)
_THIS_WEEK = by_first_word(
    ("this", "week"), ("the", "end", "of", "the", "week"), ("end", "of", "the", "week"),
    ("end", "of", "week"), ("before", "the", "weekend"), ("within", "the", "week"),
)
DUE_CUES = frozenset({*_OVERDUE, "due"})
"""A word without which no due window can be said."""


def read_due(
    words: list[Word], start: int, stop: int, today: date, *, late_before: frozenset[str]
) -> tuple[DueWindow, frozenset[int]] | None:
    """The due window said in words `start:stop`, and the words that say it.

    "late" counts only before a word of `late_before` ("late tickets", not "running late")."""
    for index in range(start, stop):
        if size := phrase_at(words, index, stop, _OVERDUE):
            if words[index].text == "late" and not (
                    index + 1 < stop and words[index + 1].text in late_before):
                continue
            return DueWindow.OVERDUE, frozenset(range(index, index + size))
        if words[index].text != "due":
            continue
        after = index + 1 + (index + 1 < stop and words[index + 1].text == "by")
        if after + 1 < stop and words[after].text == "the" and words[after + 1].text == DATE:
            after += 1  # "due by the end of the week"
        # A week said is that week's window even on the day its date falls on: on a Sunday
        # "next week" starts tomorrow, on a Friday "the end of the week" is today.
        if after < stop and words[after].text == DATE and _said(words[after], "next", "week"):
            return DueWindow.NEXT_WEEK, frozenset(range(index, after + 1))
        if after < stop and words[after].text == DATE and _ends_this_week(words[after]):
            return DueWindow.THIS_WEEK, frozenset(range(index, after + 1))
        if after < stop and words[after].text == DATE and words[after].value == today:
            return DueWindow.TODAY, frozenset(range(index, after + 1))
        if after < stop and words[after].text == DATE and words[after].value == today + ONE_DAY:
            return DueWindow.TOMORROW, frozenset(range(index, after + 1))
        if size := phrase_at(words, after, stop, _THIS_WEEK):
            return DueWindow.THIS_WEEK, frozenset(range(index, after + size))
    return None


def _said(word: Word, *said: str) -> bool:
    """"due next week" in a list: the week's window, not its Monday."""
    return set(said) <= set(word.typed.lower().split())


def _ends_this_week(word: Word) -> bool:
    """"due by the end of the week" in a list: this week's window, not that one day."""
    said = word.typed.lower().split()
    return ("week" in said or "eow" in said) and "next" not in said
