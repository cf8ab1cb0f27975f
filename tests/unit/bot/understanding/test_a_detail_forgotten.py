"""A detail its requester forgot to give, told after the ticket's card: "forgot to say its a
dell latitude, the charging light blinks orange" went to the help assistant, which offered it
as a new ticket; only "forgot to mention on 332 that …", with the ticket named, was a comment.
It is a comment on the ticket in view (none shown: the action proposes the person's only
open ticket), as "add that …" is."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.requests import CommentOnTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

NOTHING_SHOWN = replace(CONVERSATION, last_ticket=None)


@pytest.mark.parametrize(("said", "text"), [
    ("forgot to say its a dell latitude, the charging light blinks orange",
     "its a dell latitude, the charging light blinks orange"),
    ("forgot to mention its a dell latitude 5420", "its a dell latitude 5420"),
    ("i forgot to add that the charging light blinks orange", "the charging light blinks orange"),
    ("oh i forgot to mention: it only happens on battery", "it only happens on battery"),
    ("Sorry, forgot to say - the laptop is a ThinkPad T14", "the laptop is a ThinkPad T14"),
    ("forgot to tell you the printer is on the 3rd floor", "the printer is on the 3rd floor"),
    ("forgot to mention my phone number is 0161 555 0101", "my phone number is 0161 555 0101"),
    ("forgot to say it only fails in room 12", "it only fails in room 12"),
    ("I just forgot to mention that it started after the update",
     "it started after the update"),
])
def test_a_detail_forgotten_goes_to_the_ticket_in_view_as_a_comment(said: str, text: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(f"comment #7 {text!r}")
    assert summary(as_the_bot_reads(said, NOTHING_SHOWN)) == f"comment ? {text!r}"


@pytest.mark.parametrize(("said", "expected"), [
    ("forgot to mention on 12 that it's a thinkpad", "comment #12 \"it's a thinkpad\""),
    ("forgot my password", "free text"),
    ("i forgot my password again", "free text"),
    ("i forgot to close 12", "free text"),
    ("i forgot to say thanks", "free text"),
])
def test_a_detail_forgotten_of_another_kind_reads_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "forgot to add the attachment",
    "forgot to add sam to 12",
    "forgot to say, can you make it urgent?",
    "i forgot to mention how do i reset my password",
    "forgot to mention it",
    "forgot to say 12 is fixed",
    "forgot to say that the fix for 12 worked",
    "did i forget to mention the serial number?",
    "forgot to say, can you make it urgent?!",
    # told to someone else: "it" is what was to be said, not the start of a detail
    "forgot to mention it to my manager, will do now",
    "oops forgot to say it to sam earlier",
    "forgot to mention this to the team lead before",
    "forgot to add it to the agenda for tomorrow",
])
def test_something_else_forgotten_is_no_comment(said: str) -> None:
    assert not isinstance(as_the_bot_reads(said, CONVERSATION), CommentOnTicket)
