"""A due date said with another day offered instead ("set 12 due friday, or monday if that's
easier") asks which of the two, the days as buttons: it set Friday, a choice the writer left
open. A priority or an assignee said with "or" was asked already. One day, or a day with a
latest one after it, is set as before."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.requests import Clarify, EditTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize("said", [
    "set 12 due friday, or monday if that's easier",
    "set 12 due friday or monday",
    "12 due friday or monday",
    "set 12 due friday, or maybe monday",
])
def test_two_days_offered_are_asked_between(said: str) -> None:
    asked = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(asked, Clarify) and isinstance(asked.request, EditTicket), summary(asked)
    assert [choice.value for choice in asked.choices] == [date(2026, 12, 4), date(2026, 12, 7)]
    assert [choice.label for choice in asked.choices] == ["Fri 4 Dec", "Mon 7 Dec"]


@pytest.mark.parametrize(("said", "expected"), [
    ("set 12 due friday", "edit #12 due=2026-12-04"),
    ("12 due friday", "edit #12 due=2026-12-04"),
    ("set 12 due friday, monday at the latest", "edit #12 due=2026-12-04"),
    ("set 12 due friday and make it high", "edit #12 priority=high due=2026-12-04"),
])
def test_one_day_said_is_set_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
