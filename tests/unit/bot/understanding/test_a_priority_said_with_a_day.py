"""A priority said with a day ("make 12 urgent from tomorrow", "set 12 to high tomorrow")
asks whether the ticket should have that priority: the day was set as its due date and the
priority dropped. As "put 6 on hold tomorrow" is asked. A due date or a priority said alone,
or both joined, stay as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("make 12 urgent from tomorrow", "ask edit #12 ?: Should #12 be urgent priority? [Yes]"),
    ("set 12 to high tomorrow", "ask edit #12 ?: Should #12 be high priority? [Yes]"),
    ("make 12 low from next week", "ask edit #12 ?: Should #12 be low priority? [Yes]"),
    ("make 12 urgent friday", "ask edit #12 ?: Should #12 be urgent priority? [Yes]"),
    ("make 12 high priority tomorrow", "ask edit #12 ?: Should #12 be high priority? [Yes]"),
])
def test_a_priority_said_with_a_day_is_asked(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("make 12 due tomorrow", "edit #12 due=2026-12-03"),
    ("set 12 to tomorrow", "edit #12 due=2026-12-03"),
    ("set 12 to high", "edit #12 priority=high"),
    ("make 12 urgent and due tomorrow", "edit #12 priority=urgent due=2026-12-03"),
    ("put 6 on hold tomorrow", "ask status #6 ?: Should #6 be on hold? [Yes]"),
])
def test_a_day_or_a_priority_alone_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
