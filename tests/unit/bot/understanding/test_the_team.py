""""The team", with no name before it, is the asker's team, as "our team" is.

Found by using the bot as a manager in one team: "what is the team working on?" was asked
back "Which Team do you mean?" with every team as a button, as if someone were named Team."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ListScope, ListTickets
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "what is the team working on?",
    "what's the team working on",
    "tickets for the team",
    "the team's open tickets",
    "what's in the team queue",
])
def test_the_team_is_the_askers_teams(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(understood, ListTickets) and understood.scope is ListScope.TEAMS, understood


@pytest.mark.parametrize("said", [
    "what is the network team working on",  # a team named
    "the team lead is sam",  # no list at all
])
def test_a_team_named_or_no_list_is_read_as_before(said: str) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert not (isinstance(understood, ListTickets) and understood.scope is ListScope.TEAMS)
