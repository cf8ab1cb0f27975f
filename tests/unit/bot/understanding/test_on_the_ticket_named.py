""""On it", said of a ticket named, is that ticket: "looking into TKT-2026-0610", "on #41",
"checking #42" start and take the ticket named, not the one in view (they took #7)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("looking into TKT-2026-0040", "start and take #40"),
    ("on #41", "start and take #41"),
    ("checking #42", "start and take #42"),
    ("grabbing TKT-2026-0043 now", "start and take #43"),
    ("on TKT-2026-0044", "start and take #44"),
    ("looking at TKT-2026-0045", "start and take #45"),
    ("picking up TKT-2026-0046", "start and take #46"),
])
def test_on_it_said_of_a_ticket_named_is_that_ticket(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("looking into TKT-2026-0040", "start and take #40"),
    ("on it", "start and take ?"),
])
def test_with_no_ticket_in_view_the_one_named_is_taken(said: str, expected: str) -> None:
    alone = replace(CONVERSATION, last_ticket=None)
    assert summary(as_the_bot_reads(said, alone)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("on it", "start and take #7"),
    ("checking this one", "start and take #7"),
    ("grabbing 47", "start and take #47"),
    ("looking into it", "start and take #7"),
    ("is anyone looking into #48?", "show #48 asked=assignee?"),
])
def test_on_it_said_of_the_ticket_in_view_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
