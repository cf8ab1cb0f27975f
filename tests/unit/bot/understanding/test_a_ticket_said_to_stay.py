"""A ticket said to stay as it is ("1618 should stay open", "12 needs to stay open for now")
went to the help assistant, which offered to file it as a ticket; now nothing changes, as
with "keep 1618 open". Asked ("12 should stay open?") it shows the ticket as before, and a
request after it is made."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("1618 should stay open", "no change #1618"),
    ("12 needs to stay open for now", "no change #12"),
    ("12 should remain as it is", "no change #12"),
    ("12 should stay open?", "show #12"),
    ("12 should stay open, please reopen 13", "status #13 open"),
    ("comment on 12: 13 should stay open", "comment #12 '13 should stay open'"),
])
def test_a_ticket_said_to_stay_as_it_is_is_left(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
