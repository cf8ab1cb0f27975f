"""A correction put as a question ("i meant 13?", "i meant give it to sam?") asks whether
13 or sam was meant: it made the change just made again, of 13 or to sam. Now it is read as
"no wait, 13?" is (971ae5c): the ticket shown, nothing changed. Told ("i meant 13", "i
meant give it to sam", "sorry not 2, i meant 3") it is the correction as before."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def read(said: str) -> str:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    return summary(readable(as_the_bot_reads(text, CONVERSATION)))


@pytest.mark.parametrize("said", [
    "i meant 13?", "i meant give it to sam?", "meant 13??", "I meant #13? 🤔",
    "i meant to say 13?", "sorry, 13 not 12?", "wrong one, 13?", "make it 13 instead?",
    "should have been 13?", "oops i meant resolve it?", "i meant to close 13?",
    "oops wrong one, i meant give it to sam?", "<p>i meant 13?</p>",
])
def test_a_correction_asked_makes_no_change_again(said: str) -> None:
    found = read(said)
    assert not found.startswith(("meant", "status", "assign", "edit", "comment")), found


@pytest.mark.parametrize(("said", "expected"), [
    ("i meant 13", "meant #13"),
    ("i meant 13!", "meant #13"),
    ("i meant 13 sorry", "meant #13"),
    ("i meant give it to sam", "meant #7: assign #7 to user:u-sam"),
    ("sorry not 2, i meant 3", "meant #3 not #2"),
    ("not 12, 13", "meant #13 not #12"),
    ("i meant to ask, is 3 closed?", "show #3 asked=status?closed"),
])
def test_a_correction_told_is_as_before(said: str, expected: str) -> None:
    assert read(said) == expanded(expected)
