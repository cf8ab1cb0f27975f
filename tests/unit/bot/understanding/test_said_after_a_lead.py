"""What follows a spelled-out lead ("new ticket …", "comment on 4: …") is what the person
wants filed or posted, whatever its own mood: a title that says what does not work ("laptop
does not start") is no refusal, and a comment that asks the requester something ("can you
send the serial number?") is no question to the bot. Read as a sentence of its own, the
ticket was lost: "no change", or the card shown and nothing posted."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("new ticket laptop does not start", "create title='Laptop does not start'"),
    ("new ticket my monitor will not start", "create title='My monitor will not start'"),
    ("raise a ticket: the door does not close", "create title='The door does not close'"),
    ("New ticket - can someone reset my password?", "create title='Can someone reset my password?'"),
    ("new ticket: why is my laptop so slow?", "create title='Why is my laptop so slow?'"),
    ("new request: can i get a second monitor?", "create title='Can i get a second monitor?' category=request"),
    ("pls log a ticket, outlook does not update my calendar",
     "create title='Outlook does not update my calendar'"),
    ("create ticket: is the wifi down on floor 2??", "create title='Is the wifi down on floor 2'"),
])
def test_a_new_ticket_is_titled_with_what_follows_its_lead(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("comment on 1: can you send the serial number?", "comment #1 'can you send the serial number?'"),
    ("comment on 1: hi Carla, what is the model and serial number of the laptop?",
     "comment #1 'hi Carla, what is the model and serial number of the laptop?'"),
    ("add a comment to 4: what model is it?", "comment #4 'what model is it?'"),
    ("comment on it: did you try restarting?", "comment #7 'did you try restarting?'"),
    ("reply to 4 - is it still happening for you?", "comment #4 'is it still happening for you?'"),
    ("note on 12: does the user have admin rights?", "comment #12 'does the user have admin rights?'"),
    ("tell the user on 4: can you restart and try again?",
     "comment #4 'can you restart and try again?'"),
])
def test_a_comment_that_asks_the_requester_something_is_posted(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("can i comment on 4?", "comment #4 ?"),
    ("any comments on 4?", "show #4"),
    ("did anyone comment on 4?", "show #4"),
    ("should i open a ticket for this?", "show #7"),
    ("are there any new tickets?", "list all status=open"),
    ("new ticket", "create title=?"),
    ("open ticket 4", "show #4"),
    ("don't comment on 4", "no change #4"),
    ("new tickets this morning?", "list all created_from=2026-12-02"),
])
def test_what_only_looks_like_a_lead_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
