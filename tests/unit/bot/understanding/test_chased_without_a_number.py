"""A chase naming no ticket ("this is the third time I'm asking, nobody answers!!", "still no
reply", "why is nobody answering me"): read as said by the reader; just after a ticket was
shown, it asks how that ticket stands (tests/e2e/test_customers_week.py)."""

from __future__ import annotations

import pytest

from bot.understanding.chased import chased

CHASED = [
    "this is the third time I'm asking, nobody answers!!", "why is nobody answering me",
    "still no answer", "still waiting for a reply", "no one has replied",
    "its been 3 days and no response", "nobody has contacted me",
    "this is ridiculous, 5 days and nothing", "second time im chasing this",
    "Hello?? Is anyone there?", "still no news from you guys", "your service desk is useless, nobody ever answers",
]


@pytest.mark.parametrize("said", CHASED)
def test_a_chase_is_told_apart(said: str) -> None:
    assert chased(said)


@pytest.mark.parametrize("said", [
    "what do i do if nobody answers the phone at the it bar?",
    "the printer gives no response when i press start", "restarted the router and nothing",
    "disappointed with the new laptops", "is anyone there at the it bar on saturdays",
    "no one in my team can print", "i waited for a reply from hr",
    "still no reply from the user", "still waiting on the vendor for a response",
])
def test_what_only_looks_like_a_chase_is_not_one(said: str) -> None:
    assert not chased(said)
