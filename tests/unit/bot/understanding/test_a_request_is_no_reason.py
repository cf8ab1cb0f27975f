""""fixed 12. give it to sam" resolved 12 and posted "give it to sam" to its requester as
the reason, and Sam was never given it; "fixed 12. make it low" likewise. A reason that is a
request of another kind is now that request, made of the ticket, as "12 is fixed. give it to
sam" is; asked ("fixed 12. can you give it to sam") the hand-over was dropped and 12
resolved. A reason that tells ("close 12, the user gave up", "resolve 12, set up a new printer
for the user") stays the reason."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("fixed 12. give it to sam", "assign #12 to user:u-sam"),
    ("fixed 12, give it to sam", "assign #12 to user:u-sam"),
    ("resolved 12. give it to sam", "assign #12 to user:u-sam"),
    ("done 12, give it to sam", "assign #12 to user:u-sam"),
    ("sorted 12, assign it to lee park", "assign #12 to user:u-lee"),
    ("fixed 12. make it low", "edit #12 priority=low"),
    ("12 is fixed. give it to sam", "assign #12 to user:u-sam"),
    # asked of the bot, the request was dropped and 12 resolved
    ("fixed 12. can you give it to sam", "assign #12 to user:u-sam"),
    ("fixed 12, could you assign it to sam", "assign #12 to user:u-sam"),
    ("fixed 12. can you give it to lee", "ask assign #12 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("fixed 12. can you make it low", "edit #12 priority=low"),
    ("fixed 12", "status #12 resolved"),
])
def test_a_request_after_a_state_told_is_that_request(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "close 12, the user gave up", "close 12, sam made a workaround",
    "resolve 12, set up a new printer for the user", "close 12, sent the user a new laptop",
])
def test_a_reason_that_tells_stays_the_reason(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)).startswith("status TKT-2026-0012")
    assert as_the_bot_reads(said, CONVERSATION).reason == said.split(", ", 1)[1]  # type: ignore[union-attr]


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12, 2 more tickets to go", "status #12 closed"),
    ("close 12, one down, two to go", "status #12 closed"),
    ("close 12, only 5 more to go", "status #12 closed"),
    ("close 12, on to the next one", "status #12 closed"),
    ("close 12, next!", "status #12 closed"),
    ("close 12, then tell the user", "status #12 closed"),
    ("close 12, then let sam know", "status #12 closed"),
    ("close 12, and then email the user", "status #12 closed"),
    ("resolve 12, then update the kb", "status #12 resolved"),
])
def test_the_writers_own_work_after_a_change_is_no_reason(said: str, expected: str) -> None:
    """"close 12, 2 more tickets to go" and "close 12, then tell the user" posted those words
    to 12's requester as why it was closed."""
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == expanded(expected)
    assert understood.reason is None  # type: ignore[union-attr]


@pytest.mark.parametrize("said", [
    "close 12, replaced 2 cables", "close 12, 2 more printers had the same fault",
    "close 12, then the user could log in", "close 12, the server was down",
    "close 12, next time call the vendor first", "close 12, user has 2 tickets open still",
    "close 12, after update the driver works", "close 12, after call with the user it works",
    "close 12, after email from the vendor the fix is in", "close 12, after check of cables ok",
])
def test_a_reason_with_a_count_or_a_then_stays_the_reason(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)).startswith("status TKT-2026-0012")
    assert as_the_bot_reads(said, CONVERSATION).reason == said.split(", ", 1)[1]  # type: ignore[union-attr]
