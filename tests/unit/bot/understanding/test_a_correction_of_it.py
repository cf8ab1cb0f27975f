"""Corrections said of "that" or of the ticket being filed: "actually make that urgent" was
no request (and became the new ticket's description), "oops wrong one, I meant give it to
Mia" was no request either (and was added to the description)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

NONE_IN_VIEW = replace(CONVERSATION, last_ticket=None)


@pytest.mark.parametrize(("said", "expected"), [
    ("actually make that urgent", "edit #7 priority=urgent"),
    ("make this high priority", "edit #7 priority=high"),
    ("make that low", "edit #7 priority=low"),
    ("make that a bug", "edit #7 category=bug"),
    ("pls make this a feature request", "edit #7 category=feature"),
])
def test_that_made_a_priority_or_a_kind_is_the_ticket_in_view(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("I meant give it to sam", "assign ? to user:u-sam"),
    ("oops wrong one, I meant give it to Sam", "assign ? to user:u-sam"),
    ("sorry, wrong person - i meant hand it to sam", "assign ? to user:u-sam"),
    ("I meant make it urgent", "edit ? priority=urgent"),
])
def test_what_was_meant_with_no_ticket_in_view_is_that_change_of_it(
    said: str, expected: str
) -> None:
    """As "give it to sam" alone: kept for the ticket being filed, or asked which ticket."""
    assert summary(as_the_bot_reads(said, NONE_IN_VIEW)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("oops wrong one, I meant give it to sam", "meant #7: assign #7 to user:u-sam"),
    ("wrong ticket, I meant 13", "meant #13"),
    ("oops wrong one, I meant 13", "meant #13"),
])
def test_what_was_meant_with_a_ticket_in_view_is_still_another_ticket_or_change(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
