"""A look asked of someone named, with "please", is a favour asked, not the ticket handed
over: "<at>Sam Rivera</at> please take a look at 825" gave 825 to Sam (taking it from whoever
had it), as "Sam, please take 12" does; now whether Sam should take it is asked, as for
"Alex, could you have a look at 12?". Found by the fourteenth held-out table."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def _read(said: str) -> str:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    return summary(readable(as_the_bot_reads(text, CONVERSATION)))


@pytest.mark.parametrize(("said", "expected"), [
    ("<at>Sam Rivera</at> please take a look at 825",
     "ask assign #825 to ?: Should Sam Rivera take #825? [Yes]"),
    ("sam please have a look at 825", "ask assign #825 to ?: Should Sam Rivera take #825? [Yes]"),
    ("<at>Sam Rivera</at> please look at 825",
     "ask assign #825 to ?: Should Sam Rivera take #825? [Yes]"),
    ("sam pls look into 825", "ask assign #825 to ?: Should Sam Rivera take #825? [Yes]"),
    ("priya pls check 12", "ask assign #12 to ?: Should Priya Shah take #12? [Yes]"),
    ("network team please have a look at 47",
     "ask assign #47 to ?: Should Network take #47? [Yes]"),
    ("sam please take a look at it", "ask assign #7 to ?: Should Sam Rivera take #7? [Yes]"),
])
def test_a_look_asked_of_someone_named_asks_whether_they_should_take_it(
    said: str, expected: str
) -> None:
    assert _read(said) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("<at>Sam Rivera</at> please take 825", "assign #825 to user:u-sam"),
    ("Sam please take 12", "assign #12 to user:u-sam"),
    ("priya pls handle 12", "assign #12 to user:u-priya"),
    ("Facilities team, please take 47", "assign #47 to team:3"),
    ("please take a look at 825", "show #825"),
    ("Alex could you take a look at 12", "ask assign #12 to ?: Should Alex Kim take #12? [Yes]"),
    ("let me check 12", "show #12"),
])
def test_a_hand_over_or_a_look_not_asked_of_anyone_is_read_as_before(
    said: str, expected: str
) -> None:
    assert _read(said) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("sam, can you take a look?", "ask assign #7 to ?: Should Sam Rivera take #7? [Yes]"),
    ("<at>Sam Rivera</at> can you have a look?",
     "ask assign #7 to ?: Should Sam Rivera take #7? [Yes]"),
    ("priya could u have a quick look pls", "ask assign #7 to ?: Should Priya Shah take #7? [Yes]"),
    ("Alex - would you take a look please?", "ask assign #7 to ?: Should Alex Kim take #7? [Yes]"),
    ("network team, can you have a look", "ask assign #7 to ?: Should Network take #7? [Yes]"),
    ("sam pls take a look", "ask assign #7 to ?: Should Sam Rivera take #7? [Yes]"),
])
def test_a_look_asked_of_someone_named_without_a_ticket_is_the_one_in_view(
    said: str, expected: str
) -> None:
    """Found trying the bot as a new user: "sam, can you take a look?" under a ticket's card
    went to the help assistant, which offered to file it as a new ticket."""
    assert _read(said) == expanded(expected)


@pytest.mark.parametrize("said", [
    "sam, can you take a look?",
    "priya could u have a quick look pls",
])
def test_with_no_ticket_in_view_a_look_asked_of_someone_changes_nothing(said: str) -> None:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    understood = as_the_bot_reads(text, replace(CONVERSATION, last_ticket=None))
    assert not summary(readable(understood)).startswith(("assign", "ask assign"))


@pytest.mark.parametrize(("said", "expected"), [
    ("can you take a look?", "question"),
    ("can someone take a look at this?", "show #7"),
    ("sam, can you take a look at the printer on floor 2?", "question"),
])
def test_a_look_asked_of_nobody_named_or_at_something_else_is_read_as_before(
    said: str, expected: str
) -> None:
    assert _read(said) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("anyone can you take a look at 12", "assign #12 to ?"),
    ("anyone, could you take 12?", "assign #12 to ?"),
    ("someone pls take 12", "assign #12 to ?"),
    ("anyone can you take a look", "assign #7 to ?"),
    ("nobody can you take a look at this", "assign #7 to ?"),
])
def test_anyone_asked_to_take_a_ticket_asks_who_and_takes_it_off_nobody(
    said: str, expected: str
) -> None:
    """"anyone can you take a look at 12" took 12 off whoever held it ("anyone" read as
    "nobody", as in "give 12 to nobody"): a call for someone to pick it up. Found writing
    look-alikes of the line above."""
    assert _read(said) == expanded(expected)


@pytest.mark.parametrize("said", [
    "Anybody - can you pick up 12 pls", "any1 could u grab 12", "anyone able to take 12?",
    "can anyone take a look at 12", "would somebody have a look at 12 please",
])
def test_anyone_asked_in_other_words_takes_it_off_nobody(said: str) -> None:
    assert "to nobody" not in _read(said)


@pytest.mark.parametrize(("said", "expected"), [
    ("give 12 to nobody", "assign #12 to nobody"),
    ("unassign 12", "assign #12 to nobody"),
])
def test_a_ticket_given_to_nobody_is_still_unassigned(said: str, expected: str) -> None:
    assert _read(said) == expanded(expected)


@pytest.mark.parametrize("said", [
    "nobody take 900", "no one take 900", "let nobody handle 900", "nobody should take 900",
    "anybody, 900 is yours", "anyone take 900 asap",
])
def test_nobody_or_anyone_told_to_take_a_ticket_takes_it_off_nobody(said: str) -> None:
    assert "to nobody" not in _read(said)


@pytest.mark.parametrize("said", [
    "nobody needs to own 1270", "nobody has to own 12", "nobody can own 12 right now",
    "no one could have 12 this week", "Nobody will own 12 😅", "no one is going to have 14",
    "nobody is gonna own 14 tbh",
])
def test_nobody_who_need_not_or_cannot_own_a_ticket_takes_it_off_no_one(said: str) -> None:
    """'nobody needs to own 1270', 'nobody can own 12 right now' took the ticket off whoever
    held it, read as 'nobody should own 12': who does not have to or cannot own it is told,
    not asked for; whose it is, is asked ("nobody needs to take 1270" already asked)."""
    assert "to nobody" not in _read(said)


@pytest.mark.parametrize(("said", "expected"), [
    ("nobody should own 14", "assign #14 to nobody"),
    ("no one should have it", "assign #7 to nobody"),
    ("nobody must own 12", "assign #12 to nobody"),
    ("No one should have 14 for now", "assign #14 to nobody"),
    ("sam can own 12", "assign #12 to user:u-sam"),
    ("sam has to own 12", "assign #12 to user:u-sam"),
])
def test_nobody_who_should_own_a_ticket_still_unassigns_it(said: str, expected: str) -> None:
    assert _read(said) == expanded(expected)
