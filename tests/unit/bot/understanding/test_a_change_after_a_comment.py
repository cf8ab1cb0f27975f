"""A change asked after a comment's words ("comment on 1831 that the part is ordered and put
it on hold") is made, and the comment is only what was to be said: before, "and put it on hold"
was posted where the requester reads it and the ticket stayed as it was. What someone says
they or the requester will do ("… will test and reopen it if needed"), what is not a request,
and words after a colon (the comment as typed, as the fourth table reads them) stay the
comment's words. Found by the nineteenth held-out table."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "read"), [
    ("comment on 1831 that the part is ordered and put it on hold",
     "comment #1831 'the part is ordered' + status #1831 on_hold"),
    ("add a note to 12 that the user called and make it urgent",
     "comment #12 'the user called' + edit #12 priority=urgent"),
    ("leave a comment on 12 saying parts ordered and put it on hold",
     "comment #12 'parts ordered' + status #12 on_hold"),
    ("Note on 12 that the PSU was replaced, then resolve it",
     "comment #12 'the PSU was replaced' + status #12 resolved"),
])
def test_a_change_after_a_comment_is_made(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)


@pytest.mark.parametrize(("said", "read"), [
    ("comment on 12 the user will test and reopen it if needed",
     "comment #12 'the user will test and reopen it if needed'"),
    ("note on 12: i will reset it and close it later", "comment #12 'i will reset it and close it later'"),
    ("comment on 12: user rebooted and closed the app", "comment #12 'user rebooted and closed the app'"),
    ("comment on 12: replaced the toner and set it back on the shelf",
     "comment #12 'replaced the toner and set it back on the shelf'"),
    ("comment on 12: asked the user to restart and close it", "comment #12 'asked the user to restart and close it'"),
    ("comment on 12 and close it", "comment #12 ?"),
    ("comment on 12: part ordered and put it on hold", "comment #12 'part ordered and put it on hold'"),
    ("note on 12 - called the user and close it", "comment #12 'called the user and close it'"),
    ("comment on 12 that the user will test and reopen it if needed",
     "comment #12 'the user will test and reopen it if needed'"),
    ("note on 12 that we replaced the toner and set it back on the shelf",
     "comment #12 'we replaced the toner and set it back on the shelf'"),
    ('comment on 12: "fixed the cable" and resolve it', "comment #12 'fixed the cable' + status #12 resolved"),
])
def test_words_that_ask_no_change_stay_the_comment(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(read)
