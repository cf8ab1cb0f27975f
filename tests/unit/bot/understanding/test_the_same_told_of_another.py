"""A ticket told as already in a state, then the same change asked of another ticket, is
that request alone: "sorry, 12 got closed, close 13 too" closes 13; 12 is told as closed.

Before, "12 got closed, close 13 too" closed 12 again and 13 (and with "sorry" first, the
undo of 12 was offered), "12 was closed already, pls close 13" closed 12 with "pls close
13" posted as why, and "12 was closed so close 13 too" went to the help assistant."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("sorry, 12 got closed, close 13 too", "status #13 closed"),
    ("12 got closed, close 13 too", "status #13 closed"),
    ("12 is closed, close 13 too", "status #13 closed"),
    ("12 was closed already, pls close 13", "status #13 closed"),
    ("12 got closed, can you close 13 as well", "status #13 closed"),
    ("12 was closed so close 13 too", "status #13 closed"),
    ("12 got closed close 13 too", "status #13 closed"),
    ("i closed 12, close 13 too", "status #13 closed"),
    ("I already closed 12 - please close 13 as well", "status #13 closed"),
    ("ticket 12 has been closed, please close 13 too", "status #13 closed"),
    ("12's closed now, close 13 too thx", "status #13 closed"),
    ("oops 12 got closed yesterday, close 13 also", "status #13 closed"),
    ("12 got closed, close 13 and 14 too", "status #13, #14 closed"),
    ("ticket 12 got resolved, resolve 13 as well", "status #13 resolved"),
    ("12 is fixed, resolve 13 too", "status #13 resolved"),
    ("12 is on hold already, put 13 on hold too", "status #13 on_hold"),
    ("we reopened 12, reopen 13 too", "status #13 open"),
])
def test_the_same_change_asked_of_another_ticket_is_made_on_that_one_only(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12, close 13 too", "status #12 closed + status #13 closed"),
    ("close 12 and 13", "status #12, #13 closed"),
    ("close 12, resolve 13", "status #12 closed + status #13 resolved"),
    ("12 got closed by mistake, reopen it", "status #12 open"),
    ("12 is fixed, close it", "status #12 closed"),
    ("12 got closed", "status #12 closed"),
    ("12 got closed, close it", "status #12 closed"),
])
def test_requests_and_states_of_one_ticket_are_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
