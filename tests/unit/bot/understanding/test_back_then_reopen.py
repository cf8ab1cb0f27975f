"""A problem told as back on a ticket, then "reopen" alone, reopens that ticket: "same issue
again in 12 kindly reopen" asked which ticket to reopen, and "12 again, pls reopen" only
showed 12, where "12 broke again, reopen it" reopened it. A "not" or a condition anywhere,
or no ticket typed, is read as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "same issue again in 12 kindly reopen", "12 again, pls reopen",
    "issue is back in 12 please reopen", "problem back on 12, reopen",
    "12 came back so reopen", "Same problem again on ticket 12. Please reopen.",
    "the error is back in #12 pls reopen it", "12 broke again, reopen it",
])
def test_a_problem_back_then_reopen_reopens_that_ticket(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "status TKT-2026-0012 open"


@pytest.mark.parametrize(("said", "expected"), [
    ("12 is not back, don't reopen", "no change TKT-2026-0012"),
    ("same issue again, reopen", "status ? open"),
    ("same issue as 12 again, reopen 13", "status TKT-2026-0013 open"),
    ("if 12 comes back, reopen it", "no change TKT-2026-0012"),
])
def test_look_alikes_are_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
