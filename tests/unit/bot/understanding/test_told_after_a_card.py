"""What people tell after a ticket's card: their own thing's problem, more for the ticket, a
field of it. "it" after a thing the sentence named is that thing, not the ticket in view."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.requests import Clarify, NoOneNamed
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

NOTHING_SHOWN = replace(CONVERSATION, last_ticket=None)


@pytest.mark.parametrize("said", [
    "i have problem with outlook, it not open",
    "my laptop is slow and it keeps freezing",
    "outlook crashed, it says error 0x800",
    "my printer is broken, it won't print",
    "The VPN drops every hour, it doesn't reconnect",
    "teams is acting up - it won't load my chats",
    "problem with the scanner, it doesn't scan to email",
    "my monitor flickers but it isn't the cable",
    "since the update my mouse lags, it can't keep up",
    "i have problem with outlook it not open",
    "my laptop it keeps freezing",
])
def test_it_after_a_thing_the_sentence_named_is_that_thing_told_to_the_assistant(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "free text"


@pytest.mark.parametrize(("said", "expected"), [
    ("4 is broken, can you reopen it?", "status #4 open"),
    ("close 4, actually don't", "no change #4"),
    ("it's still broken", "free text"),
    ("thanks, it works now", "small talk thanks"),
    ("i don't want to close it", "no change #7"),
    ("please close it", "status #7 closed"),
    ("my screen flickers. Can you log it?", "create title='My screen flickers'"),
])
def test_it_said_of_the_ticket_or_asking_a_change_stays_the_ticket(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "text"), [
    ("can you add that the charger is a 65W USB-C one", "the charger is a 65W USB-C one"),
    ("add that it happens on wifi too", "it happens on wifi too"),
    ("pls add: it also happens on the 2nd floor", "it also happens on the 2nd floor"),
    ("please add - the user is remote", "the user is remote"),
    ("could you append that Sam saw it too", "Sam saw it too"),
    ("also, it happens on the 2nd floor too", "it happens on the 2nd floor too"),
    ("Also it crashes again after lunch", "it crashes again after lunch"),
    ("add a note that it's the 65W one", "it's the 65W one"),
])
def test_what_is_added_goes_to_the_ticket_in_view_as_a_comment(said: str, text: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(f"comment #7 {text!r}")
    assert summary(as_the_bot_reads(said, NOTHING_SHOWN)) == f"comment ? {text!r}"


@pytest.mark.parametrize(("said", "expected"), [
    ("add 4 to my list", "free text"),
    ("add that 12 is also affected", "free text"),
    ("also my printer is broken", "free text"),
    ("also, can you close it", "status #7 closed"),
    ("add me to the watchers please", "cannot watch #7"),  # TicketFlow has none: said so
])
def test_adding_something_else_is_not_a_comment_on_the_ticket_in_view(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("change the title to Outlook crashes on any attachment",
     "edit #7 title='Outlook crashes on any attachment'"),
    ("title: Outlook crashes on any attachment", "edit #7 title='Outlook crashes on any attachment'"),
    ("Subject: outlook crashes on attachments", "edit #7 title='Outlook crashes on attachments'"),
    ("set the description to Outlook crashes when opening attachments",
     "edit #7 description='Outlook crashes when opening attachments'"),
    ("description: crashes when opening a PDF", "edit #7 description='crashes when opening a PDF'"),
    ("change the priority to high", "edit #7 priority=high"),
    ("priority: urgent", "edit #7 priority=urgent"),
    ("due date: friday", "edit #7 due=2026-12-04"),
    ("Subject: printer jam, Priority: high", "edit #7 title='Printer jam' priority=high"),
    ("Title: VPN drops; due date: friday; priority: urgent",
     "edit #7 title='VPN drops' priority=urgent due=2026-12-04"),
    ("title: Printer jams\npriority: low", "edit #7 title='Printer jams' priority=low"),
    ("rename it to Outlook crashes on any attachment",
     "edit #7 title='Outlook crashes on any attachment'"),
])
def test_a_field_of_the_ticket_in_view_is_edited(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", ["title: Printer jams, title: Printer broken"])
def test_a_field_labelled_twice_is_not_guessed(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "free text"


@pytest.mark.parametrize(("said", "expected"), [
    ("title: Outlook crashes on any attachment", "free text"),
    ("priority: high", "list all priority=high"),
])
def test_a_field_labelled_with_no_ticket_shown_is_not_guessed_as_an_edit(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, NOTHING_SHOWN)) == expected


@pytest.mark.parametrize(("said", "name"), [
    ("assign 4 to Zed", "Zed"),
    ("give 4 to “Zed”. Or Ann", "Zed Or Ann"),  # quotes and a full stop, as the bot writes
    ("4 -> Zed O'Brien", "Zed O'Brien"),
])
def test_a_name_that_fits_no_one_is_kept_apart_from_the_question_asked_after_it(
    said: str, name: str
) -> None:
    asked = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(asked, Clarify) and asked.unknown is not None
    assert asked.unknown == NoOneNamed(name, "Who should take TKT-2026-0004?")
    assert asked.question == f"I couldn't find “{name}”. Who should take TKT-2026-0004?"
