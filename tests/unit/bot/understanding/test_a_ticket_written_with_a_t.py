"""A ticket written "t1302" or "t-1358" is that ticket, as "tkt-1358" and "#1358" are:
"any update on t1302?" went to the help assistant, "set t1309 to high" and "close t-1358"
were not understood (seventeenth held-out table). A model's name said as a thing ("my t480
won't charge", "give the t14 to sam", "the new t490 laptops") is no ticket: a change to one
is never read in it."""

from __future__ import annotations

import pytest

from bot.understanding.requests import AssignTicket, ChangeStatus, EditTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("any update on t1302?", "show #1302"),
    ("set t1309 to high", "edit #1309 priority=high"),
    ("close t-1358", "status #1358 closed"),
    ("T12 to sam", "assign #12 to user:u-sam"),
    ("resolve t12 and t13", "status #12, #13 resolved"),
    ("who has t-45", "show #45 asked=assignee"),
    ("t12", "show #12"),
])
def test_a_ticket_written_with_a_t_is_that_ticket(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "my t480 won't charge", "give the t14 to sam", "the new t490 laptops are slow",
    "can you order a t14 for priya", "close the lid on my t480", "set my t14 to sleep mode",
    "the t1 line is down", "put a t14 on hold for the new starter",
])
def test_a_model_said_as_a_thing_is_no_ticket(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert not isinstance(read, (AssignTicket, ChangeStatus, EditTicket)), read
