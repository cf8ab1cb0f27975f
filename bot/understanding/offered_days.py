"""A due date said with another day offered instead: "set 12 due friday, or monday if that's
easier". The writer left the choice open, so which day is asked, never the first taken."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.understanding.context import Conversation
from bot.understanding.message import DATE, read_message
from bot.understanding.requests import Choice, Clarify, EditTicket, Understanding

_BETWEEN = frozenset({"or", "maybe", "perhaps", "possibly", "even"})
"""Words between the two days that offer the second instead: "friday, or maybe monday"."""
_READ_MOST = 500
"""Characters looked through for a second day: a due date is said in a short request."""


def two_days_offered(found: Understanding, text: str, conversation: Conversation) -> Understanding:
    """The due date set, or which of the two days offered is asked, the days as buttons."""
    if not isinstance(found, EditTicket) or found.due is None or len(text) > _READ_MOST or (
            " or " not in f" {text.lower()} "):
        return found
    words = read_message(text, conversation).words
    days = [index for index, word in enumerate(words) if word.text == DATE]
    for said, other in zip(days, days[1:]):
        between = {word.text for word in words[said + 1:other]}
        first, second = words[said].value, words[other].value
        if isinstance(first, date) and first == found.due and "or" in between and (
                between <= _BETWEEN) and isinstance(second, date) and second != first:
            return Clarify(replace(found, due=None),
                           f"Which day should {found.ticket or 'the ticket'} be due?",
                           (Choice(_day(first), first), Choice(_day(second), second)))
    return found


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"
