"""A hand-over typed ticket first, or with a pointing hand, is made: "921 give to network team
please" went to the help assistant and "948 👉 alex" was not understood, where "921 to the
network team" and "948 → alex" were read."""

from __future__ import annotations

import pytest

from bot.understanding.requests import AssignTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("921 give to network team please", "assign #921 to team:2"),
    ("921 assign to sam", "assign #921 to user:u-sam"),
    ("ticket 921 pass it to priya", "assign #921 to user:u-priya"),
    ("948 👉 alex", "assign #948 to user:u-alex"),
    ("948 ➡️ facilities", "assign #948 to team:3"),
    ("921 give to lee", "ask assign #921 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
])
def test_a_hand_over_typed_ticket_first_or_pointed_is_made(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "921 don't give to network team", "921 give to network team?", "👉 921", "921 👉 ",
    "should 921 go to alex?", "921 give to network team if sam is busy",
])
def test_asked_refused_or_pointed_at_nothing_assigns_nothing(said: str) -> None:
    assert not isinstance(as_the_bot_reads(said, CONVERSATION), AssignTicket)
