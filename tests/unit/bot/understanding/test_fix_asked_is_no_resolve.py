""""Fix" asked of someone asks for the repair, not for the ticket to be marked resolved:
"my laptop is broken, can you fix it", "can you fix 12", "please fix 12" resolved the ticket
(and told its requester it was fixed); "sort out 12 please" too. Now nothing changes. The ticket told fixed ("fixed 4",
"mark 12 fixed", "I fixed 4") is resolved as before. "Solve" likewise: "can you solve 12" resolved
12; now nothing changes (the bot offers "resolve 12"), and "mark 12 solved", "12 is solved",
"set 12 to solved" resolve as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize("said", [
    "my laptop is broken, can you fix it",
    "my laptop is broken, please fix it",
    "the printer is broken, fix it",
    "can you fix it",
    "fix 12",
    "can you fix 12",
    "please fix 12 asap",
    "could you fix 12 and 13?",
    "sort out 12 please",
    "can you sort out 12?",
    # "solve" asked of the bot is the work too: "can you solve 12" resolved 12
    "can you solve 12",
    "solve 12",
    "please solve 12 asap",
    "could u solve 12?",
    "can you solve it",
    "my laptop is broken, can you solve it",
    "solve 12 and 13",
    "Can you solve #12??",
])
def test_a_fix_asked_changes_nothing(said: str) -> None:
    found = summary(as_the_bot_reads(said, CONVERSATION))
    assert not found.startswith(("status", "assign", "edit", "comment")), found


@pytest.mark.parametrize(("said", "expected"), [
    ("fixed 4", "status #4 resolved"),
    ("I fixed 4", "status #4 resolved"),
    ("mark 12 fixed", "status #12 resolved"),
    ("12 is fixed", "status #12 resolved"),
    ("I'm fixing 4", "status #4 in_progress"),
    ("resolve 12", "status #12 resolved"),
    ("wrap up 4", "status #4 resolved"),
    ("12 is sorted", "status #12 resolved"),
    ("mark 12 solved", "status #12 resolved"),
    ("12 is solved", "status #12 resolved"),
    ("set 12 to solved", "status #12 resolved"),
    ("mark 12 as solved", "status #12 resolved"),
    ("I solved 12", "status #12 resolved"),
    ("12 has been solved", "status #12 resolved"),
])
def test_a_ticket_told_fixed_is_resolved_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
