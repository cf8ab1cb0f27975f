"""How the queue looks, asked as people ask it: "how's the queue looking?" and "what does
the backlog look like" went to the help documents or searched for "does look like"; "how's
my queue" and "what does my day look like" too, and "what's waiting for me" listed the
viewer's tickets on hold (waiting for someone else), not those waiting for them; "12 is
waiting on me" put 12 on hold, though it waits for the one who says it."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

THE_QUEUE = [
    ("hows the queue looking", "stats this_week"),
    ("How's the queue looking?", "stats this_week"),
    ("how is the queue", "stats this_week"),
    ("whats the backlog like", "stats this_week"),
    ("how big is the backlog", "stats this_week"),
    ("hows the backlog", "stats this_week"),
    ("how's the queue today", "stats today"),
    ("what does the queue look like", "stats this_week"),
    ("how does our backlog look", "stats this_week"),
    ("what's the queue like today?", "stats today"),
    ("how did the queue look last week", "stats last_week"),
]
MINE = [
    ("how is my queue", "list mine"),
    ("hows my queue looking", "list mine"),
    ("what does my queue look like", "list mine"),
    ("whats my queue like", "list mine"),
    ("how's my backlog", "list mine"),
    ("what does my day look like", "list mine"),
    ("how does my day look?", "list mine"),
    ("whats my day looking like", "list mine"),
    ("whats waiting for me", "list mine"),
    ("whats waiting on me", "list mine"),
    ("anything waiting for me?", "list mine"),
    ("tickets waiting for me", "list mine"),
    ("is anyone waiting for me", "list mine"),
    ("what's waiting for us", "list teams"),
]
NO_HOLD = [  # waits for the one who says it to act: nothing to put on hold
    ("12 is waiting on me", "free text"),
    ("12 waiting on me", "free text"),
    ("7 is waiting for me to call the user", "free text"),
    ("12 is waiting for my approval", "free text"),
    ("the user is waiting for me to call back", "free text"),
    ("the printer is waiting for me to press ok", "free text"),
    ("she is waiting for me", "free text"),
]
SET_BY_THE_SPEAKER = [  # a hold asked for: the request says so, whoever the ticket waits on
    ("set 12 to waiting on us", "status #12 on_hold"),
    ("put 12 waiting on me", "status #12 on_hold"),
    ("move 12 to waiting on us", "status #12 on_hold"),
    ("set 12 waiting for me pls", "status #12 on_hold"),
    ("mark 12 as waiting on us", "status #12 on_hold"),
]
AS_BEFORE = [
    ("whats in the queue", "list all"),
    ("what is the queue for printers", "list all text='printers'"),
    ("how is the queue on 12", "show #12"),
    ("queue status", "stats this_week"),
    ("tickets waiting for the customer", "list all status=on_hold"),
    ("my tickets waiting on the vendor", "list mine status=on_hold"),
    ("what's on my plate today", "list mine"),
    ("how do i clear the print queue", "question"),
    ("how long is the queue at the canteen", "question"),
    ("12 is waiting on sam", "status #12 on_hold"),
    ("12 waiting on vendor", "status #12 on_hold"),
    ("put 12 on hold, waiting on me", "status #12 on_hold"),
    ("set 12 to waiting for customer", "status #12 on_hold"),
]


ROWS = THE_QUEUE + MINE + NO_HOLD + SET_BY_THE_SPEAKER + AS_BEFORE


@pytest.mark.parametrize(("said", "expected"), ROWS, ids=[said for said, _ in ROWS])
def test_how_the_queue_looks_is_asked_as_people_ask_it(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
