""""Put 7 back in the queue", "return 7 to the queue", "hand 7 back to the queue": one change,
as a service desk means it: open again and held by no one person (a team's queue keeps it),
whichever verb is said. A queue named by its team is that team's ("return 7 to the network
queue"), and a question, a "don't" or a condition changes nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "read"), [
    ("return 7 to the queue", "back to the queue #7"),
    ("hand 7 back to the queue", "back to the queue #7"),
    ("send 7 back to the queue", "back to the queue #7"),
    ("put 7 back in the queue", "back to the queue #7"),
    ("put 7 back into the queue pls", "back to the queue #7"),
    ("move TKT-2026-0007 back to the queue", "back to the queue #7"),
    ("7 back to the queue", "back to the queue #7"),
    ("7 back to queue", "back to the queue #7"),
    ("throw 7 back in the pool", "back to the queue #7"),
    ("drop 7 back in the queue pls", "back to the queue #7"),
    ("pls give #7 back to the queue, im swamped this week", "back to the queue #7"),
    ("could you put ticket 7 back in the general queue?", "back to the queue #7"),
    ("requeue 7", "back to the queue #7"),
    ("re-queue 7 please", "back to the queue #7"),
    ("put it back in the queue", "back to the queue #7"),
    ("bak to the queue with 7", "back to the queue #7"),
    ("back to the queue - 7", "back to the queue #7"),
    ("Kindly return the ticket 7 back to queue.", "back to the queue #7"),
    ("put 7 back in the backlog", "back to the queue #7"),
    ("put 4 and 5 back in the queue", "back to the queue #4, #5"),
])
def test_back_to_the_queue_is_open_and_held_by_no_one(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read.replace(
        "#", "TKT-2026-000")


@pytest.mark.parametrize("said", ["put it back in the queue", "hand the ticket back to the queue",
                                  "send this one back to the queue pls"])
def test_with_no_ticket_in_view_it_asks_which(said: str) -> None:
    alone = replace(CONVERSATION, last_ticket=None)
    assert summary(as_the_bot_reads(said, alone)) == "back to the queue ?"


@pytest.mark.parametrize(("said", "reason"), [
    ("hand 7 back to the queue - I'm swamped with the migration", "I'm swamped with the migration"),
    ("put 7 back in the queue, wrong team picked it up", "wrong team picked it up"),
    ("return 7 to the queue because Sam left the company", "Sam left the company"),
])
def test_a_reason_said_with_it_is_kept(said: str, reason: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, ChangeStatus) and read.queue and read.reason == reason, read


@pytest.mark.parametrize("said", [
    "put 7 back in the queue, actually don't", "send 7 back to the queue, or maybe not",
])
def test_taken_back_in_the_same_breath_it_changes_nothing(said: str) -> None:
    assert not isinstance(as_the_bot_reads(said, CONVERSATION), ChangeStatus)


@pytest.mark.parametrize(("said", "read"), [
    ("return 7 to the network queue", "assign TKT-2026-0007 to team:2"),
    ("send 7 to the network queue", "assign TKT-2026-0007 to team:2"),
    ("don't put 7 back in the queue", "no change TKT-2026-0007"),
    ("do not send 7 back to the queue yet", "no change TKT-2026-0007"),
    ("is 7 back in the queue?", "show TKT-2026-0007"),
    ("should i put 7 back in the queue?", "show TKT-2026-0007"),
    ("if nobody picks it up, put 7 back in the queue", "no change TKT-2026-0007"),
    ("unassign 7", "assign TKT-2026-0007 to nobody"),
    ("show the queue", "list all"),
    ("what's in the queue", "list all"),
    ("7 keeps coming back to the queue", None),
    ("why does 7 keep going back to the queue", None),
])
def test_a_named_queue_a_question_or_a_refusal_is_no_return_to_the_queue(
    said: str, read: str | None
) -> None:
    understood = summary(as_the_bot_reads(said, CONVERSATION))
    assert not understood.startswith("back to the queue"), understood
    assert read is None or understood == read
