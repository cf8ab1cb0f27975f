"""A quote pasted under who wrote it ("sam wrote:⏎> close 12⏎what do you think?") is read as
the quote alone is: the reply after it asks about the request quoted (12 was closed). And a
reply to a quoted question about a ticket ("> is 12 fixed?⏎yes, close it") is about that
ticket, not the one last shown (7 was closed)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("sam wrote:\n> close 12\nwhat do you think?", "question"),
    ("On Mon, Sam Rivera wrote:\n> please close 12\nis that right?", "question"),
    ("> close 12\nwhat do you think?", "question"),
    ("sam wrote:\n> please set 12 to high\nagreed, do it", "edit #12 priority=high"),
    ("> please set 12 to high\nagreed, do it", "edit #12 priority=high"),
    ("> is 12 fixed?\nyes, close it", "status #12 closed"),
    ("sam wrote:\n> is 12 fixed?\nyes, please close it", "status #12 closed"),
    ("> Sam: I restarted the spooler on 424\ngreat, resolve it", "status #424 resolved"),
    ("> swapped 2 toner cartridges\ngreat, resolve it", "status #7 resolved"),
])
def test_a_reply_under_a_quote_is_about_what_it_quotes(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
