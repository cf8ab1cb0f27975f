"""A ticket put in a team's queue goes to that team: "put 3 in the network queue" asked
which status "in the network queue" was. "In" the queue with no team named is the way back
to the queue, and "put 3 in progress" a status, as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "read"), [
    ("put 3 in the network queue", "assign TKT-2026-0003 to team:2"),
    ("put 3 into the network queue", "assign TKT-2026-0003 to team:2"),
    ("move 3 into the facilities queue", "assign TKT-2026-0003 to team:3"),
    ("put it in the network queue", "assign TKT-2026-0007 to team:2"),
    ("pls put ticket 3 in the Network queue", "assign TKT-2026-0003 to team:2"),
    ("put 3 in network queue", "assign TKT-2026-0003 to team:2"),
    ("put 3 in the network team's queue", "assign TKT-2026-0003 to team:2"),
    ("put 3 in the network team queue", "assign TKT-2026-0003 to team:2"),
    ("give 3 to the network team's queue", "assign TKT-2026-0003 to team:2"),
    ("drop 3 in the facilities queue", "assign TKT-2026-0003 to team:3"),
    ("put it in the facilities team queue please", "assign TKT-2026-0007 to team:3"),
])
def test_a_ticket_put_in_a_teams_queue_goes_to_that_team(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read


@pytest.mark.parametrize(("said", "read"), [
    ("put 3 in the queue", "back to the queue TKT-2026-0003"),
    ("put 3 back in the queue", "back to the queue TKT-2026-0003"),
    ("put 3 in progress", "status TKT-2026-0003 in_progress"),
    ("put it in the purple queue", "ask assign TKT-2026-0007 to ?"),
])
def test_other_places_to_put_a_ticket_are_read_as_before(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)).startswith(read)
