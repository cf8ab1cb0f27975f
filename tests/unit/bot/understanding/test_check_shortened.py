""""chk", as "check" is typed short on a phone ("plz chk 1528 asap"): the ticket is shown.
It was not understood."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("plz chk 1528 asap", "show #1528"),
    ("chk 12", "show #12"),
    ("can u chk 12 pls", "show #12"),
    ("chk out the new printer", "free text"),
])
def test_check_shortened_shows_the_ticket(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
