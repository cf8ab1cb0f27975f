"""A ticket's number said in pairs of digits, as years are, is that number: "close ticket
eleven eighty one" is 1181, "twelve oh one" 1201, "nine forty" 940 (dictated). They were not
read ("eleven eighty one" is no one number), and worse: "who has ticket twelve oh two" showed
12, "note on ticket twelve oh five: called the user" posted "oh five: called the user" on 12,
and "comment on eleven eighty four saying …" posted on the ticket in view (sixteenth
held-out table). Without "ticket" before it, such a number is read right after what is done
with a ticket ("resolve nine forty", "comment on eleven eighty four …"); a number said
otherwise there stays words ("give one to sam", "put one hundred chairs in room 2"), as a
time said does ("meeting at nine forty"). A period dictated before a thank-you is a full stop
("reopen ticket eleven eighty six period thanks")."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("close ticket eleven eighty one", "status #1181 closed"),
    ("comment on eleven eighty four saying the user is out until monday",
     "comment #1184 'the user is out until monday'"),
    ("what's the status of ticket number eleven eighty five", "show #1185 asked=status"),
    ("reopen ticket eleven eighty six period thanks", "status #1186 open"),
    ("put eleven eighty seven on hold comma waiting on the user", "status #1187 on_hold"),
    ("show me ticket twelve oh one", "show #1201"),
    ("who has ticket twelve oh two", "show #1202 asked=assignee"),
    ("um can you uh resolve nine forty", "status #940 resolved"),
    ("note on ticket twelve oh five: called the user", "comment #1205 'called the user'"),
    ("assign twelve oh seven to me", "assign #1207 to user:u-jo"),
    ("close eleven eighty one and eleven eighty two", "status #1181, #1182 closed"),
    ("tickets twelve oh one and twelve oh two", "show #1201, #1202"),
    ("ticket number nineteen ninety nine", "show #1999"),
    ("Close Ticket Ten Ten", "status #1010 closed"),
    ("reply to eleven eighty: thanks", "comment #1180 'thanks'"),
    ("close ticket one one oh two", "status #1102 closed"),
    ("close 4 period thank you", "status #4 closed"),
    # as before: numbers said otherwise
    ("close ticket twelve", "status #12 closed"),
    ("ticket one hundred and six", "show #106"),
    ("tickets one and two", "show #1, #2"),
    ("ticket five one two", "show #512"),
    ("ticket twelve hundred", "show #1200"),
    ("ticket two thousand and five", "show #2005"),
])
def test_a_number_said_in_pairs_is_that_ticket(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "meeting at nine forty",
    "put one hundred chairs in room 2",
    "can you help with one hundred new laptops",
    "the train at eleven fifteen was cancelled",
    "hold nine thirty for the standup",
])
def test_a_number_said_that_is_no_ticket_stays_words(said: str) -> None:
    understood = summary(as_the_bot_reads(said, CONVERSATION))
    assert understood.startswith(("free text", "unknown", "question")), understood
    assert not any(digits in understood for digits in ("940", "100", "1115", "930"))


@pytest.mark.parametrize("said", ["give one to sam", "close the two of them", "resolve one two three"])
def test_small_numbers_after_a_change_stay_words(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)).startswith("unknown")
