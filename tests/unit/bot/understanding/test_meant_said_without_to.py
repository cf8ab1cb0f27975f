"""A change meant instead, said without "to" or with "to say", is the change meant: "sorry, I
meant give it to alex" and "oops, meant to say resolve 1039 not close" went to the help
assistant, where "sorry i meant to give it to alex" and "i meant to close 1039" were read."""

from __future__ import annotations

import time

import pytest

from bot.understanding.corrections import meant_another
from bot.understanding.reading import understand
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("sorry, I meant give it to alex", "meant #7: assign #7 to user:u-alex"),
    ("oops, meant to say resolve 1039 not close", "meant #1039: status #1039 resolved"),
    ("i meant resolve 1039 not close", "meant #1039: status #1039 resolved"),
    ("i meant to say close 1039", "meant #1039: status #1039 closed"),
    ("sorry i meant put 1039 on hold", "meant #1039: status #1039 on_hold"),
])
def test_the_change_meant_is_read_without_to(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("i meant 1039", "meant #1039"),
    ("i meant to close 1039", "meant #1039: status #1039 closed"),
    ("sorry i meant to give it to alex", "meant #7: assign #7 to user:u-alex"),
    ("i meant to ask, is 1039 closed?", "show #1039 asked=status?closed"),
    ("i meant what i said", "free text"),
])
def test_what_was_read_before_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("unit", ["i meant give 3 to sam ", "meant to say close 3 ", "i meant "])
def test_a_message_of_one_meant_over_and_over_is_read_at_once(unit: str) -> None:
    said = (unit * (28_000 // len(unit)))[:28_000]
    started = time.thread_time()
    meant_another(said, CONVERSATION, understand)
    assert time.thread_time() - started < 1  # not read again as a change meant
