"""A question or a goodbye after a change is said to whoever reads the chat, not why the
ticket changed: "close 12, also whats the status of 13" closed 12 with "also whats the status
of 13" posted as the reason the requester reads, "resolve 12. also where is the vpn guide",
"close 12, good weekend all" and "close 12. thanks everyone for the help!" likewise. Now the
change is made with no reason. Found while writing look-alikes of the fourteenth held-out
table."""

from __future__ import annotations

import pytest

from bot.understanding.requests import AssignTicket, ChangeStatus, EditTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "read"), [
    ("close 12, also whats the status of 13", "status #12 closed"),
    ("resolve 12. also where is the vpn guide", "status #12 resolved"),
    ("close 12 - who has 13", "status #12 closed"),
    ("close 12, btw when is 13 due", "status #12 closed"),
    ("close 12, and what's the status of 13", "status #12 closed"),
    ("close 12, also can you check 13", "status #12 closed"),
    ("close 12, good weekend all", "status #12 closed"),
    ("close 12. thanks everyone for the help!", "status #12 closed"),
    ("close 12, have a nice day", "status #12 closed"),
    ("resolve 12, enjoy your weekend", "status #12 resolved"),
    ("resolve 12 - thanks all for the patience", "status #12 resolved"),
    ("put 12 on hold, anyway how is 13 going", "status #12 on_hold"),
    ("close 12, whos on 13 now", "status #12 closed"),
    ("close 12, also wheres the vpn guide", "status #12 closed"),
])
def test_an_aside_after_a_change_is_no_reason_for_it(said: str, read: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == expanded(read)
    assert isinstance(understood, ChangeStatus) and understood.reason is None, understood


@pytest.mark.parametrize(("said", "read", "reason"), [
    ("close 12, thanks to the vendor patch", "status #12 closed", "thanks to the vendor patch"),
    ("resolve 12, when i rebooted it it worked", "status #12 resolved",
     "when i rebooted it it worked"),
    ("close 12, the user is happy", "status #12 closed", "the user is happy"),
    ("close 12 - it was the cable", "status #12 closed", "it was the cable"),
    ("put 12 on hold, waiting for the vendor", "status #12 on_hold", "waiting for the vendor"),
    ("close 12 as nobody replied", "status #12 closed", "nobody replied"),
    ("close 12 - user asked why it took so long", "status #12 closed",
     "user asked why it took so long"),
    ("close 12, is working now", "status #12 closed", "is working now"),
])
def test_a_reason_that_only_looks_like_an_aside_is_kept(said: str, read: str, reason: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == expanded(read)
    assert isinstance(understood, ChangeStatus) and understood.reason == reason


@pytest.mark.parametrize(("said", "read"), [
    ("give 12 to sam, also whats the status of 13", "assign #12 to user:u-sam"),
    ("make 12 urgent, also who has 13", "edit #12 priority=urgent"),
    ("reopen 12, how is this still broken", "ask status #12 ?: Should #12 be open? [Yes]"),
    ("close 12, do you know who has 13", "ask status #12 ?: Should #12 be closed? [Yes]"),
])
def test_other_changes_and_questions_about_the_change_are_read_as_before(
    said: str, read: str
) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == expanded(read)
    assert not isinstance(understood, (AssignTicket, EditTicket)) or (
        getattr(understood, "reason", None) is None)
