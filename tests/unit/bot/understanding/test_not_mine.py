"""A ticket said not to be one's own, or to be someone else's: who should take it is asked
(the one named offered), never guessed, and nothing else is read as one.

Before, every line here was free text and went to the help assistant ("I couldn't find
this in the help documents", and a button to file the message as a new ticket)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


def who_takes(ticket: int) -> str:
    return f"assign TKT-2026-{ticket:04d} to ?"


def should_take(name: str, ticket: int) -> str:
    number = f"TKT-2026-{ticket:04d}"
    return f"ask assign {number} to ?: Should {name} take {number}? [Yes]"


@pytest.mark.parametrize(("said", "expected"), [
    ("12 isn't mine, please reassign", who_takes(12)),
    ("12 isnt mine", who_takes(12)),
    ("ticket 12 is not mine.", who_takes(12)),
    ("#12 ain't mine", who_takes(12)),
    ("this isn't mine", who_takes(7)),
    ("that one's not mine", who_takes(7)),
    ("not my ticket", who_takes(7)),
    ("Not mine!", who_takes(7)),
    ("sorry, wrong person", who_takes(7)),
    ("12 isn't my area, please pass it on to the right team", who_takes(12)),
    ("12 is not really my department", who_takes(12)),
    ("12 isn't my problem", who_takes(12)),
    ("hi, 12 got assigned to me by mistake, can you reassign it please", who_takes(12)),
    ("12 was wrongly assigned to me", who_takes(12)),
    ("fyi 12 was sent to me in error", who_takes(12)),
    ("12 shouldn't be on my plate", who_takes(12)),
    ("i'm not the right person for 12", who_takes(12)),
    ("Im not the right person for ticket 12, thanks", who_takes(12)),
    ("12 isn't mine, it's bob's", who_takes(12)),  # nobody called Bob: who is asked
    ("12 isn't mine, it's sam's", should_take("Sam Rivera", 12)),
    ("12 isn't mine, it belongs to lee park", should_take("Lee Park", 12)),
    ("that one isn't mine, it's for the network team", should_take("Network", 7)),
    ("12 is not mine - should be with facilities", should_take("Facilities", 12)),
    ("1 is more of a network thing", should_take("Network", 1)),
    ("it's more of a network issue", should_take("Network", 7)),
    ("12 belongs to facilities", should_take("Facilities", 12)),
    ("12 belongs with the facilities team", should_take("Facilities", 12)),
    ("12 is for the network team", should_take("Network", 12)),
    ("12 looks like a facilities job, can you move it", should_take("Facilities", 12)),
    ("this sounds like a network problem", should_take("Network", 7)),
    # a person's team is not the person: who is asked (Sam was offered)
    ("12 isn't mine, it belongs to sam's team", who_takes(12)),
    ("12 isn't mine, please reassign to someone else", who_takes(12)),
])
def test_who_should_take_a_disowned_ticket_is_asked(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize("said", [
    "12 isn't mine?",  # surprised: a question, not a request
    "is 12 not mine",
    "if 12 isn't mine reassign it",
    "12 isn't mine to close",  # whether one may, not whose it is
    "12 was assigned to me",  # news, no mistake said
    "12 is a printer thing",  # a kind of problem, no team is called that
    "12 is a big problem",
    "12 is for tomorrow",
    "12 is a network thing, not hardware",
    "my laptop is not mine, it's a loaner",
    "sam says 12 isn't his",
])
def test_look_alikes_ask_no_one_to_take_it(said: str) -> None:
    read = summary(as_the_bot_reads(said, CONVERSATION))
    assert not read.startswith(("assign", "ask assign")), read


@pytest.mark.parametrize("said", ["12 belongs to sam's team", "12 is for sam's team",
                                  "12 should be with priya's people"])
def test_a_persons_team_never_offers_the_person(said: str) -> None:
    """"12 belongs to sam's team" asked "Should Sam Rivera take 12?": a Yes gave it to Sam."""
    read = summary(as_the_bot_reads(said, CONVERSATION))
    assert "Should Sam Rivera take" not in read and "Should Priya Shah take" not in read, read


@pytest.mark.parametrize(("said", "expected"), [
    ("12 is not mine, please reassign to sam", "assign TKT-2026-0012 to user:u-sam"),
    ("12 isn't mine, give it to the network team", "assign TKT-2026-0012 to team:2"),
    ("this isn't mine, move it to facilities please", "assign TKT-2026-0007 to team:3"),
    ("12 isn't mine, reassign to lee",
     "ask assign TKT-2026-0012 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("12 isn't mine, reassign to bob",
     "ask assign TKT-2026-0012 to ?: I couldn't find “bob”. Who should take TKT-2026-0012?"),
])
def test_passed_on_in_so_many_words_is_made(said: str, expected: str) -> None:
    """Before, "12 is not mine, please reassign to sam" changed nothing ("OK, I'll leave
    TKT-… as it is": its "not" was read as taking the request back)."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
