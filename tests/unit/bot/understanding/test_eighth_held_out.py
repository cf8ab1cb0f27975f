"""The eighth held-out table is read as people mean it (see `eighth_held_out.py`)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.eighth_held_out import EIGHTH_HELD_OUT, EIGHTH_MISREAD
from tests.unit.bot.understanding.held_out_tables import as_teams_sends, assert_large_and_new, lines_of
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), lines_of(EIGHTH_HELD_OUT, EIGHTH_MISREAD))
def test_the_bot_reads_the_eighth_held_out_table_as_people_mean_it(said: str, expected: str) -> None:
    assert as_teams_sends(said) == expanded(expected)


def test_the_eighth_table_is_large_and_new() -> None:
    assert_large_and_new(EIGHTH_HELD_OUT, EIGHTH_MISREAD, at_least=100)


@pytest.mark.parametrize(("said", "expected"), [
    ('close ticket forty-two', 'status #42 closed'),
    ('show ticket number two hundred and five', 'show #205'),
    ('reopen tkt-9', 'status #9 open'),
    ('ur the best 🙏', 'small talk thanks'),
    ('that should be resolved now', 'status #7 resolved'),
    ('4 is also sorted', 'status #4 resolved'),
    ('TKT-2026-0051 is still not working', 'no change #51'),
    ('i am handling 35 now', 'assign #35 to user:u-jo'),
    ('give it to Sam instead', 'assign #7 to user:u-sam'),
    ('let the requester of 40 know the part arrives monday', "comment #40 'the part arrives monday'"),
    ('alex could u have a look at 12', 'ask assign #12 to ?: Should Alex Kim take #12? [Yes]'),
    ('anything unassigned yet?', 'list all assignee=nobody'),
    ('pls clear the assignee', 'assign ? to nobody'),
    ('please raise one ticket: laptop charger not working', "create title='Laptop charger not working'"),
    ('make 16 the highest priority', 'edit #16 priority=urgent'),
    ('top priority tickets', 'list all priority=urgent'),
    ('set the priority high for 23', 'edit #23 priority=high'),
    ("15 isn't urgent, make it low", 'edit #15 priority=low'),
    ('close 30, we are off on monday', 'status #30 closed'),
    ('i fixed 58, pls close it', 'status #58 closed'),
    ('#70 any update', 'show #70'),
    ('kindly revert back on 69', 'show #69'),
])
def test_the_shapes_the_eighth_table_found_are_read_in_other_words_too(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ('tickets no one has', 'list all assignee=nobody'),
    ('whats the situation with it', 'show #7'),
    ("what's the password for it", 'question'),
    ("it's still broken", 'free text'),
    ('close 4, tomorrow', 'unknown [close 4, start 4, resolve 4]'),
    ('have a look at the printer pls', 'free text'),
    ('take a look at it', 'show #7'),  # the ticket in view shown (2026-12-06; was not understood)
])
def test_what_looks_like_those_shapes_is_read_as_before(said: str, expected: str) -> None:
    """"no one" is no number, "it's still broken" tells of the thing, "close 4, tomorrow"
    waits, a look asked at a thing is a problem told, at the ticket in view it shows it."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
