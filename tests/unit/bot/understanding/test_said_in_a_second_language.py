"""Changes said in forms common in English as a second language: a close asked as a noun
("please do the closure of 1170"), "must to be" before a priority or a status ("the ticket
1178 must to be urgent"), and a due date "preponed" or "postponed" ("please prepone the due
date of 1177 to monday"). None was understood (sixteenth held-out table). A closure told,
not asked, a closure of something else, or "must to be" before anything else, are as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("please do the closure of 1170", "status #1170 closed"),
    ("kindly proceed with closure of ticket 12", "status #12 closed"),
    ("Sir, please do closure of TKT-2026-0012 as issue is resolved", "status #12 closed"),
    ("the ticket 1178 must to be urgent", "edit #1178 priority=urgent"),
    ("12 must to be closed", "status #12 closed"),
    ("ticket 12 must to be on hold, user is travelling", "status #12 on_hold"),
    ("please prepone the due date of 1177 to monday", "edit #1177 due=2026-12-07"),
    ("postpone the due date of 12 to friday", "edit #12 due=2026-12-04"),
    ("kindly prepone deadline of 12 to tomorrow", "edit #12 due=2026-12-03"),
    # as before
    ("the closure of 12 was delayed", "free text"),
    ("do the closure of the account", "free text"),
    ("12 must to be checked", "free text"),
    ("postpone the meeting", "free text"),
])
def test_said_in_a_second_language_it_is_read(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
