"""Someone else's fix told ("sam fixed 778 yesterday", "the vendor resolved 12", "thanks sam
for sorting 771") asks whether the ticket should be resolved (closed, when "closed" was
said): "Should TKT-… be resolved?" [Yes]. Before, each was read as free text, though the
ticket and what happened to it were named."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "ticket", "status"), [
    ("sam fixed 778 yesterday", "#778", "resolved"), ("sam fixed 778", "#778", "resolved"),
    ("priya sorted 12 this morning", "#12", "resolved"), ("sam resolved 12", "#12", "resolved"),
    ("the vendor fixed 12", "#12", "resolved"), ("fyi alex fixed 12 already", "#12", "resolved"),
    ("the user closed 834 themselves", "#834", "closed"),
    ("thanks sam for sorting 771", "#771", "resolved"),
    ("<at>Sam Rivera</at> fixed ticket 778", "#778", "resolved"),
    ("lee park has sorted out 12", "#12", "resolved"),
])
def test_someone_elses_fix_told_asks_whether_to_resolve(said: str, ticket: str, status: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(
        f"ask status {ticket} ?: Should {ticket} be {status}? [Yes]")


@pytest.mark.parametrize(("said", "expected"), [
    ("i fixed 12", "status #12 resolved"),  # one's own: made, as before
    ("sam fixed 778?", "show #778"),
    ("has sam fixed 778", "show #778 asked=status?closed,resolved"),
    ("did the vendor fix 12", "show #12"),
    ("who fixed 778", "show #778"),
    ("if sam fixed 778 close it", "no change #778"),
])
def test_questions_and_conditions_about_a_fix_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
