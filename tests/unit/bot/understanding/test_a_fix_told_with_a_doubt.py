"""A fix or a gone problem told with a doubt after it resolved the ticket: "7 fixed by
rebooting, didnt work for me", "7 problem fixed? still see it", "7 problem fixed for now,
monitoring" each resolved 7. A doubt, a question or more to come leaves the ticket as it was
read before those phrasings were added; the plain fix still resolves."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize("said", [
    "7 fixed by rebooting? didnt work for me",
    "7 fixed by rebooting, didnt work for me",
    "7 fixed by rebooting, didn't work for me",
    "12 was fixed by restarting the spooler but it came back",
    "12 fixed by restarting, still crashing",
    "12 fixed by reinstalling, doesnt hold",
    "7 problem fixed? still see it",
    "7 problem fixed for now, monitoring",
    "ticket 12 issue is fixed but not for everyone",
    "12 issue fixed, isn't it?",
    "12 problem solved, I think",
])
def test_a_fix_told_with_a_doubt_changes_nothing(said: str) -> None:
    assert not summary(as_the_bot_reads(said, CONVERSATION)).startswith("status")


@pytest.mark.parametrize(("said", "expected"), [
    ("12 fixed by replacing the toner", "status #12 resolved"),
    ("12 was fixed by restarting the spooler", "status #12 resolved"),
    ("ticket 1648 problem solved thank you", "status #1648 resolved"),
    ("12 issue is fixed now", "status #12 resolved"),
])
def test_a_plain_fix_still_resolves(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
