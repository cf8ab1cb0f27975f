"""Someone's work handed to another in everyday words ("move his stuff to alex", "reassign
lee park's tickets to alex", "alex can cover sam's tickets"): the list of what they hold,
with the move offered for all of it (never made at once)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

NOTHING_IN_VIEW = replace(CONVERSATION, last_ticket=None)
TO_ALEX_FROM_LEE = "assign each of to user:u-alex (list all assignee=user:u-lee)"
TO_ALEX_FROM_SAM = "assign each of to user:u-alex (list all assignee=user:u-sam)"


@pytest.mark.parametrize(("said", "expected"), [
    ("reassign lee park's tickets to alex", TO_ALEX_FROM_LEE),
    ("move Lee Park's tickets over to Alex please", TO_ALEX_FROM_LEE),
    ("give sam's stuff to alex", TO_ALEX_FROM_SAM),
    ("move sam's work to alex", TO_ALEX_FROM_SAM),
    ("hand sam's queue to alex", TO_ALEX_FROM_SAM),
    ("reassign everything sam has to alex", TO_ALEX_FROM_SAM),
    ("sam is off next week, move his stuff to alex", TO_ALEX_FROM_SAM),
    ("Sam's out sick today - give his work to Alex", TO_ALEX_FROM_SAM),
    ("alex can cover sam's tickets", TO_ALEX_FROM_SAM),
    ("Alex will take over Sam's tickets while he's away", TO_ALEX_FROM_SAM),
    ("sam is on leave, alex can pick up his tickets", TO_ALEX_FROM_SAM),
    ("can alex look after sam's tickets till friday?", TO_ALEX_FROM_SAM),
    ("I can cover sam's tickets", "assign each of to user:u-jo (list all assignee=user:u-sam)"),
    ("lee park can cover lee chen's tickets",
     "assign each of to user:u-lee (list all assignee=user:u-leec)"),
])
def test_someones_work_handed_to_another_is_offered_for_all_they_hold(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, NOTHING_IN_VIEW)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    # not a handover: a list, a question of who, a thing that is no one's work, a refusal
    ("sam's tickets", "list all assignee=user:u-sam"),
    ("who can cover sam's tickets?", None),
    ("don't move sam's tickets to alex", None),
    ("alex can cover the phones", None),
    ("move my desk to floor 3", None),
    ("sam can handle his own tickets", None),
])
def test_look_alikes_are_no_handover(said: str, expected: str | None) -> None:
    read = summary(as_the_bot_reads(said, NOTHING_IN_VIEW))
    assert not read.startswith("assign each of"), read
    if expected is not None:
        assert read == expected


def test_a_handover_on_a_condition_is_no_offer() -> None:
    said = "alex can handle sam's tickets from tomorrow if nobody objects"
    assert not summary(as_the_bot_reads(said, NOTHING_IN_VIEW)).startswith("assign each of")


@pytest.mark.parametrize(("said", "expected"), [
    # handed on "from" someone: what they hold (the list offered was what Sam had filed, one
    # press from moving other people's tickets to Alex)
    ("reassign everything from sam to alex", TO_ALEX_FROM_SAM),
    ("move everything from sam over to alex", TO_ALEX_FROM_SAM),
    ("Reassign all tickets from Sam to Alex pls", TO_ALEX_FROM_SAM),
    ("hand all open tickets from sam to alex",
     "assign each of to user:u-alex (list all status=open assignee=user:u-sam)"),
    # what they filed, said so, and other changes of "from" lists: as before
    ("reassign all tickets raised by sam to alex",
     "assign each of to user:u-alex (list all filed_by=user:u-sam)"),
    ("close everything from sam", "status each of closed (list all filed_by=user:u-sam)"),
    ("tickets from sam", "list all filed_by=user:u-sam"),
])
def test_work_handed_on_from_someone_is_what_they_hold(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, NOTHING_IN_VIEW)) == expected
