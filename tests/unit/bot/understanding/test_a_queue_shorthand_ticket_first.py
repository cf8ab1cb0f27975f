"""An agent working a queue writes the ticket first and the change after it, shortened:
"1542 unassign", "1548 cat incident", "1549 sev major" were not read (as "unassign 1542",
"1548 category incident", "1549 severity major" are). Only a known category or severity
after "cat" or "sev" is one; anything else is as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("1542 unassign", "assign #1542 to nobody"),
    ("12 unassign pls", "assign #12 to nobody"),
    ("12 - unassign", "assign #12 to nobody"),
    ("1548 cat incident", "edit #1548 category=incident"),
    ("12 cat: bug", "edit #12 category=bug"),
    ("12 cat -> feature", "edit #12 category=feature"),
    ("1549 sev major", "edit #1549 severity=major"),
    ("12 sev critical", "edit #12 severity=critical"),
    ("#12 sev: minor", "edit #12 severity=minor"),
])
def test_a_change_written_after_the_ticket_in_shorthand_is_made(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "12 cat stuck in the printer",
    "the cat sat on 12",
    "12 sev",
    "is 12 unassigned?",
    "12 unassigned",
])
def test_shorthand_without_a_known_value_changes_nothing(said: str) -> None:
    assert not summary(as_the_bot_reads(said, CONVERSATION)).startswith(("edit", "assign"))
