"""A ticket's state told in two words, then a request of it ("12 sorted, give to sam", "12
and 13 done, put them on hold"): the request is made, as after "12 is fixed, give it to sam" (asked as "give to sam" alone
is, when no "it" says which ticket).
It resolved 12 (and 13) and posted "give to sam" on it as why. A request that only says the
same ("12 sorted, closing") or nothing asked after the state stay as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("12 sorted, give to sam", "ask assign #12 to ?: Should Sam Rivera take #12? [Yes]"),
    ("12 sorted, give it to sam", "assign #12 to user:u-sam"),
    ("12 fixed, assign to sam", "ask assign #12 to ?: Should Sam Rivera take #12? [Yes]"),
    ("12 done, make it low", "edit #12 priority=low"),
    ("12 and 13 sorted, give them to sam", "assign #12, #13 to user:u-sam"),
    ("12 and 13 fixed, close both", "status #12, #13 closed"),
    ("12 and 13 are fixed, close them", "status #12, #13 closed"),
])
def test_the_request_after_a_terse_state_is_made(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "12 is fixed, assign to sam",
    "12 and 13 done, put them on hold",
])
def test_a_terse_state_never_resolves_with_the_request_as_its_reason(said: str) -> None:
    assert "resolved" not in summary(as_the_bot_reads(said, CONVERSATION))


@pytest.mark.parametrize(("said", "expected"), [
    ("12 is fixed, give it to sam", "assign #12 to user:u-sam"),
    ("12 sorted", "status #12 resolved"),
    ("12 and 13 sorted", "status #12, #13 resolved"),
    ("12 is fixed, close it", "status #12 closed"),
    ("737 works now, closing", "status #737 closed"),
    ("12 fixed, new cable", "status #12 resolved"),
])
def test_a_state_alone_or_with_its_reason_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
