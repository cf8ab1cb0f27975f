"""A ticket looked for by what it was about, as someone remembers it: "i remember a ticket about
a recording, cant find it" answered "OK, I'll leave TKT-… as it is" after a card (the "cant"
read of the ticket in view), and with none shown went to the help assistant, which offered it
as a new ticket; "looking for a ticket about a recording", "wasnt there a ticket about
recordings?" likewise. They search the tickets for the words, as "find the ticket about the
recording" does."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

NOTHING_SHOWN = replace(CONVERSATION, last_ticket=None)


@pytest.mark.parametrize(("said", "expected"), [
    ("i remember a ticket about a recording, cant find it", "list all text='recording'"),
    ("there was a ticket about a recording, cant find it", "list all text='recording'"),
    ("looking for a ticket about a recording", "list all text='recording'"),
    ("cant find the ticket about the meeting recording", "list all text='meeting recording'"),
    ("I can't find that ticket about the meeting recording!!",
     "list all text='meeting recording'"),
    ("wasnt there a ticket about the recording?", "list all text='recording'"),
    ("which ticket was the one about the recording", "list all text='recording'"),
    ("im trying to find the ticket regarding the S drive", "list all text='S drive'"),
    ("hmm there was an old ticket about vpn drops somewhere", "list all text='vpn drops'"),
    ("Where's the ticket about the new starter laptop?", "list all text='new starter laptop'"),
    ("was there a ticket for the s drive already?", "list all text='s drive'"),
])
def test_a_ticket_remembered_by_what_it_was_about_is_searched_for(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
    assert summary(as_the_bot_reads(said, NOTHING_SHOWN)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("find the ticket about the recording", "list all text='recording'"),
    ("i remember my password now", "free text"),
    ("there was an issue with the vpn this morning", "free text"),
    ("there was a ticket about the vpn and now its broken again, can you reopen it?",
     "status #7 open"),
    ("looking for a new laptop", "free text"),
    ("i cant find the recording of the meeting", "free text"),
    ("is there a ticket for 12?", "show #12"),
    ("is there a ticket for the vpn?", "question"),
    ("new ticket about the recording", "create title='The recording'"),
])
def test_what_is_not_a_ticket_looked_for_reads_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
