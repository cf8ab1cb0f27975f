"""A ticket told not to be done yet ("my ticket 36 is still not fixed") changes nothing and
is answered with how it stands; a change refused ("don't close 36 yet") is only that."""

from __future__ import annotations

import pytest

from bot.understanding.requests import Declined
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "my ticket 36 is still not fixed", "my ticket 36 is still not solved after 2 weeks!!!",
    "36 isn't done yet, what's going on", "TKT-2026-0036 still not resolved??",
    "36 still has not been fixed", "is 36 still not fixed", "36 hasn't been fixed yet",
    "26 isn't fixed yet, the user still sees the error",
    # "still" between the ticket and the "not", or before both; broken or not working told
    "36 still isn't resolved", "36 is still not done", "still broken - 36", "40 STILL not working??",
    "36 still isnt fixed!!", "TKT-2026-0036 still hasn't been solved", "36 still not closed...",
    "still not fixed: TKT-2026-0036", "still not working on 40 :(", "40 still failing for the user",
    "36 is STILL broken", "hi, 40 still down", "STILL BROKEN: #36",
    "ticket 36 still no resolved",
])
def test_a_ticket_told_not_done_yet_is_answered_with_how_it_stands(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, Declined) and read.not_done, read


@pytest.mark.parametrize("said", [
    "don't close 36 yet", "36 still not fixed, don't close it", "do not resolve 36 yet",
    "i wouldn't close 26 yet", "36 is not urgent yet",
    "36 still isn't resolved, reopen it", "is 36 still broken? if so reopen it",
    "if 36 is still broken tomorrow, reopen it", "it's still broken", "still broken after the fix, reopen pls",
    "the printer is still broken", "still waiting on 36",
])
def test_a_change_refused_is_not_told_as_not_done(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert not (isinstance(read, Declined) and read.not_done), read


@pytest.mark.parametrize(("said", "ticket"), [
    ("it is not fixed", 7), ("its not fixed!!", 7), ("4 isn't fixed", 4),
    ("ticket 4 is not resolved", 4), ("nope, it is not fixed", 7), ("it has not been fixed", 7),
    ("hmm its not fixed tho", 7), ("it isn't fixed yet", 7), ("it's not solved, the screen is black", 7),
    ("not fixed!!", 7), ("Not fixed at all.", 7), ("sorry but its not resolved", 7),
])
def test_a_ticket_told_not_done_is_answered_with_how_it_stands_without_still_or_yet(
    said: str, ticket: int
) -> None:
    """"it is not fixed" from the customer whose ticket was just resolved got "OK, I'll leave
    TKT-… as it is", as if they had asked for nothing to be done; "not fixed!!" alone, "OK,
    I won't change anything". It is answered as "it is still not fixed" is, with how the
    ticket stands (a resolved one's card has its Reopen button); nothing changes."""
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, Declined) and read.not_done, read
    assert read.ticket is not None and read.ticket.sequence == ticket, read


@pytest.mark.parametrize("said", [
    "i'm not closing 26", "we haven't closed it", "it's not fixed so don't close it",
    "4 is not closed, dont reopen it", "not fixed? then don't close it", "don't close it, not fixed",
    "you haven't fixed 4", "the printer is not fixed",
])
def test_a_refusal_or_another_thing_not_fixed_is_read_as_before(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert not (isinstance(read, Declined) and read.not_done), read
