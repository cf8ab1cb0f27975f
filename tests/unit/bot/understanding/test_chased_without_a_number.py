"""A chase naming no ticket ("this is the third time I'm asking, nobody answers!!", "still no
reply", "why is nobody answering me"): just after a ticket was shown, it asks how that ticket
stands (tests/e2e/test_customers_week.py); with none in view, how the person's own tickets
stand (it went to the help documents, which answered "why is nobody answering" with a passage
on phishing tests)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.chased import chased
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

CHASED = [
    "this is the third time I'm asking, nobody answers!!", "why is nobody answering me",
    "still no answer", "still waiting for a reply", "no one has replied",
    "its been 3 days and no response", "nobody has contacted me",
    "this is ridiculous, 5 days and nothing", "second time im chasing this",
    "Hello?? Is anyone there?", "still no news from you guys", "your service desk is useless, nobody ever answers",
    "why is this taking so long?", "how much longer??", "this is taking forever",
    "still waiting...", "can you at least tell me when someone will look at it",
    "when is someone going to get back to me", "why hasn't anyone replied to me",
    "nobody has replied to my ticket", "anyone??",
    "hello?? its been ages", "its been days", "been waiting ages", "it's been 3 days now",
    "i've been waiting for weeks!!", "its been forever", "hi, it has been a week",
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
    "how much longer is the vpn session allowed to stay idle",
    "why is outlook taking so long to open", "the update is taking forever",
    "still waiting for the page to load", "when will someone look at the ac in room 4",
    "its been ages since i changed my password", "it's been days since the printer worked",
    "the laptop has been slow for days", "been waiting ages for outlook to open",
    "it's been a week since my last login",
    # asked after someone else's answer: not the person's own tickets
    "why haven't you called the user back", "why hasn't anyone replied to the customer",
    "when will someone call the caller back", "why didn't you contact the vendor",
    # nobody answering something else: the phone, the door, at the desk
    "why is nobody answering the phone at reception", "nobody answers the door in room 4",
    "no one answers at the it bar", "why is nobody answering in the teams channel",
])
def test_what_only_looks_like_a_chase_is_not_one(said: str) -> None:
    assert not chased(said)


@pytest.mark.parametrize("said", CHASED)
def test_a_chase_with_no_ticket_in_view_asks_how_their_own_tickets_stand(said: str) -> None:
    read = as_the_bot_reads(said, replace(CONVERSATION, last_ticket=None))
    assert summary(read) == "list own asked=status"
