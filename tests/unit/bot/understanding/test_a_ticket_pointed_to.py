"""A ticket pointed to after a change is not changed with it: "close 4 - see also 5" and
"close 4, see also 5" closed 5 too, read as "close 4, also 5". Now only 4 is closed, with
"see also 5" as why; "close 4, also 5" and "close 4 and also 5" still close both."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "reason"), [
    ("close 4 - see also 5", "see also 5"),
    ("close 4, see also 5", "see also 5"),
    ("Resolve 12 – cf. also #13", "cf. also #13"),
    ("close 4 — compare also 5", "compare also 5"),
    ("close 4, related: also 5", None),
])
def test_a_ticket_pointed_to_is_not_changed(said: str, reason: str | None) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, ChangeStatus), read
    assert read.ticket is not None and read.ticket.sequence in (4, 12), read
    if reason is not None:
        assert read.reason == reason, read


@pytest.mark.parametrize(("said", "expected"), [
    ("close 4, also 5", "status TKT-2026-0004, TKT-2026-0005 closed"),
    ("close 4 and also 5", "status TKT-2026-0004, TKT-2026-0005 closed"),
    ("close 4 also 5", "status TKT-2026-0004, TKT-2026-0005 closed"),
    ("close 4 - 5 also", "status TKT-2026-0004, TKT-2026-0005 closed"),
])
def test_a_second_ticket_asked_is_changed_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
