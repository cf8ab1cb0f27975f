"""A summary of a list, or of a period, is that list or that period's figures; the word
"summary" is nothing to search the tickets for.

Found by using the bot as a manager: "give me a summary of my tickets", "summary of the
team" and "summary of sam's tickets" searched for "summary" and said "No tickets here";
"summarise this week" searched for "summarise"."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ListScope, ListTickets, StatsPeriod, TicketStats
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "scope"), [
    ("give me a summary of my tickets", ListScope.MINE),
    ("show me an overview of my tickets", ListScope.MINE),
    ("summary of the team", ListScope.TEAMS),
    ("summary of sam's tickets", ListScope.ALL),
    ("rundown of my open tickets", ListScope.MINE),
])
def test_a_summary_of_a_list_is_the_list(said: str, scope: ListScope) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(understood, ListTickets) and understood.scope is scope, understood
    assert understood.text is None


@pytest.mark.parametrize(("said", "period"), [
    ("summarise this week", StatsPeriod.THIS_WEEK),
    ("summarize today", StatsPeriod.TODAY),
    ("sum up last week", StatsPeriod.LAST_WEEK),
    ("can you recap this month for me", StatsPeriod.THIS_MONTH),
])
def test_a_period_summed_up_is_its_figures(said: str, period: StatsPeriod) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(understood, TicketStats) and understood.period is period, understood


@pytest.mark.parametrize(("said", "text"), [
    ("tickets about summary", "summary"),
    ("find overview", "overview"),
    ("search for recap", "recap"),
    ("tickets about the summary report", "summary report"),
])
def test_a_summary_word_looked_for_is_still_searched(said: str, text: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(understood, ListTickets) and understood.text == text, understood
