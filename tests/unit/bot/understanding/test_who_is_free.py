"""Who can take more, asked as managers ask it: "who's free?", "who is least busy", "who
has the fewest tickets", "who's got room for one more" went to the help documents or
searched for "who fewest". Now everyone's workload, fewest first; a free afternoon or a
meeting asked about is still a question, and "who can take 12" is about ticket 12."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

LEAST = [
    ("who is least busy", "workload least"),
    ("who's free?", "workload least"),
    ("who is free right now", "workload least"),
    ("who is free today", "workload least"),
    ("who's the quietest", "workload least"),
    ("who is available", "workload least"),
    ("who is available to take one", "workload least"),
    ("who has the fewest tickets", "workload least"),
    ("who has the least tickets", "workload least"),
    ("who has the least on", "workload least"),
    ("who has capacity", "workload least"),
    ("who's got room for one more", "workload least"),
    ("who can take a ticket", "workload least"),
    ("who could pick up another one?", "workload least"),
    ("which agent is least busy", "workload least"),
]
AS_BEFORE = [
    ("who's overloaded", "workload"),
    ("who has the most tickets", "workload"),
    ("who is free on friday", "question"),
    ("who is available for a meeting", "question"),
    ("who's free for lunch", "question"),
    ("who can take 12", "show #12"),
]


@pytest.mark.parametrize(("said", "expected"), LEAST + AS_BEFORE,
                         ids=[said for said, _ in LEAST + AS_BEFORE])
def test_who_can_take_more_is_the_workload_fewest_first(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
