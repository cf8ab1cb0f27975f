"""A question about a ticket in few or other words is answered on its card: "903 done?" showed
903 with nothing answered, as did "what team is 975 with", "is 1030 still with the network
team?" and "any idea when someone will get to 1029?"."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("903 done?", "show #903 asked=status?closed,resolved"),
    ("903 fixed yet?", "show #903 asked=status?closed,resolved"),
    ("ticket 903 closed?", "show #903 asked=status?closed"),
    ("903 still open?", "show #903 asked=status?in_progress,on_hold,open"),
    ("903 on hold?", "show #903 asked=status?on_hold"),
    ("what team is 975 with", "show #975 asked=assignee"),
    ("which team is 975 with?", "show #975 asked=assignee"),
    ("is 1030 still with the network team?", "show #1030 asked=assignee"),
    ("is 1030 now with sam?", "show #1030 asked=assignee"),
    ("any idea when someone will get to 1029?", "show #1029 asked=status"),
    ("do you know when someone is going to look at 1029", "show #1029 asked=status"),
])
def test_a_question_in_few_or_other_words_is_answered(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("903 done", "status #903 resolved"),
    ("903 status?", "show #903 asked=status"),
    ("903?", "show #903"),
    ("why is 903 done?", "show #903"),
    ("is it ok with you if i take 975?", "no change #7"),
    ("what is 975 about", "show #975"),
])
def test_what_tells_or_asks_another_thing_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
