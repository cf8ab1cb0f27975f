"""A priority or category set with "do", as in Indian English ("please do priority high for
1524"), was read as asking 12's priority (as "do the priority high for 23" is read as set).
Only a value then a ticket after it: "do priority levels matter?" is a question as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("please do priority high for 1524", "edit #1524 priority=high"),
    ("do priority urgent for 12", "edit #12 priority=urgent"),
    ("kindly do category bug for 12", "edit #12 category=bug"),
    ("do priority levels matter?", "question"),
])
def test_a_field_set_with_do_is_set(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
