"""A priority said, then why, with no comma between ("can u make my ticket 1510 urgent pls my
boss is shouting"): the priority is set, as "make 12 urgent, my boss is shouting" is. It was
asked as a status: "“urgent pls my boss is shouting” is not a status I know"."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("can u make my ticket 1510 urgent pls my boss is shouting", "edit #1510 priority=urgent"),
    ("make 12 urgent my boss is shouting", "edit #12 priority=urgent"),
    ("make 12 high please our payroll run is tomorrow", "edit #12 priority=high"),
    ("set 12 to urgent thanks the whole floor is down", "edit #12 priority=urgent"),
    ("make 12 low its only cosmetic", "edit #12 priority=low"),
    ("make 12 a bug the button does nothing", "edit #12 category=bug"),
    # look-alikes: a condition, a day, or no value said
    ("make 12 urgent if my boss says so", "no change #12"),
    ("make 12 urgent after my boss confirms",
     "ask status #12 ?: “urgent after my boss confirms” is not a status I know. Which status "
     "should #12 get? [open, in progress, on hold, resolved, closed]"),
    ("make 12 purple my boss likes it",
     "ask status #12 ?: “purple my boss likes it” is not a status I know. Which status should "
     "#12 get? [open, in progress, on hold, resolved, closed]"),
])
def test_a_priority_run_on_with_its_reason_is_set(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
