"""A change wished in the past ("i wanted 12 closed", "we wanted it escalated") tells, and
changes nothing; wanted now ("i want 12 closed", "i'd like 12 closed") it is made; wanted
by a day ("i need 12 closed by friday") that day is its due date."""

from __future__ import annotations

import pytest

from bot.understanding.requests import AssignTicket, ChangeStatus, EditTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "i wanted 12 closed", "we wanted it escalated", "we wanted 12 moved to facilities",
    "i like 12 closed", "i really wanted it resolved",
])
def test_a_past_wish_changes_nothing(said: str) -> None:
    assert not isinstance(as_the_bot_reads(said, CONVERSATION),
                          (AssignTicket, ChangeStatus, EditTicket))


@pytest.mark.parametrize(("said", "expected"), [
    ("i need 12 closed by friday", "edit TKT-2026-0012 due=2026-12-04"),
    ("we need 12 resolved before monday", "edit TKT-2026-0012 due=2026-12-07"),
    ("i need it fixed by friday", "edit TKT-2026-0007 due=2026-12-04"),
    ("i want 12 closed", "status TKT-2026-0012 closed"),
    ("i would like 12 closed", "status TKT-2026-0012 closed"),
    ("i'd like 12 closed", "status TKT-2026-0012 closed"),
    ("we'd like it escalated", "edit TKT-2026-0007 priority=urgent"),
    ("sam wants 45 closed", "status TKT-2026-0045 closed"),
])
def test_a_wish_now_or_by_a_day_is_made(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
