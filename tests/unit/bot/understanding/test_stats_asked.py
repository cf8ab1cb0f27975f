"""How things stand, asked in many words ("weekly summary", "how did we do last week?"),
read as counts for a period, never as a search for the word "summary"; what only looks like
it ("report a broken printer", "how's it going", "status of 4") stays what it was."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "period"), [
    ("weekly summary", "this_week"), ("summary of this week", "this_week"),
    ("Summary please", "this_week"), ("stats", "this_week"), ("STATS?", "this_week"),
    ("this week's stats", "this_week"), ("ticket stats pls", "this_week"),
    ("Hey @TicketFlow, quick one: weekly stats?", "this_week"),
    ("can I get a summary", "this_week"), ("helpdesk dashboard", "this_week"),
    ("I'd like the weekly report", "this_week"), ("how are we doing?", "this_week"),
    ("how are we doing this week", "this_week"), ("how's this week looking", "this_week"),
    ("stats for today", "today"), ("what's the summary for today", "today"),
    ("what's today's overview", "today"), ("daily recap", "today"),
    ("give me the ticket numbers for today", "today"), ("how was the day", "today"),
    ("how did we do last week", "last_week"), ("show me the stats for last week", "last_week"),
    ("how was last week?", "last_week"), ("last week's numbers", "last_week"),
    ("monthly report", "this_month"), ("how's the month been", "this_month"),
    ("team summary for this month", "this_month"),
    ("what are the numbers for this month", "this_month"),
    # how many were finished in a period (a list of tickets "matching “did close”" before)
    ("how many tickets did we close this week", "this_week"),
    ("how many tickets were closed this week?", "this_week"),
    ("how many did we resolve today", "today"), ("how many issues were fixed today?", "today"),
    ("number of tickets resolved this month", "this_month"),
    ("how many did we get through last week", "last_week"),
    ("How many requests has the team handled so far this month", "this_month"),
])
def test_how_things_stand_is_read_for_its_period(said: str, period: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == f"stats {period}"


@pytest.mark.parametrize("said", [
    "report", "numbers", "report a broken printer", "how's it going", "status of 4",
    "what's the status", "how do I run a report in excel?", "summary of ticket 4",
    "who's overloaded?", "show me the weekly report template", "tickets due this week",
    # a count of one's own, or with no period: not the desk's figures
    "how many tickets did i close this week", "how many tickets have we closed",
    "how many tickets are open", "how many tickets did sam close this week",
])
def test_what_only_looks_like_a_summary_is_read_as_before(said: str) -> None:
    assert not summary(as_the_bot_reads(said, CONVERSATION)).startswith("stats"), said
