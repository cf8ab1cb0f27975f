"""A new ticket asked to be filed for or with a team goes to that team, titled with the
problem: "raise a ticket with facilities, lift is broken" filed "With facilities, lift is
broken" for nobody; "log this for facilities: the lift is broken" asked who
"facilities lift is broken" was. Now each is titled "Lift is broken" and given to
Facilities, as "new ticket for facilities: …" is. A "with" that names no one stays in the
title."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "expected"), [
    ("log this for facilities: the lift is broken", "create title='The lift is broken' to=team:3"),
    ("log this for network: vpn down", "create title='Vpn down' to=team:2"),
    ("can you log this for sam: printer broken", "create title='Printer broken' to=user:u-sam"),
    ("could someone raise this with facilities - lift stuck on 3",
     "create title='Lift stuck on 3' to=team:3"),
    ("log this for the network team: switch in room 4 is down",
     "create title='Switch in room 4 is down' to=team:2"),
    ("raise a ticket with facilities, lift is broken", "create title='Lift is broken' to=team:3"),
    ("raise a ticket with facilities: lift is broken", "create title='Lift is broken' to=team:3"),
    ("new ticket with network: vpn down", "create title='Vpn down' to=team:2"),
    ("log a ticket with network, vpn down", "create title='Vpn down' to=team:2"),
    ("open a ticket with it support - laptop wont boot",
     "create title='Laptop wont boot' to=team:1"),
])
def test_a_ticket_filed_with_a_team_goes_to_it(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("log this for me: printer broken", "create title='Printer broken'"),
    ("log this: printer broken", "create title='Printer broken'"),
    ("Could you log this for me: the projector in B2 is dead",
     "create title='The projector in B2 is dead'"),
    ("new ticket with outlook: crashes on start", "create title='With outlook: crashes on start'"),
    ("new ticket for facilities: the lift is broken",
     "create title='The lift is broken' to=team:3"),
])
def test_filing_that_names_no_team_is_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
