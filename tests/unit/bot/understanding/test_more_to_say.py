"""Someone who has more to say on a ticket gets the comment asked for ("What should the
comment say?"), or posted when it follows; before, "add more info to 12" and "i have some
details for 12: …" went to the help assistant."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

ASKED = "comment TKT-2026-0012 ?"


@pytest.mark.parametrize(("said", "expected"), [
    ("add more info to 12", ASKED),
    ("i want to add more info to 12", ASKED),
    ("I need to add something to ticket 12", ASKED),
    ("i have more info for 12", ASKED),
    ("i have an update on 12", ASKED),
    ("send more details to #12", ASKED),
    ("i'd like to add some details to my ticket", "comment TKT-2026-0007 ?"),
    ("i have more information on my ticket", "comment TKT-2026-0007 ?"),
    ("i have some details for 12: it happens on wifi only",
     "comment TKT-2026-0012 'it happens on wifi only'"),
    ("add more info to 12: happens at home too", "comment TKT-2026-0012 'happens at home too'"),
])
def test_more_to_say_on_a_ticket_is_a_comment(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize("said", [
    "do you have more info on 12?", "is there more info on 12", "give 12 more info",
    "i have no more info for 12", "more info on 12 please",
])
def test_asked_for_more_is_no_comment_of_ones_own(said: str) -> None:
    assert not summary(as_the_bot_reads(said, CONVERSATION)).startswith("comment"), said
