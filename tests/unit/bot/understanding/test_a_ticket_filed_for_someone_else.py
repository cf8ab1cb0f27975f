"""A ticket asked for someone else was titled with their name: "can u make a ticket for dora
for this" filed "Dora for this", "open a ticket on behalf of dora about the vpn" filed
"Behalf of dora about the vpn". The title is the problem; who it is for is kept apart, as
TicketFlow records whoever files a ticket as its requester (the chat says so and notes the
name in the description). Someone named to take it, and a name that is the problem's own,
are read as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("can u make a ticket for dora for this", "create title=? for='dora'"),
    ("can you open a ticket for Dora for this?", "create title=? for='Dora'"),
    ("open a ticket on behalf of dora about the vpn", "create title='The vpn' for='dora'"),
    ("open a ticket on behalf of dora", "create title=? for='dora'"),
    ("new ticket on behalf of Sam Rivera: monitor flickers",
     "create title='Monitor flickers' for='Sam Rivera'"),
    ("raise a ticket on behalf of dora, her vpn keeps dropping",
     "create title='Her vpn keeps dropping' for='dora'"),
    ("open a ticket for dora about the vpn", "create title='The vpn' for='dora'"),
    ("file a ticket for dora re the vpn", "create title='The vpn' for='dora'"),
    ("log a ticket for sam rivera regarding his laptop",
     "create title='His laptop' for='sam rivera'"),
    ("pls log a tkt for dora abt the vpn", "create title='The vpn' for='dora'"),
    ("log a ticket about the vpn on behalf of dora", "create title='The vpn' for='dora'"),
    ("open a ticket for my manager about her laptop",
     "create title='Her laptop' for='my manager'"),
    ("can u make a tikcet for dora for this", "create title=? for='dora'"),
    ("pls raise a ticket on behalf of <at>Sam Rivera</at> about the vpn",
     "create title='The vpn' for='Sam Rivera'"),
    ("file a ticket on dora's behalf about the vpn", "create title='The vpn' for='dora'"),
    ("file a ticket on dora’s behalf: vpn keeps dropping",
     "create title='Vpn keeps dropping' for='dora'"),
    ("open a ticket for a new starter about a laptop",
     "create title='A laptop' for='a new starter'"),
    ("create ticket on behalf of dora vpn keeps dropping",
     "create title='Vpn keeps dropping' for='dora'"),
    ("create ticket on behalf of Dora Smith vpn keeps dropping",
     "create title='Vpn keeps dropping' for='Dora Smith'"),
    ("new ticket for dora about vpn, high priority",
     "create title='Vpn' priority=high for='dora'"),
])
def test_a_ticket_for_someone_else_is_titled_by_the_problem(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("create a ticket for Lee Park", None),
    ("new ticket for priya: monitor flickers", "create title='Monitor flickers' to=user:u-priya"),
    ("log a ticket for the network team: switch down", "create title='Switch down' to=team:2"),
    ("log a ticket for the network team about the switch",
     "create title='The switch' to=team:2"),
    ("new ticket for Outlook: crashes on start", "create title='Outlook: crashes on start'"),
    ("req: new laptop for Priya", "create title='New laptop for Priya' category=request"),
    ("make a ticket for me about the printer", "create title='The printer'"),
    ("can u make a ticket for this", "create title=?"),
    ("new ticket: a laptop for dora about the move", None),
    ("open a ticket on the printer about paper", "create title='The printer about paper'"),
    ("new ticket on friday about the vpn", None),
])
def test_who_takes_it_and_a_name_in_the_problem_read_as_before(
    said: str, expected: str | None,
) -> None:
    read = summary(as_the_bot_reads(said, CONVERSATION))
    assert "for=" not in read
    if expected is not None:
        assert read == expanded(expected)
