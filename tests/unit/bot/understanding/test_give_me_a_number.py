""""give me 5" assigned ticket 5 to the one saying it, though "give me 5" is as often five
minutes or a high five: now whether they should take it is asked, and a moment asked with
how long ("give me 5 mins", "gimme 2 secs", which searched for tickets about "5 mins") is
acknowledged as "give me a sec" is. "take 5" and "let's take 5" (a break) likewise: the
first is asked, the second acknowledged. "give me 1524" (no moment) took ticket 1524, though
it is as often to see it, as "send me 1524" is: it is asked too. A ticket said as one ("give
me ticket 5", "give me #5", "give 5 to me", "I'll take 5") is taken as before."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def read(said: str) -> str:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    return summary(readable(as_the_bot_reads(text, CONVERSATION)))


@pytest.mark.parametrize(("said", "ticket"), [
    ("give me 5", "#5"), ("gimme 5", "#5"), ("give me 5 pls", "#5"), ("give me 5!", "#5"),
    ("Give me 5.", "#5"), ("can you give me 5", "#5"), ("hang on, give me 5", "#5"),
    ("give me 10", "#10"), ("give me 60", "#60"), ("ok give me 5 m8", "#5"), ("<p>give me 5</p>", "#5"),
    ("<at>TicketFlow</at> give me 5", "#5"),
    # a number no moment is: to take, or to see as "send me 1524" is; asked, never taken
    ("give me 1524", "#1524"), ("Give me 1524 please", "#1524"), ("gimme 954", "#954"),
    ("give me 61", "#61"), ("can you give me 612?", "#612"), ("<p>give me 1524</p>", "#1524"),
    # handed or passed to me, as given ("hand me 1524" took it)
    ("hand me 1524", "#1524"), ("pass me 1524", "#1524"), ("can you hand me 612", "#612"),
])
def test_give_me_a_bare_number_asks_whether_to_take_it(said: str, ticket: str) -> None:
    assert read(said) == expanded(
        f"ask assign {ticket} to ?: Should Jo Doe take {ticket}? [Yes]")
@pytest.mark.parametrize("said", [
    "give me 5 mins", "give me 5 min", "gimme 2 secs", "give me 2 minutes",
    "gimme 10 more minutes", "give me a few mins", "give me 5 minutes please",
])
def test_a_moment_asked_with_how_long_is_acknowledged(said: str) -> None:
    assert read(said) == "small talk ok"


@pytest.mark.parametrize("said", [
    "lets take 5", "let's take 5", "let's take 5 mins", "we'll take 5", "take 10 mins",
    "ok let's take a 10 minute break",
])
def test_a_break_taken_is_no_ticket_taken(said: str) -> None:
    """"let's take 5" assigned ticket 5 to the one saying it."""
    assert read(said) == "small talk ok"


@pytest.mark.parametrize(("said", "ticket"), [
    ("take 5", "#5"), ("Take 5!", "#5"), ("take five", "#5"), ("take 10", "#10"),
    ("take 5 please", "#5"),
])
def test_take_five_asks_whether_to_take_it(said: str, ticket: str) -> None:
    assert read(said) == expanded(
        f"ask assign {ticket} to ?: Should Jo Doe take {ticket}? [Yes]")


@pytest.mark.parametrize(("said", "expected"), [
    ("give 5 to me", "assign #5 to user:u-jo"),
    ("assign 5 to me", "assign #5 to user:u-jo"),
    ("I'll take 5", "assign #5 to user:u-jo"),
    ("give me ticket 5", "assign #5 to user:u-jo"),
    ("give me #5", "assign #5 to user:u-jo"),
    ("give me TKT-2026-0005", "assign #5 to user:u-jo"),
    ("give me 5 and 6", "assign #5, #6 to user:u-jo"),
    ("give me ticket 1524", "assign #1524 to user:u-jo"),
    ("give 1524 to me", "assign #1524 to user:u-jo"),
    ("hand 1524 to me", "assign #1524 to user:u-jo"),
    ("pass 1524 to sam", "assign #1524 to user:u-sam"),
    ("hand me ticket 1524", "assign #1524 to user:u-jo"),
    ("give 5 to sam", "assign #5 to user:u-sam"),
    ("give me a sec", "small talk ok"),
    ("take 12", "assign #12 to user:u-jo"),
    ("ill take 5", "assign #5 to user:u-jo"),
    ("take #5", "assign #5 to user:u-jo"),
    ("take ticket 5", "assign #5 to user:u-jo"),
])
def test_a_ticket_said_as_one_is_taken_as_before(said: str, expected: str) -> None:
    assert read(said) == expanded(expected)
