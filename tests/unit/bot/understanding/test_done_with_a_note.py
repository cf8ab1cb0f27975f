"""Work said done with how it was done, just after a ticket was shown: "done, cleaned the fan"
went to the help documents (and offered to file "done, cleaned the fan" as a new ticket). It
asks whether the ticket in view should be resolved, keeping how as the note; a command after
"done" is that command; a doubt, a fault, more to come or another ticket asks nothing."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus, Clarify
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

ASKED = "ask status #7 ?: Should #7 be resolved? [Yes]"


@pytest.mark.parametrize(("said", "note"), [
    ("done, cleaned the fan", "cleaned the fan"),
    ("Fixed - replaced the cable", "replaced the cable"),
    ("all done, it was the toner", "it was the toner"),
    ("sorted: reinstalled the driver", "reinstalled the driver"),
    ("finished, user happy", "user happy"),
    ("resolved, cleaned the fan", "cleaned the fan"),
    ("Done. Replaced the keyboard, user confirmed it works",
     "Replaced the keyboard, user confirmed it works"),
    ("Done — swapped the dock, all working", "swapped the dock, all working"),
    ("done now; reseated the RAM", "reseated the RAM"),
])
def test_done_with_how_asks_to_resolve_the_ticket_in_view_keeping_how(said: str, note: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == expanded(ASKED)
    assert isinstance(understood, Clarify) and isinstance(understood.request, ChangeStatus)
    assert understood.request.reason == note


@pytest.mark.parametrize(("said", "expected"), [
    ("done, close it", "status #7 closed"),
    ("fixed, close it please", "status #7 closed"),
    ("done - assign it to sam", "assign #7 to user:u-sam"),
    ("done. close 12", "status #12 closed"),
    ("done, thanks", ASKED),
    ("done", ASKED),
    ("fixed 12", "status #12 resolved"),
    # a doubt, a fault, more to come, another ticket: nothing asked of #7
    ("done, but it keeps crashing", "free text"),
    ("done, not sure it will hold", "free text"),
    ("done, didn't help", "free text"),
    ("done, didnt help", "free text"),
    ("fixed - doesnt work on mac", "free text"),
    ("sorted: isn't working on wifi", "free text"),
    ("done, can't reproduce", "free text"),
    ("done, sam will test it tomorrow", "free text"),
    ("sorted, 12 can be closed", "free text"),
    ("fixed, waiting for the user to confirm", "free text"),
    ("done, what next?", "question"),
])
def test_done_before_a_command_a_doubt_or_another_ticket_is_read_as_before(
    said: str, expected: str
) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == expanded(expected)
    if isinstance(understood, Clarify) and isinstance(understood.request, ChangeStatus):
        assert understood.request.reason is None  # "thanks" is no note
