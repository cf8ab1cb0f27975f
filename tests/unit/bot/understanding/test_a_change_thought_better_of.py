"""A change thought better of in the same message ("give 1658 to alex... on second thought
i'll keep it", "close 12, on second thoughts leave it") is taken back: the change was made,
its take-back read as the reason. What is said instead is the request."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("give 1658 to alex... on second thought i'll keep it", "no change #1658"),
    ("give 1658 to alex, on second thought i'll keep it", "no change #1658"),
    ("close 1658... on second thought leave it", "no change #1658"),
    ("close 12, on second thoughts leave it open", "no change #12"),
    ("Close 12. On 2nd thought, don't", "no change #12"),
    ("resolve 12 - second thoughts, leave it", "no change #12"),
    ("close 12, on reflection leave it for now", "no change #12"),
    ("close 12 on second thought", "no change #12"),
    # what is said instead is the request
    ("give 12 to alex, on second thought give it to sam", "assign #12 to user:u-sam"),
    ("close 12.. on second thought resolve it", "status #12 resolved"),
    ("set 12 to high, on second thought urgent", "edit #12 priority=urgent"),
    # look-alikes: no change before it, or the thought is the ticket's
    ("on second thought, close 12", "status #12 closed"),
    ("on second thought, 12 can be closed", "status #12 closed"),
    ("comment on 12: on second thought the user wants a new laptop",
     "comment #12 'on second thought the user wants a new laptop'"),
])
def test_a_change_thought_better_of_is_taken_back(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12 - sorry, keep it open", "no change #12"),
    ("close 12, actually leave it", "no change #12"),
    ("give 12 to alex, no wait, i'll keep it", "no change #12"),
    ("close 12, no wait, leave it", "no change #12"),
    ("resolve 12, sorry, leave it as it is", "no change #12"),
    # look-alikes: kept as said, or a request of its own after
    ("close 12, actually resolve it", "status #12 resolved"),
    ("close 12 - the user can keep it", "status #12 closed"),
    ("give 12 to alex, sorry, to sam", "assign #12 to user:u-sam"),
])
def test_a_change_then_kept_as_it_is_is_taken_back(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 1597 oh no sorry wrong one, 1598", "status #1598 closed"),
    ("close 12 oh wait, 13", "status #13 closed"),
    ("give 12 to sam oh no, to priya", "assign #12 to user:u-priya"),
    ("close 12... oh no, leave it", "no change #12"),
    # look-alikes: a problem told, not a slip, read as before
    ("close 12, oh no the user says it's broken again", "no change #12"),
    ("oh no, 12 is broken again", "free text"),
])
def test_a_slip_taken_back_with_oh_no_is_corrected(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
