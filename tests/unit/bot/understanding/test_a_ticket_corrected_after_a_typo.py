"""A ticket said alone after "no wait", "typo" or "correction" is the ticket meant: "no
wait, 1383" and "sorry typo, 1388" were not understood, "correction: it's 1389 not 1390"
was free text and "correction: 13 not 14" showed 13 (seventeenth held-out table). Now they
are another ticket meant, as "sorry wrong number, 13" is. More after the ticket ("no wait,
13 is fine"), a typo told of a ticket ("typo in 13's title") and a change after "no wait"
are as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("no wait, 13", "meant #13"),
    ("no wait 13", "meant #13"),
    ("wait no, #13", "meant #13"),
    ("sorry typo, 13", "meant #13"),
    ("typo, 13", "meant #13"),
    ("typo: ticket 13 sorry", "meant #13"),
    ("oops typo - it should be 13", "meant #13"),
    ("typo, 13 not 14", "meant #13 not #14"),
    ("correction: it's 13 not 14", "meant #13 not #14"),
    ("correction: 13 not 14", "meant #13 not #14"),
    ("correction - 13", "meant #13"),
])
def test_a_ticket_alone_after_a_correction_is_the_one_meant(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("no wait, close 13", "status #13 closed"),
    ("sorry wrong number, 13", "meant #13"),
    ("i meant 13", "meant #13"),
    ("sorry, 13", "show #13"),
    ("no, 13", "show #13"),
])
def test_a_change_or_another_correction_is_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "no wait, 13 is fine", "typo in 13's title", "there's a typo in 13", "typo on ticket 13",
    "correction: 13 should be high, not urgent",
    # asked, not told: "no wait, 13?" asks whether 13 was meant; nothing is done to it
    "no wait, 13?", "correction, 13 not 14?", "typo? 13?", "wait no, 13??",
])
def test_more_said_of_the_ticket_is_no_ticket_meant(said: str) -> None:
    assert not summary(as_the_bot_reads(said, CONVERSATION)).startswith("meant")
