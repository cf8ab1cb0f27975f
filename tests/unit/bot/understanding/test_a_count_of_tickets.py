""""show 3 tickets", "summary of 3 tickets": three of them listed, as "top 3 tickets" lists.
Before, the count was searched for as a word ("3" in titles and descriptions)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "expected"), [
    ("summary of 3 tickets", "list all top=3"),
    ("show 3 tickets", "list all top=3"),
    ("list 5 tickets", "list all top=5"),
    ("give me 10 tickets", "list all top=10"),
    ("show me five tickets", "list all top=5"),
    ("top 3 tickets", "list all top=3"),
    ("my last 3 tickets", "list mine order=newest top=3"),
])
def test_a_count_before_tickets_lists_that_many(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("summary of 3", "show TKT-2026-0003"),
    ("summary of ticket 3", "show TKT-2026-0003"),
    ("show tickets about the 3 printers", "list all text='3 printers'"),
])
def test_a_ticket_or_a_topic_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize("said", ["who has more than 3 tickets", "sam has 5 tickets",
                                  "i have 3 tickets open"])
def test_a_count_that_is_asked_of_lists_no_top(said: str) -> None:
    assert "top=" not in summary(as_the_bot_reads(said, CONVERSATION))
