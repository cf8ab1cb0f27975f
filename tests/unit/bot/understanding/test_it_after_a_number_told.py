""""it" in a request after a sentence that told of a number is read by what the number was.

"the printer in 12 works. close it" closed the ticket in view (#7), not 12; "swapped 2 toner
cartridges, close it" and "its fixed after 2 reboots. close it" closed #2, a count;
"outlook 365 works again. close it" closed #365, a product's name. Now a number told as a
ticket ("12 is sorted now", "checked 12", "the user on 12") is what "it" is; a count ("2
toner cartridges", "3 days") is no ticket, so "it" stays the one in view; a number that may
be a place or a name ("in 12", "room 12", "outlook 365") has the bot ask which ticket.
"""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def read(said: str) -> str:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    return summary(readable(as_the_bot_reads(text, CONVERSATION)))


@pytest.mark.parametrize(("said", "expected"), [
    ("12 is sorted now, pls close it", "status #12 closed"),
    ("checked 12, all good. you can close it", "status #12 closed"),
    ("12 works now. close it", "status #12 closed"),
    ("the printer on 12 is fixed. close it", "status #12 closed"),
    ("the user on 12 confirmed. please resolve it", "status #12 resolved"),
    ("i fixed 12 yesterday. close it pls", "status #12 closed"),
    ("looked at 12, its a dup. close it", "status #12 closed"),
    ("ticket 12 printer works again. close it", "status #12 closed"),
    ("#12 is sorted. give it to sam", "assign #12 to user:u-sam"),
    ("43 is the printer on floor 2. give it to facilities", "assign #43 to team:3"),
    ("12 keeps crashing, reopen it", "status #12 open"),
    ("the vpn issue in 12 is gone. resolve it", "status #12 resolved"),
    ("same issue again in 12, kindly reopen it", "status #12 open"),
    ("12 needs a new part. put it on hold", "status #12 on_hold"),
    ("<p>checked 12 - all good.</p><p>close it</p>", "status #12 closed"),
])
def test_it_is_the_ticket_told_of_before(said: str, expected: str) -> None:
    assert read(said) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("swapped 2 toner cartridges, close it", "status #7 closed"),
    ("swapped 2 toner cartridges. close it", "status #7 closed"),
    ("its fixed after 2 reboots. close it", "status #7 closed"),
    ("the user has 2 monitors now. close it", "status #7 closed"),
    ("waited 3 days for the user. close it", "status #7 closed"),
    ("replaced 3 cables, works now. please resolve it", "status #7 resolved"),
    ("installed 2 new monitors, give it to sam", "assign #7 to user:u-sam"),
    ("rebooted it 3 times, works now. close it", "status #7 closed"),
    ("2 users confirmed. close it", "status #7 closed"),
    ("12 people called, close it", "status #7 closed"),
])
def test_it_after_a_count_is_the_ticket_in_view(said: str, expected: str) -> None:
    assert read(said) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("the printer in 12 works. close it", "status ? closed"),
    ("the printer in 12 works, close it", "status ? closed"),
    ("the printer in 12 works. please close it", "status ? closed"),
    ("the printer in 12 works. u can close it", "status ? closed"),
    ("the printer in 12 works. close this one", "status ? closed"),
    ("the printer in 12 works. mark it resolved", "status ? resolved"),
    ("the printer in 12 works. put it on hold", "status ? on_hold"),
    ("the printer in room 12 works. close it", "status ? closed"),
    ("room 12 printer works. close it", "status ? closed"),
    ("outlook 365 works again. close it", "status ? closed"),
    ("windows 11 update went fine, close it", "status ? closed"),
    ("printer 3 is fixed. close it", "status ? closed"),
    ("the laptop on desk 4 works now. close it", "status ? closed"),
    ("<p>the printer in 12 works.</p><p>close it</p>", "status ? closed"),
    ("<p>the printer in 12 works. <at>TicketFlow</at> close it</p>", "status ? closed"),
])
def test_it_after_a_number_that_may_be_a_place_or_a_name_is_asked(
    said: str, expected: str
) -> None:
    assert read(said) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12, it's fixed", "status #12 closed"),
    ("close it", "status #7 closed"),
    ("close 12", "status #12 closed"),
    ("the printer works. close it", "status #7 closed"),
    ("close 12 and give it to sam", "status #12 closed"),
])
def test_a_ticket_said_with_the_change_or_none_said_is_as_before(
    said: str, expected: str
) -> None:
    assert read(said).startswith(expanded(expected))
