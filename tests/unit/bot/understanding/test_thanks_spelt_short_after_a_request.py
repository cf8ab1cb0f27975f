"""Thanks spelt short or run together after a request: "pls clos 2044 thnx", "close 12 thnx",
"resolve 12 tysm" were not read at all (offered as suggestions), though "close 12 thx" closes
it; "assign 12 to sam thnx" asked who "sam thnx" is. Now thanks as people type it ends a
request as "thx" does, and is left out of a reason posted. Found by the twentieth held-out
table."""

from __future__ import annotations

import pytest

from bot.understanding import understand
from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12 thnx", "status #12 closed"),
    ("pls close 12 thnx", "status #12 closed"),
    ("close 12 thanx", "status #12 closed"),
    ("resolve 12 tysm", "status #12 resolved"),
    ("close 12 thankyou", "status #12 closed"),
    ("put 12 on hold tq", "status #12 on_hold"),
    ("assign 12 to sam thnx", "assign #12 to user:u-sam"),
    ("make 12 urgent thnks", "edit #12 priority=urgent"),
    ("close 12 thx", "status #12 closed"),
    ("close 12 cheers", "status #12 closed"),
])
def test_the_request_is_read_with_the_thanks_left_out(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "reason"), [
    ("close 12, user confirmed it works thnx", "user confirmed it works"),
    ("resolve 12 - replaced the toner, tysm", "replaced the toner"),
])
def test_the_thanks_is_not_posted_with_the_reason(said: str, reason: str) -> None:
    found = understand(said, CONVERSATION)
    assert isinstance(found, ChangeStatus) and found.reason == reason
