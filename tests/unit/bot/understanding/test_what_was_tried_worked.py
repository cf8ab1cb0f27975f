"""What was tried on a ticket, told to have worked, is asked about as "the new cable fixed 987"
is ("Should … be resolved?"): "the password reset on 987 worked" and "the workaround for 987
did the trick" went to the help assistant."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("the password reset on 987 worked", "ask status #987 ?: Should #987 be resolved? [Yes]"),
    ("the fix on 987 worked", "ask status #987 ?: Should #987 be resolved? [Yes]"),
    ("the workaround for 987 did the trick", "ask status #987 ?: Should #987 be resolved? [Yes]"),
    ("reinstalling teams on 987 worked in the end",
     "ask status #987 ?: Should #987 be resolved? [Yes]"),
])
def test_what_was_tried_and_worked_asks_whether_it_is_resolved(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "the password reset on 987 didn't work", "did the password reset on 987 work?",
    "the reset on 987 never worked", "if the reset on 987 worked, close it",
])
def test_what_did_not_work_or_is_asked_changes_nothing(said: str) -> None:
    assert not isinstance(as_the_bot_reads(said, CONVERSATION), ChangeStatus)
