""""Do needful" without its article, as often written in Indian English, before a request:
"please do needful and close 2018" only showed 2018 (the close dropped), where "do the
needful and close 12" closes it. Now the request is read either way; "do needful for 12" still
shows it. Found by the twentieth held-out table."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("please do needful and close 2018", "status #2018 closed"),
    ("pls do needful and assign 12 to me", "assign #12 to user:u-jo"),
    ("kindly do needful and put 12 on hold", "status #12 on_hold"),
    ("do the needfull and resolve 12", "status #12 resolved"),
    ("kindly do the needful and close 12", "status #12 closed"),
    ("please do needful for 12", "show #12"),
    ("please do the needful for 12", "show #12"),
    ("sir my printer not working please do needful", "free text"),
])
def test_the_request_after_do_needful_is_read(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
