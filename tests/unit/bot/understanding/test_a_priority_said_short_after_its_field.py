"""A priority said short once the field is named ("1857 prio med", "priority of 12 is mid",
"12 priority hi"), or after "in" in a second language ("change priority of 1720 in high"),
is that priority: before, "“med” is not a priority." was asked back. A priority asked for
with only "please" after it asks which, without telling "“please” is not a priority". "hi",
"med" and "lo" with no field named are no priority ("902 hi"). Found by the nineteenth
held-out table."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "read"), [
    ("1857 prio med", "edit #1857 priority=medium"),
    ("1857 priority med", "edit #1857 priority=medium"),
    ("priority of 12 is med", "edit #12 priority=medium"),
    ("set priority of 12 to mid", "edit #12 priority=medium"),
    ("12 prio lo", "edit #12 priority=low"),
    ("12 priority hi", "edit #12 priority=high"),
    ("sir please change priority of 1720 in high", "edit #1720 priority=high"),
    ("CHANGE PRIORITY OF 12 IN URGENT", "edit #12 priority=urgent"),
    ("lower the priority of 1768 please", "ask edit #1768 ? priority"),
    ("raise the priority of 12 pls", "ask edit #12 ? priority"),
    ("set the priority of 12 please", "ask edit #12 ? priority"),
])
def test_a_priority_said_short_after_its_field_is_read(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)


@pytest.mark.parametrize(("said", "read"), [
    ("set priority of 12 to banana", "ask edit #12 ? priority: “banana” is not a priority."),
    ("change priority of 12 in a minute", "ask edit #12 ? priority: “in a minute” is not a priority."),
    ("12 med", "unknown [my tickets, new ticket, help]"),
    ("902 hi", "unknown [my tickets, new ticket, help]"),
    ("change the priority of 12 to high please", "edit #12 priority=high"),
    ("change priority of 12 at high", "edit #12 priority=high"),
])
def test_what_is_no_priority_is_read_as_before(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)
