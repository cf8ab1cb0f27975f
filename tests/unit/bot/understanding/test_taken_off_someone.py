"""A ticket taken off someone is unassigned, or given to whoever is named next: "take 972 off
alex and give it to priya" asked which status 972 should get ("“off alex and give it to
priya” is not a status I know"), "take 972 off alex" and "move 972 off alex to priya" too."""

from __future__ import annotations

import pytest

from bot.understanding.requests import AssignTicket, UserTarget
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("take 972 off alex and give it to priya", "assign #972 to user:u-priya"),
    ("take 972 off alex, give it to the network team", "assign #972 to team:2"),
    ("move 972 off alex to priya", "assign #972 to user:u-priya"),
    ("take 972 off alex", "assign #972 to nobody"),
    ("pull 972 off sam pls", "assign #972 to nobody"),
    ("take 972 away from alex and give it to me", "assign #972 to user:u-jo"),
])
def test_a_ticket_taken_off_someone_is_unassigned_or_given_on(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("take sam off 972", "assign #972 to nobody"),
    ("don't take 972 off alex", "free text"),
    ("should we take 972 off alex?", "show #972"),
    ("take 972 off lee", "assign #972 to nobody"),  # whichever Lee has it
    ("take 972 off hold", "status #972 in_progress"),  # as "resume 972"
    ("972 can come off hold", "status #972 in_progress"),
])
def test_taken_off_hold_or_not_asked_is_read_as_meant(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "off"), [
    ("take 972 off alex", "u-alex"), ("unassign 12 from sam", "u-sam"),
    ("take sam off 12", "u-sam"), ("remove sam from 12", "u-sam"),
])
def test_who_a_ticket_is_taken_off_is_kept_to_check(said: str, off: str) -> None:
    """The action takes it off them only while they hold it (tests/e2e/test_taken_off_who_holds_it.py)."""
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, AssignTicket) and isinstance(read.taken_off, UserTarget), read
    assert read.taken_off.user_id == off


@pytest.mark.parametrize("said", ["take me off 12", "unassign 12", "remove the assignee from 12",
                                  "take 972 off alex and give it to priya"])
def test_nobody_named_or_a_new_holder_checks_no_one(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, AssignTicket) and read.taken_off is None, read


@pytest.mark.parametrize(("said", "expected"), [
    # a part of the ticket taken off is no one who holds it: these unassigned the ticket
    ("take the deadline off 12", "edit #12 due=none"),
    ("take the due date off 12", "edit #12 due=none"),
    ("get the deadline off of 12", "edit #12 due=none"),
    ("remove the attachment from 12", "free text"),
    ("remove the urgent flag from 12", "free text"),
    ("clear the description of 12", "free text"),
    ("remove the tag from 12", "free text"),
    ("take the priority off 12", "unknown"),
    ("take the hold off 12", "unknown"),
    ("remove bob from 12", "free text"),  # no Bob to take off it
    # someone who could hold it, as before
    ("remove sam from 12", "assign #12 to nobody"),
    ("take the network team off 12", "assign #12 to nobody"),
    ("remove the assignee from 12", "assign #12 to nobody"),
    ("take him off 12", "assign #12 to nobody"),
    ("take me off 12", "assign #12 to nobody"),
    ("unassign 12 from sam", "assign #12 to nobody"),
])
def test_what_is_taken_off_a_ticket_unassigns_it_only_when_it_is_someone(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)).split(" [")[0] == expanded(expected)
