"""A person or team named right before "tickets", as chat types a possessive ("sam
tickets", "show me IT Support tickets"), is whose tickets are listed. Before, the name was
searched for as words in the tickets ("show me IT Support tickets" searched "IT Support")."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "expected"), [
    ("show me sam tickets", "list all assignee=user:u-sam"),
    ("Sam Rivera tickets", "list all assignee=user:u-sam"),
    ("show me lee park tickets", "list all assignee=user:u-lee"),
    ("rivera tickets", "list all assignee=user:u-sam"),
    ("show me IT Support tickets", "list all assignee=team:1"),
    ("show me network tickets", "list all assignee=team:2"),
    ("Facilities tickets?", "list all assignee=team:3"),
    ("any open network tickets", "list all status=open assignee=team:2"),
    ("priya open tickets", "list all status=open assignee=user:u-priya"),
    ("priya high priority tickets", "list all priority=high assignee=user:u-priya"),
    ("lee tickets", "ask list all: Which Lee do you mean? [Lee Park, Lee Chen]"),
    # "it" in lower case before a department's queue is the department, not the ticket
    ("show me it support tickets", "list all assignee=team:1"),
    ("it support tickets", "list all assignee=team:1"),
    ("anything in the it support queue", "list all assignee=team:1"),
    ("open it support tickets", "list all status=open assignee=team:1"),
])
def test_whose_tickets_are_named_before_them(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("printer tickets", "list all text='printer'"),
    ("show me vpn tickets", "list all text='vpn'"),
    ("closed printer tickets", "list all status=closed text='printer'"),
    ("any other vpn tickets", "list all text='vpn'"),
    ("my tickets", "list mine"),
    ("show my open tickets", "list mine status=open"),
    ("show me open tickets", "list all status=open"),
    ("show me new tickets", "list all status=open"),
    ("urgent tickets", "list all priority=urgent"),
    ("sami tickets", "list all text='sami'"),  # no one's whole name: a word searched
    ("samba tickets", "list all text='samba'"),
    ("close it", "status TKT-2026-0007 closed"),  # "it" is the ticket in view
    ("give it to it support", "assign TKT-2026-0007 to team:1"),
])
def test_words_that_are_no_ones_whole_name_are_searched(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
