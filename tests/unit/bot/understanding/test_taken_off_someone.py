"""A ticket taken off someone is unassigned, or given to whoever is named next: "take 972 off
alex and give it to priya" asked which status 972 should get ("“off alex and give it to
priya” is not a status I know"), "take 972 off alex" and "move 972 off alex to priya" too."""

from __future__ import annotations

import pytest

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
