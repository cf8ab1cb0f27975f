"""Chasing one's own ticket without its number: "still waiting on my ticket", "nobody has
replied to my ticket", "my ticket has been open for ages" were read as a problem to file
(a new ticket about the wait). Now how one's tickets stand, as "any update on my ticket"
asks; a wait for something else, or a problem told after, as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

CHASED = [
    ("still waiting on my ticket", "list mine"),
    ("Still waiting on my ticket!!", "list mine"),
    ("chase my ticket please", "list mine"),
    ("can someone chase up my request?", "list mine"),
    ("my ticket has been open for ages", "list mine"),
    ("my request has been sitting there for weeks", "list mine"),
    ("nobody has replied to my ticket", "list mine"),
    ("no one has got back to me about my ticket", "list mine"),
    ("i still havent heard anything about my ticket", "list mine"),
    ("I haven't heard back on my case", "list mine"),
    ("following up on my ticket", "list mine"),
    ("just checking in on my issue", "list mine"),
    ("still waiting on my ticket from last week", "list mine"),
    ("can you chase my printer ticket", "list own text='printer'"),
    ("im still waiting for my laptop request", "list own text='laptop'"),
]
AS_BEFORE = [
    ("waiting on my ticket to be approved before i can start", "free text"),
    ("nobody has replied to my email", "free text"),
    ("still waiting on my new laptop", "free text"),
    ("i'm waiting for my ticket number", "free text"),
    ("following up on my printer request", "list own text='printer'"),
    ("any update on my ticket", "list mine asked=status"),
    ("still waiting on 12", "show #12"),
]


@pytest.mark.parametrize(("said", "expected"), CHASED + AS_BEFORE,
                         ids=[said for said, _ in CHASED + AS_BEFORE])
def test_ones_own_ticket_chased_shows_how_ones_tickets_stand(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
