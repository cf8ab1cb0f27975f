"""One of the tickets said, denied after them ("close 12 and 13, not 13"), is left out: all
were changed, the denied one too (the denial was dropped as naming another ticket, as in
"close 3, not 2"). The only ticket said, denied, changes nothing."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12 and 13, not 13", "status #12 closed"),
    ("close 12 and 13, not 12", "status #13 closed"),
    ("close 12, 13 and 14 - not 14", "status #12, #13 closed"),
    ("close 12, 13, 14, not 13", "status #12, #14 closed"),
    ("close #12 and #13, not #13", "status #12 closed"),
    ("assign 12 and 13 to sam, not 13", "assign #12 to user:u-sam"),
    ("close 12, not 12", "no change #12"),
])
def test_a_ticket_denied_after_the_tickets_said_is_left_out(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 3, not 2", "status #3 closed"),
    ("assign 5 to sam not 4", "assign #5 to user:u-sam"),
    ("close 12 and 13", "status #12, #13 closed"),
])
def test_another_ticket_denied_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
