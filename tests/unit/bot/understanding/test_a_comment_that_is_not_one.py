"""Words after "comment on 12" that are no comment are not posted: "comment on 12 later"
posted "later" on 12, where the requester reads it; "add a comment to 12 and close it"
posted "and close it" (and closed nothing); 'comment on 12 "fixed the cable" and resolve it'
posted the quote with "and resolve it" and left 12 open. Now a comment of only when asks
what to say, a comment that is only another request asks what to say, and a quoted comment
with a change after it is posted and the change made. Comments that are words are as
before."""

from __future__ import annotations

import pytest

from bot.understanding.requests import Both, ChangeStatus, CommentOnTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "comment on 12 later", "comment on 12 tomorrow", "add a note to 12 later pls",
    "comment on 12 in a bit", "add a comment to 12 and close it",
    "add a note to 12 and resolve it", "comment on 12 and then give it to sam",
    "comment on 12 after lunch",
])
def test_no_comment_is_asked_what_to_say(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, CommentOnTicket) and read.text is None, read
    assert read.ticket is not None and read.ticket.sequence == 12, read


@pytest.mark.parametrize(("said", "comment", "status"), [
    ('comment on 12 "fixed the cable" and resolve it', "fixed the cable", "resolved"),
    ("comment on 12 'swapped the toner' and close it", "swapped the toner", "closed"),
    ("add a note to 12 “waiting on vendor” then put it on hold", "waiting on vendor", "on_hold"),
])
def test_a_quoted_comment_then_a_change_does_both(said: str, comment: str, status: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, Both), read
    assert isinstance(read.first, CommentOnTicket) and read.first.text == comment, read
    assert isinstance(read.second, ChangeStatus) and read.second.status is not None, read
    assert read.second.status.value == status and read.second.ticket == read.first.ticket, read


@pytest.mark.parametrize(("said", "text"), [
    ("comment on 12 user is on leave", "user is on leave"),
    ("comment on 12: will call later", "will call later"),
    ("add a note to 12 that the user will be back tomorrow", "the user will be back tomorrow"),
    ("note on 12 - do not close", "do not close"),
    ("comment on 12: later today the vendor visits", "later today the vendor visits"),
    ('comment on 12 "fixed the cable"', "fixed the cable"),
])
def test_a_comment_of_words_is_posted_as_before(said: str, text: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, CommentOnTicket) and read.text == text, summary(read)
