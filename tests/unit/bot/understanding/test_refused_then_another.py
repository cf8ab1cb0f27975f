"""A change refused of one ticket, then asked of another, is the change asked: "don't close
12 but do close 13" and "don't close 12, close 13 instead" said "OK, I'll leave TKT-…-0012 as
it is" and closed nothing. Nothing is made of the ticket refused, and a later sentence that
asks nothing, asks it of the same ticket, or only on a condition changes nothing."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("don't close 12 but do close 13", "status #13 closed"),
    ("don't close 12, close 13 instead", "status #13 closed"),
    ("don't close 12 yet, but you can close 13", "status #13 closed"),
    ("don't close 12 however close 13", "status #13 closed"),
    ("please don't reopen 12. reopen 13", "status #13 open"),
    ("don't close 12, close 13 instead thanks", "status #13 closed"),
    ("not 12, close 13", "status #13 closed"),
    # nothing asked of another ticket
    ("don't close 12, it's not fixed", "no change #12"),
    ("don't close 12 or 13", "no change #12"),
    ("don't close 12, 13 is fine though", "no change #12"),
    ("don't close 12 but do close it", "no change #12"),
    ("don't close 12 but 13 maybe", "no change #12"),
    ("don't close 12 but don't close 13 either", "no change #12"),
    ("don't close 12, but if 13 is fixed close it", "no change #12"),
])
def test_a_change_refused_then_asked_of_another_ticket(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    # what was not heard, told before the request: it refuses nothing (it was "no change")
    ("no response from user, close 12", "status #12 closed"),
    ("No reply from sam, assign 12 to lee park", "assign #12 to user:u-lee"),
    ("no luck, reopen 12", "status #12 open"),
    # refusals, as before
    ("no, don't close 12", "no change #12"),
    ("no close 12", "no change #12"),
    ("no news on 12?", "show #12"),
])
def test_no_reply_told_before_a_request_refuses_nothing(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
