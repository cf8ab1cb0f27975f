"""A ticket said first as what the message is about is the ticket "it" means: "about 12,
please close it" closed the ticket in view, not 12 ("about 12" was read as a count, as in
"about 12 people", so "it" was the last one shown). Found writing look-alikes for the
sixteenth held-out table ("regarding 12, can you close it" was read right). A count or a
time after "about", or "about" later in the message, is as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("about 12, please close it", "status #12 closed"),
    ("About 12 - assign it to sam", "assign #12 to user:u-sam"),
    ("ok so about 12: can you put it on hold", "status #12 on_hold"),
    ("Hi, about 12, please close it", "status #12 closed"),
    ("hey about 331, pls make it urgent 🙏", "edit #331 priority=urgent"),
    ("about 12 — give it to the network team", "assign #12 to team:2"),
    ("about 12?", "show #12"),
    # as before: a count, a time, "about" not first
    ("about 12 people are affected, please close it", "status #7 closed"),
    ("we have about 12, close it", "status #7 closed"),
    ("at about 12, close it", "status #7 closed"),
    ("about 12 mins ago the printer broke", "free text"),
    ("btw about 12 - the user is on leave", "free text"),
    ("regarding 12, can you close it", "status #12 closed"),
])
def test_about_a_ticket_first_it_is_that_ticket(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
