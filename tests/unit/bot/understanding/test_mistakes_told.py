"""A change told to have been a mistake ("i closed the wrong ticket", "closed 12 by
mistake") is asked to be undone: the bot offers to put the ticket back, never changes it
by itself, and never reads it as a problem for the help assistant."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("i closed the wrong ticket", "cannot undo #7"),
    ("I assigned the wrong one", "cannot undo #7"),
    ("closed the wrong ticket, sorry", "cannot undo #7"),
    ("oops, i resolved the wrong ticket", "cannot undo #7"),
    ("i put the wrong ticket on hold", "cannot undo #7"),
    ("I gave the wrong ticket to sam", "cannot undo #7"),
    ("shoot, that was the wrong ticket", "cannot undo #7"),
    ("wrong ticket lol", "cannot undo #7"),
    ("ugh I updated the wrong one", "cannot undo #7"),
    ("closed 12 by mistake", "cannot undo #12"),
    ("I accidentally closed 12", "cannot undo #12"),
    ("12 was closed by mistake", "cannot undo #12"),
    ("accidentally resolved 12, sorry", "cannot undo #12"),
    ("i didn't mean to close 12", "cannot undo #12"),
    ("I didnt mean to reassign that", "cannot undo #7"),
    ("sorry, closed that by accident", "cannot undo #7"),
    ("I mistakenly put 12 on hold", "cannot undo #12"),
    ("12 got resolved in error", "cannot undo #12"),
    ("my mistake, wrong ticket", "cannot undo #7"),
    ("I didn't mean to do that", "cannot undo #7"),
])
def test_a_change_told_as_a_mistake_is_asked_to_be_undone(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    # asked to be done, or told as someone else's, or no ticket meant: not an undo
    ("12 was closed by mistake, can you reopen it", "status #12 open"),
    ("i meant to close 13 not 12", "meant #13 not #12: status #13 closed"),
    ("the printer prints the wrong colours", "free text"),
    ("wrong password error on the vpn", "free text"),
    ("who closed 12 by mistake?", "history #12"),  # who did: its history
    ("I put the wrong address on my ticket", "free text"),
])
def test_other_mistakes_and_requests_are_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


def test_with_no_ticket_in_view_the_wrong_ticket_is_asked_about() -> None:
    nothing = replace(CONVERSATION, last_ticket=None)
    assert summary(as_the_bot_reads("i closed the wrong ticket", nothing)) == "cannot undo ?"


@pytest.mark.parametrize(("said", "expected"), [
    ("sorry, 12 was closed", "cannot undo #12"),
    ("oops 12 got closed", "cannot undo #12"),
    ("12 got closed 🤦", "cannot undo #12"),
    ("12 was resolved, sorry", "cannot undo #12"),
    ("12 was accidentally put on hold", "cannot undo #12"),
    # no mistake said: a state told is made, as "4 was fixed" always was
    ("12 was closed", "status #12 closed"),
    ("12 got closed", "status #12 closed"),
    ("it has been resolved", "status #7 resolved"),
])
def test_a_change_told_as_done_is_a_mistake_only_when_one_is_said(
    said: str, expected: str
) -> None:
    """Before, any "12 was closed" was answered "I can't undo a change" (a mistake's reply)
    since the undo was added: the mistake's words were optional."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("12 was closed 🤦 the user is furious", "cannot undo #12"),
    ("12 got closed 🤦, the user is furious", "cannot undo #12"),
    ("12 got closed, the user is furious 🤦", "cannot undo #12"),
    ("sorry, 12 got closed, the user is furious", "cannot undo #12"),
    # a request said with an apology, or a state told with no mistake: made
    ("sorry, close 12, the user is furious", "status #12 closed"),
    ("12 was closed, the user confirmed", "status #12 closed"),
    ("12 is resolved, the user confirmed", "status #12 resolved"),
    ("sorry 12 was closed, reopen it", "status #12 open"),
])
def test_a_change_told_as_a_mistake_with_more_said_is_not_made(said: str, expected: str) -> None:
    """"12 was closed 🤦 the user is furious" closed 12 (again) and posted "the user is
    furious" where the requester reads it: the mistake said counts with more words too."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", ["12 was assigned to sam", "12 was assigned to me",
                                  "12 was closed yesterday"])
def test_news_of_a_change_offers_no_undo(said: str) -> None:
    assert not summary(as_the_bot_reads(said, CONVERSATION)).startswith("cannot undo")
