"""A request said after a doubt ("not sure, close 12") is asked about first, never made: the
person has not decided (it was made). A puzzle told before a request ("not sure why 12 was
closed, reopen it") and a doubt with no request are read as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("not sure, close 40", "ask status #40 ?: Should #40 be closed? [Yes]"),
    ("not sure, close 41?", "ask status #41 ?: Should #41 be closed? [Yes]"),
    ("not sure. close 42?", "ask status #42 ?: Should #42 be closed? [Yes]"),
    ("i'm not sure - resolve it", "ask status #7 ?: Should #7 be resolved? [Yes]"),
    ("not sure. make 44 urgent", "no change #44"),
])
def test_a_request_after_a_doubt_is_asked_about_first(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("not sure why 45 was closed, reopen it pls", "status #45 open"),
    ("sure, close 46", "status #46 closed"),
    ("not convinced, give 43 to sam", "no change #43"),
    ("dunno, put 47 on hold", "ask status #47 ?: Should #47 be on hold? [Yes]"),
    ("close 48", "status #48 closed"),
    ("not sure", "unknown [my tickets, new ticket, help] "
                 "e.g. [comment on 4: restarted the spooler]"),
])
def test_what_looks_like_a_doubt_before_a_request_is_read_as_before(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
