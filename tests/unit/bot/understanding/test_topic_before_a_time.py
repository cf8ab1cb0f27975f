"""A topic searched for before when the tickets were filed is searched for alone: "tickets
about outlook from last week" searched for 'outlook from last week' among last week's tickets
(finding none), where "outlook tickets from last week" searched for 'outlook'."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("tickets about outlook from last week",
     "list all created_from=2026-11-23 created_before=2026-11-30 text='outlook'"),
    ("tickets about vpn from this week", "list all created_from=2026-11-30 text='vpn'"),
    ("tickets about outlook since monday", "list all created_from=2026-11-30 text='outlook'"),
    ("anything regarding the printer from yesterday",
     "list all created_from=2026-12-01 created_before=2026-12-02 text='printer'"),
])
def test_the_topic_is_searched_for_without_the_time(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("outlook tickets from last week",
     "list all created_from=2026-11-23 created_before=2026-11-30 text='outlook'"),
    ("tickets about last week's outage", "list all text=\"last week's outage\""),
])
def test_a_time_in_the_topic_or_before_it_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
