"""A second ticket said after a dash or a full stop, with "too", "also" or "as well", gets
the same change: "close 779 - 780 also" closed 779 alone, "close 779. also 780" closed 779
with "also 780" posted as why, and "close 4, ticket 5 as well" posted "ticket 5"."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("close 779 - 780 also", "status #779, #780 closed"),
    ("close 779. also 780", "status #779, #780 closed"),
    ("close 779; 780 as well", "status #779, #780 closed"),
    ("close 4 - ticket 5 too", "status #4, #5 closed"),
    ("close 4 and ticket 5 too", "status #4, #5 closed"),
    ("close 4, ticket 5 as well", "status #4, #5 closed"),
    ("assign 779 to sam - 780 too", "assign #779, #780 to user:u-sam"),
    ("close 779 – tkt-2025-0780 too", "status #779, TKT-2025-0780 closed"),
    # as before
    ("close 779, 780 too", "status #779, #780 closed"),
    ("put 104 on hold then 105 too", "status #104, #105 on_hold"),
    ("assign 4 to sam and 5 as well", "assign #4, #5 to user:u-sam"),
    ("close 779. 780 is also broken", "status #779 closed"),
    ("comment on 4: also 5 users", "comment #4 'also 5 users'"),
    ("close ticket 5 too", "status #5 closed"),
])
def test_a_ticket_said_after_a_dash_with_too_gets_the_same_change(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
