"""A team's queue named by the team's own name, whatever words that name is made of: names
ending in a word that also means a list ("Service Desk", "Field Work"), names starting with
"IT", and the queue called a backlog or a board. Read as the bot reads (first without the
directory, again with it when a name is left unplaced), so a name the first reading takes
for a topic would never reach the teams."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.context import TeamEntry
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, TEAMS, as_the_bot_reads

CONVERSATION_WITH_DESKS = replace(CONVERSATION, teams=TEAMS + (
    TeamEntry(4, "Service Desk"), TeamEntry(5, "Field Work"), TeamEntry(6, "Help Desk Tier 2")))

QUEUES = (
    ("what's open in the service desk queue", "list all status=open assignee=team:4"),
    ("service desk queue", "list all assignee=team:4"),
    ("Service Desk queue pls", "list all assignee=team:4"),
    ("open tickets for service desk", "list all status=open assignee=team:4"),
    ("tickets for the service desk team", "list all assignee=team:4"),
    ("whats in the field work backlog", "list all assignee=team:5"),
    ("show the facilities backlog", "list all assignee=team:3"),
    ("what's open in the it support queue", "list all status=open assignee=team:1"),
    ("anything urgent in the IT Support queue?", "list all priority=urgent assignee=team:1"),
    ("give it to the service desk", "assign #7 to team:4"),
    ("send 4 to field work", "assign #4 to team:5"),
    ("whats on my desk", "list mine"),
    ("tickets on sam's desk", "list all assignee=user:u-sam"),
)


@pytest.mark.parametrize(("said", "expected"), QUEUES, ids=[said for said, _ in QUEUES])
def test_a_team_queue_is_read_by_the_teams_own_name(said: str, expected: str) -> None:
    read = summary(as_the_bot_reads(said, CONVERSATION_WITH_DESKS))
    assert read == expected.replace("#7", "TKT-2026-0007").replace("#4", "TKT-2026-0004")
