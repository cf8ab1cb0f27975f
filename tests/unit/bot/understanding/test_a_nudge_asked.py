""""ping sam about 12" was free text (offered as a comment reading "ping sam about 12"), where
"nudge sam about 12" and "remind sam about 12" are read as the reminder asked for, which the
bot answers with what reminds people in TicketFlow. The requester or a vendor chased is a
note or a message on the ticket, not a reminder."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("ping sam about 12", "cannot remind #12"),
    ("chase sam on 12", "cannot remind #12"),
    ("ping me about 12 tomorrow", "cannot remind #12"),
    ("ping sam about ticket 12", "cannot remind #12"),
    ("buzz alex re 12", "cannot remind #12"),
    ("ping sam about it", "cannot remind #7"),
    ("nudge sam about 12", "cannot remind #12"),
])
def test_a_nudge_asked_of_someone_is_the_reminder_asked(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "ping the vendor about 12", "chase the user on 12", "ping sam about the printer",
])
def test_a_requester_or_vendor_chased_is_no_reminder(said: str) -> None:
    assert not summary(as_the_bot_reads(said, CONVERSATION)).startswith("cannot remind")
