"""A new ticket said with who takes it and when it is due, and an explicit ask to file said
after the problem: filed as meant, the placing words out of the title; a plain problem
still goes to the help assistant."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.actions.phrasing import phrase
from bot.mentions import clean_markup, readable
from bot.understanding import needs_directory, understand
from bot.understanding.requests import Clarify, CreateTicket, Nobody, TeamTarget, UserTarget
from bot.understanding.summary import summary
from domain.tickets import Category, Priority
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

NETWORK, FACILITIES, IT = "to=team:2", "to=team:3", "to=team:1"
FRIDAY, TOMORROW = "due=2026-12-04", "due=2026-12-03"  # the table's today: Wed 2 Dec 2026

PLACED = [
    # a team, named loosely, before the title
    ("log a ticket for the network team: switch in room 4 is down",
     f"create title='Switch in room 4 is down' {NETWORK}"),
    ("pls raise a ticket for networking - wifi dead in the canteen",
     f"create title='Wifi dead in the canteen' {NETWORK}"),
    ("new ticket for the Network folks: VPN drops every hour",
     f"create title='VPN drops every hour' {NETWORK}"),
    ("new ticket for the network guys: VPN drops every hour",
     f"create title='VPN drops every hour' {NETWORK}"),
    ("open a ticket for IT support: new starter needs a laptop",
     f"create title='New starter needs a laptop' {IT}"),
    ("create a ticket for the IT team: outlook keeps crashing",
     f"create title='Outlook keeps crashing' {IT}"),
    ("raise a high priority incident for networking: core switch down",
     f"create title='Core switch down' priority=high category=incident {NETWORK}"),
    ("raise an urgent incident for the network team: core switch down",
     f"create title='Core switch down' priority=urgent category=incident {NETWORK}"),
    ("raise a ticket for the facility folks: lift stuck on floor 2",
     f"create title='Lift stuck on floor 2' {FACILITIES}"),
    ("new ticket for network", f"create title=? {NETWORK}"),
    # a person
    ("new ticket for Sam: monitor is dead", "create title='Monitor is dead' to=user:u-sam"),
    ("New ticket for @Sam - monitor is dead", "create title='Monitor is dead' to=user:u-sam"),
    ("new ticket for <at>Sam Rivera</at>: monitor is dead",
     "create title='Monitor is dead' to=user:u-sam"),
    ("printer jammed, log it and assign it to <at>Sam Rivera</at>",
     "create title='Printer jammed' to=user:u-sam"),
    ("new ticket for sam rivera: monitor is dead",
     "create title='Monitor is dead' to=user:u-sam"),
    ("file a ticket for Priya: badge reader in lobby broken",
     "create title='Badge reader in lobby broken' to=user:u-priya"),
    ("create a ticket and give it to Alex: projector bulb gone",
     "create title='Projector bulb gone' to=user:u-alex"),
    # me
    ("open a ticket and assign it to me: vpn drops hourly",
     "create title='Vpn drops hourly' to=user:u-jo"),
    ("open a ticket, assign it to me: vpn drops hourly",
     "create title='Vpn drops hourly' to=user:u-jo"),
    # after the title, or after the ask
    ("new ticket: printer broken for the facilities team",
     f"create title='Printer broken' {FACILITIES}"),
    ("new ticket: badge reader dead, assign it to the IT support team",
     f"create title='Badge reader dead' {IT}"),
    ('ticket: "Broken chair" for facilities', f"create title='Broken chair' {FACILITIES}"),
    ("printer jammed, please log it and put it on the network team",
     f"create title='Printer jammed' {NETWORK}"),
    ("printer jammed, log it and send it to networking",
     f"create title='Printer jammed' {NETWORK}"),
    ("switch down, log a ticket for the network team", f"create title='Switch down' {NETWORK}"),
    ("the AC in room 12 is dripping, can you raise a ticket for facilities",
     f"create title='The AC in room 12 is dripping' {FACILITIES}"),
    ("can you log it and put it on the network team", f"create title=? {NETWORK}"),
    ("laptop battery dies fast, raise it with the network team",
     f"create title='Laptop battery dies fast' {NETWORK}"),
    ("the door is stuck, report it to facilities, due friday",
     f"create title='The door is stuck' {FACILITIES} {FRIDAY}"),
    ("create a ticket for Sam", "create title=? to=user:u-sam"),
    ("create a ticket for lee",
     "ask create title=?: Which Lee should take it? [Lee Park, Lee Chen, Leave it unassigned]"),
    # due dates
    ("new ticket due friday: renew the certificate",
     f"create title='Renew the certificate' {FRIDAY}"),
    ("log a ticket: renew the SSL certificate, due by Friday",
     f"create title='Renew the SSL certificate' {FRIDAY}"),
    ("new ticket for the network team due friday: replace the core switch",
     f"create title='Replace the core switch' {NETWORK} {FRIDAY}"),
    ("open a ticket for facilities, due tomorrow: fix the door",
     f"create title='Fix the door' {FACILITIES} {TOMORROW}"),
    ("urgent ticket: server room hot - due tomorrow",
     f"create title='Server room hot' priority=urgent {TOMORROW}"),
    # "for" that names no one who takes it: the title's words, or politeness
    ("create a ticket for the broken printer", "create title='The broken printer'"),
    ("I need a ticket for a new keyboard", "create title='A new keyboard'"),
    ("new request: second monitor for Priya",
     "create title='Second monitor for Priya' category=request"),
    ("new ticket for the broken printer: it jams", "create title='The broken printer: it jams'"),
    ("new ticket for me: my password expired", "create title='My password expired'"),
    ("new ticket for me pls: need access to the finance share",
     "create title='Need access to the finance share'"),
    # unknown or ambiguous: asked, never guessed
    ("new ticket for the finance team: invoices stuck",
     "ask create title='Invoices stuck': I couldn't find “finance team”. Who should take the "
     "new ticket? [IT Support team, Network team, Facilities team, Leave it unassigned]"),
    ("Log a tikcet for the netwrok team: switch in room 4 is down",
     "ask create title='Switch in room 4 is down': I couldn't find “netwrok team”. Who should "
     "take the new ticket? [IT Support team, Network team, Facilities team, Leave it unassigned]"),
    ("new ticket for Outlook: crashes on start", "create title='Outlook: crashes on start'"),
    ("new ticket for Zed: keyboard broken", "create title='Zed: keyboard broken'"),
    ("new ticket and assign it to Zed: keyboard broken",
     "ask create title='Keyboard broken': I couldn't find “Zed”. Who should take the new "
     "ticket? [IT Support team, Network team, Facilities team, Leave it unassigned]"),
    ("log a ticket for Lee: keyboard broken",
     "ask create title='Keyboard broken': Which Lee should take it? "
     "[Lee Park, Lee Chen, Leave it unassigned]"),
    # how urgent, said last after the one who takes it: not part of the name (it was asked
    # "I couldn't find “facilities high”")
    ("new ticket: projector in room 5 broken, give it to facilities, high",
     f"create title='Projector in room 5 broken' priority=high {FACILITIES}"),
    ("new ticket: projector in room 5 broken, for the network team - urgent",
     f"create title='Projector in room 5 broken' priority=urgent {NETWORK}"),
    ("new ticket: lift is stuck, give it to lee park, low priority",
     "create title='Lift is stuck' priority=low to=user:u-lee"),
    ("log a ticket: badge reader dead, assign to sam, its urgent",
     "create title='Badge reader dead' priority=urgent to=user:u-sam"),
    ("new ticket: the high shelf in the store room is broken",
     "create title='The high shelf in the store room is broken'"),
]

ASKED_TO_FILE = [
    ("printer on floor 3 is jammed again, can you log it for me",
     "create title='Printer on floor 3 is jammed again'"),
    ("printer on floor 3 is jammed again, can u log it pls",
     "create title='Printer on floor 3 is jammed again'"),
    ("printer on floor 3 is jammed again. Can you log it?",
     "create title='Printer on floor 3 is jammed again'"),
    ("the projector is broken, can someone look at this and log it",
     "create title='The projector is broken'"),
    ("the projector in room 2 is broken, could someone take a look at it and log a ticket",
     "create title='The projector in room 2 is broken'"),
    ("the projector is broken, please raise one", "create title='The projector is broken'"),
    ("the projector is broken, log it please", "create title='The projector is broken'"),
    ("outlook keeps crashing when I open attachments, please file it",
     "create title='Outlook keeps crashing when I open attachments'"),
    ("my laptop won't boot, can you report it", "create title=\"My laptop won't boot\""),
    ("Teams keeps logging me out, could you open a ticket for me",
     "create title='Teams keeps logging me out'"),
    ("printer broken, I need you to log it", "create title='Printer broken'"),
    ("can you log it", "create title=?"),
    ("log one for me", "create title=?"),
    # a problem told without an ask: the help assistant, then "File this as a ticket?"
    ("printer on floor 3 is jammed again", "free text"),
    ("my screen flickers", "free text"),
    ("the projector is broken, can someone look at it", "free text"),
    ("I can't log in to the VPN", "free text"),
    # what the person does or did, not an ask
    ("the printer is broken, I'll report it to facilities", "free text"),
    ("the printer is broken, we've already logged it", "free text"),
    ("the printer is broken, I will log a ticket", "free text"),
    ("create a ticket for printing problems", "create title='Printing problems'"),
]


@pytest.mark.parametrize(("said", "expected"), PLACED + ASKED_TO_FILE,
                         ids=[said for said, _ in PLACED + ASKED_TO_FILE])
def test_a_new_ticket_is_read_with_who_takes_it_and_when_it_is_due(said: str, expected: str) -> None:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    assert summary(readable(as_the_bot_reads(text, CONVERSATION))) == expected


@pytest.mark.parametrize("said", [
    "log a ticket for the network team: switch in room 4 is down",
    "new ticket for Sam: monitor is dead",
    "printer jammed, please log it and put it on the network team",
])
def test_who_takes_a_new_ticket_is_read_once_the_people_and_teams_are(said: str) -> None:
    before = understand(said, replace(CONVERSATION, people=(), teams=(), directory=False))
    assert isinstance(before, Clarify) and needs_directory(before)


@pytest.mark.parametrize("request_", [
    CreateTicket(title="Switch in room 4 is down", to=TeamTarget(2, "Network")),
    CreateTicket(title="Monitor is dead", to=UserTarget("u-sam", "Sam Rivera")),
    CreateTicket(title="VPN drops", to=UserTarget("u-jo", "you")),  # "me", read as such
    CreateTicket(title="Keyboard broken", to=UserTarget("u-leec", "Lee Chen")),
    CreateTicket(title="Renew the certificate", due=date(2026, 12, 4),
                 to=TeamTarget(3, "Facilities")),
    CreateTicket(to=TeamTarget(1, "IT Support")),
    CreateTicket(title="Core switch down", priority=Priority.HIGH, category=Category.INCIDENT,
                 to=TeamTarget(2, "Network")),
    CreateTicket(title="Dark mode", category=Category.FEATURE, due=date(2027, 1, 15)),
    CreateTicket(title="Printer jam", priority=Priority.LOW, category=Category.SUPPORT),
])
def test_a_new_ticket_said_back_as_words_is_the_same_new_ticket(request_: CreateTicket) -> None:
    assert as_the_bot_reads(phrase(request_, CONVERSATION), CONVERSATION) == request_


def test_each_answer_to_who_takes_it_files_the_ticket_as_said_with_that_choice() -> None:
    asked = as_the_bot_reads("raise an urgent incident for the finance team: invoices stuck",
                             CONVERSATION)
    assert isinstance(asked, Clarify) and isinstance(asked.request, CreateTicket)
    said = CreateTicket(title="Invoices stuck", priority=Priority.URGENT,
                        category=Category.INCIDENT)
    assert asked.request == said
    for choice in asked.choices:
        assert isinstance(choice.value, (TeamTarget, Nobody))
        chosen = replace(said, to=choice.value)  # as the button's words are made
        filed = said if isinstance(choice.value, Nobody) else chosen
        assert as_the_bot_reads(phrase(chosen, CONVERSATION), CONVERSATION) == filed


@pytest.mark.parametrize(("said", "title"), [
    ("printer jammed, please log it and put it on the network team", "Printer jammed"),
    ("The printer on floor 3 jammed. Can you log it and put it on the network team?",
     "The printer on floor 3 jammed"),
    ("new ticket for the network folks: my badge does not work", "My badge does not work"),
    ("log a ticket and give it to Sam: keyboard broken", "Keyboard broken"),
])
def test_a_name_a_customer_may_not_use_keeps_the_title_it_was_said_with(
    said: str, title: str
) -> None:
    """A customer's directory holds only who holds their own tickets: the name fits no one,
    and the question (answered for a customer with why they cannot assign) keeps the title."""
    customer = replace(CONVERSATION, people=(), teams=(), last_ticket=None)
    asked = as_the_bot_reads(said, customer)
    assert isinstance(asked, Clarify) and asked.request == CreateTicket(title=title)
