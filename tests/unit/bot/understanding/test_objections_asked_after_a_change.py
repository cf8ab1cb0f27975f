"""Objections asked after a change said as being done ("closing 12 - any objections") ask
whether to make it: it was made. A reason after "closing 12", and leave given ("ok to
resolve 4, thanks", read as "happy for you to close 4"), are made as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("closing 12 - any objections", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("close 12, any concerns", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("resolving 12. any objections", "ask status #12 ?: Should #12 be resolved? [Yes]"),
])
def test_objections_asked_after_a_change_ask_about_it(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("closing 12, the user confirmed", "status #12 closed"),
    ("ok to resolve 4, thanks", "status #4 resolved"),
    ("ok, close 12", "status #12 closed"),
])
def test_a_change_with_a_reason_or_leave_is_made_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
