"""A ticket's state told as come about again is a report, often a complaint, not a request:
"12 is closed again" closed 12; "12 got closed again, brilliant" and "12 is closed AGAIN?!"
did too, and "12 resolved, thanks for nothing" resolved it and posted "thanks for nothing" as
why, where the requester reads it (found writing look-alikes for the seventeenth held-out
table's sarcasm). Now whether it should be is asked, with nothing posted. A change asked
after it ("12 is open again, please close it"), a state asked again ("close 12 again",
"12 closed again pls") and a problem told as fixed again ("5 works again") are as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("12 is closed again", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("12 closed again", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("12 got closed again, brilliant", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("12 is closed AGAIN?!", "show #12"),  # asked, as "12 is closed again?" is
    ("so 12 is closed again. great.", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("12 has been closed again", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("ticket 12 was resolved again 🙄", "ask status #12 ?: Should #12 be resolved? [Yes]"),
    ("12 is resolved again", "ask status #12 ?: Should #12 be resolved? [Yes]"),
    ("12 on hold again", "ask status #12 ?: Should #12 be on hold? [Yes]"),
    ("#12 is in progress again", "ask status #12 ?: Should #12 be in progress? [Yes]"),
    ("12 is open again", "ask status #12 ?: Should #12 be open? [Yes]"),
    ("12 is closed, thanks for nothing", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("12 resolved, thanks for nothing", "ask status #12 ?: Should #12 be resolved? [Yes]"),
])
def test_a_state_told_again_is_asked_about_never_made(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12 again", "status #12 closed"),
    ("reopen 12 again", "status #12 open"),
    ("put 12 on hold again", "status #12 on_hold"),
    ("12 closed again pls", "status #12 closed"),
    ("12 closed", "status #12 closed"),
    ("12 got closed", "status #12 closed"),
    ("12 closed, thanks", "status #12 closed"),
    ("12 is open again, please close it", "status #12 closed"),
    ("12 is closed again, reopen it", "status #12 open"),
    ("thanks for nothing, 633 still broken. reopen", "status #633 open"),
    ("5 works again", "status #5 resolved"),
    ("774 is working again", "status #774 resolved"),
    ("resolve 814, thanks again", "status #814 resolved"),
    ("12 is broken again", "free text"),
])
def test_a_state_asked_again_or_a_request_after_it_is_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
