""""make that 2 not 3" just after a change is another ticket meant, as "sorry, 2 not 3" is:
it asked which status 3's neighbour in view should get ("“2” is not a status I know"), and
"actualy make that 2 not 3" the same. "make that 2" alone, "make it 2 days", "make that
high" and a priority or status made are as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("make that 13 not 14", "meant #13 not #14"),
    ("actually make that 13 not 14", "meant #13 not #14"),
    ("actualy make that 13 not 14", "meant #13 not #14"),
    ("sorry, make that 13 not 14", "meant #13 not #14"),
    ("make that 13 instead of 14", "meant #13 not #14"),
    ("oh make it 13 not 14 pls", "meant #13 not #14"),
    ("no, make that ticket 13 instead", "meant #13"),
])
def test_make_that_another_ticket_is_the_one_meant(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "make that 13", "make it high", "make that urgent not high", "make it 2 days",
    "make 13 urgent", "make that resolved",
])
def test_what_only_looks_like_it_is_read_as_before(said: str) -> None:
    before = summary(as_the_bot_reads(said, CONVERSATION))
    assert not before.startswith("meant")
