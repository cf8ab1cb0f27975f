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
    # the team asked after as a whole (the help assistant's Teams guide before)
    ("how is the team doing", "this_week"), ("how's my team doing?", "this_week"),
    ("Hows the team doing this week", "this_week"), ("how is our team getting on", "this_week"),
    ("how did the team do last week?", "last_week"), ("team status", "this_week"),
    ("what's the team status", "this_week"), ("service desk status pls", "this_week"),
    ("give me the team status for today", "today"), ("queue status?", "this_week"),
    ("whats the teams status this month", "this_month"),
    ("how's the help desk holding up today", "today"),
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
    # one ticket, one person, or the team's mood: not the desk's figures
    "team status for 4", "how is the team doing on 4", "how is sam doing",
    "how's the team's morale", "how do i change my teams status", "my teams status is away",
    "what's the status of the team meeting", "how busy is the team",
])
def test_what_only_looks_like_a_summary_is_read_as_before(said: str) -> None:
    assert not summary(as_the_bot_reads(said, CONVERSATION)).startswith("stats"), said


@pytest.mark.parametrize("said", [
    "how busy is the team", "how busy are we right now", "How busy is everyone today?",
    "how loaded is my team", "how stretched are the agents at the moment",
    "how swamped is our team this week",
])
def test_how_busy_the_team_is_is_its_workload(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "workload"


@pytest.mark.parametrize(("said", "expected"), [
    ("how busy am i", "list mine"), ("how busy is sam", "list all assignee=user:u-sam"),
    ("how swamped is priya right now", "list all assignee=user:u-priya"),
    ("How busy is Network today?", "list all assignee=team:2"),
    ("how busy is the canteen", "question"), ("how busy is the office today", "question"),
])
def test_how_busy_one_person_or_team_is_is_their_list(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
