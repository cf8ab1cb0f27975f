"""A priority written short before "prio" is that priority: "902 hi prio" went to the help
assistant, "902 med prio" too, where "902 high prio" was read. Only before "prio" or
"priority": "hi" alone is a greeting."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("902 hi prio", "edit #902 priority=high"),
    ("902 med prio", "edit #902 priority=medium"),
    ("902 -> lo priority", "edit #902 priority=low"),
    ("902 hi pri pls", "edit #902 priority=high"),
])
def test_a_priority_written_short_is_set(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("hi 902", "show #902"),
    ("902 hi", "unknown [my tickets, new ticket, help]"),
    ("902 hi prio?", "show #902 asked=priority"),
    ("902 high prio", "edit #902 priority=high"),
])
def test_a_greeting_or_a_question_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
