"""A weekday written short is a day: "need 908 sorted by fri" went to the help assistant and
"908 due fri" asked for a date ("I couldn't read “fri” as a date"), where "… by friday" and
"… next fri" were read. Only the short forms that are no other word: "tue", "thu", "fri" ("sat",
"sun", "mon" and "wed" are words of their own)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("need 908 sorted by fri", "edit #908 due=2026-12-04"),
    ("908 due fri", "edit #908 due=2026-12-04"),
    ("i need 908 done by fri", "edit #908 due=2026-12-04"),
    ("908 due thu", "edit #908 due=2026-12-03"),
    ("set 908 due tue", "edit #908 due=2026-12-08"),
])
def test_a_weekday_written_short_is_that_day(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("908 due next fri", "edit #908 due=2026-12-04"),
    ("the sat nav in the van is broken, new ticket", "create title='The sat nav in the van is broken'"),
    ("new ticket: wed meeting room screen broken", "create title='Wed meeting room screen broken'"),
])
def test_short_words_that_are_words_of_their_own_are_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
