"""Requests typed on lines of their own ("close 40⏎close 41", or a Teams list) are each made,
as if a full stop ended each line (nothing was understood)."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup
from bot.understanding.requests import AssignTicket, ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("close 40\nclose 41", "status #40 closed + status #41 closed"),
    ("close 42\ngive 43 to sam", "status #42 closed + assign #43 to user:u-sam"),
    ("<ul><li>resolve 44</li><li>put 45 on hold</li></ul>",
     "status #44 resolved + status #45 on_hold"),
    ("hi\ncan you close 46", "status #46 closed"),
])
def test_requests_on_lines_of_their_own_are_each_made(said: str, expected: str) -> None:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    assert summary(as_the_bot_reads(text, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 47\nthanks", "status #47 closed"),
    ("close 48\nactually don't", "unknown [close 48, start 48, resolve 48]"),  # nothing made
    ("new ticket: the printer on floor 3\nkeeps jamming",
     "create title='The printer on floor 3\\nkeeps jamming'"),
])
def test_what_follows_on_a_line_of_its_own_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "should I\nclose 40", "can we\nclose 40", "why would you\nclose 40",
    "is it ok to\nclose 40", "do you think we should\nclose 40", "when can we\nclose 40",
    "should we maybe\nresolve 41", "would it make sense to\ngive 42 to sam",
    "shall I\nput 43 on hold",
])
def test_a_question_broken_over_two_lines_changes_nothing(said: str) -> None:
    """A line is a request of its own only after a line that named a ticket: "should I⏎close
    40" is one question typed over two lines (it closed 40)."""
    understood = as_the_bot_reads(said, CONVERSATION)
    assert not isinstance(understood, (ChangeStatus, AssignTicket)), understood
