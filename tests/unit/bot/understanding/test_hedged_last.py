"""A hedge said last, after the change ("close 12, i think", "assign 12 to sam, i think", "12
can be resolved, probably", "set 12 to high, i guess") made the change: it is as unsure as
"I think" said first, so it is asked about, with nothing posted as why; several are not
made. A comment's or a new ticket's own words, and a change without a hedge, are as
before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12, i think", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("Close 12, I reckon", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("12 can be closed, i think", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("12 can be resolved, probably", "ask status #12 ?: Should #12 be resolved? [Yes]"),
    ("assign 12 to sam, i think", "ask assign #12 to ?: Should Sam Rivera take #12? [Yes]"),
    ("12 to sam, i think", "ask assign #12 to ?: Should Sam Rivera take #12? [Yes]"),
    ("set 12 to high, i guess", "ask edit #12 ?: Should #12 be high priority? [Yes]"),
    ("close 12 and 13, i think", "no change #12"),
])
def test_a_change_hedged_last_is_asked_about(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12", "status #12 closed"),
    ("comment on 12: works now i think", "comment #12 'works now i think'"),
    ("assign 12 to sam", "assign #12 to user:u-sam"),
])
def test_without_a_hedge_or_in_a_comment_it_is_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
