"""A request in a later sentence that a question after it weighs ("sorry to bother you. close
12. is that ok?", "close 12⏎assign 13 to sam⏎is that the right syntax?") changes nothing: it
is asked about, as "close 12, what do you think" is (both, after another request, are not
guessed). The request alone was made (13 was
given to Sam, 12 closed). A question about another ticket, or thanks, after the request
leave it made as before."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup
from bot.understanding.requests import AssignTicket, ChangeStatus, CommentOnTicket, EditTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

_CHANGES = (AssignTicket, ChangeStatus, CommentOnTicket, EditTicket)


@pytest.mark.parametrize("said", [
    "sorry to bother you. close 12. is that ok?",
    "sorry to bother you. can you close 12? is that ok?",
    "sorry to bother you. close 12 - is that ok?",
    "the printer works. close 12, is that ok?",
    "the printer works. close 12. what do you think?",
    "close 12\nassign 13 to sam\nis that the right syntax?",
    "close 12\nclose 13\ndoes that work?",
    "close 12, close 13, is that ok?",
    "hi. put 12 on hold. should I?",
    "the vendor called. give 12 to sam. thoughts?",
])
def test_a_later_request_asked_about_changes_nothing(said: str) -> None:
    found = as_the_bot_reads(clean_markup(said), CONVERSATION)
    assert not isinstance(found, _CHANGES), summary(found)
    assert " + " not in summary(found)


@pytest.mark.parametrize(("said", "expected"), [
    ("the printer works. close 12, is that ok?", "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("12 works again. close it. what do you think?",
     "ask status #12 ?: Should #12 be closed? [Yes]"),
    ("close 12, close 13, is that ok?", "unknown [my tickets, new ticket, help]"),  # not 13 alone
])
def test_the_request_asked_about_is_offered(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("sorry to bother you. close 12.", "status #12 closed"),
    ("the user confirmed. please close 12. thanks!", "status #12 closed"),
    ("the printer works. close 12", "status #12 closed"),
    ("close 12\nassign 13 to sam", "status #12 closed + assign #13 to user:u-sam"),
    ("close 12\nclose 13\nthanks", "status #12 closed + status #13 closed"),
    ("the user confirmed. please close 12. why is 13 still open?", "status #12 closed"),
])
def test_a_later_request_not_asked_about_is_made_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(clean_markup(said), CONVERSATION)) == expanded(expected)
