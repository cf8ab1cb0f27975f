"""A ticket of the list last shown, named by a word of its title, its place, or "both"."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.understanding.listed import (
    Described, Listed, NotListed, Picked, Unsure, fitting_description, named, pick,
)
from domain.tickets import Category, Priority, Ticket, TicketStatus

QUEUE = (Listed("TKT-2026-0005", "Wifi dead in meeting room B"),
         Listed("TKT-2026-0004", "Switch in room 4 is down"))


@pytest.mark.parametrize(("said", "read"), [
    ("I'll take the switch one", "I'll take TKT-2026-0004"),
    ("close the wifi ticket", "close TKT-2026-0005"),
    ("the Wi-Fi one is fixed 🎉", "TKT-2026-0005 is fixed 🎉"),
    ("show me the second one", "show me TKT-2026-0004"),
    ("assign the last one to me", "assign TKT-2026-0004 to me"),
    ("take the first one pls 🙏", "take TKT-2026-0005 pls 🙏"),
    ("gimme the 2nd one", "gimme TKT-2026-0004"),
    ("close both", "close TKT-2026-0005 and TKT-2026-0004"),
    ("put both of them on hold please", "put TKT-2026-0005 and TKT-2026-0004 on hold please"),
    ("the meeting room one is sorted", "TKT-2026-0005 is sorted"),
    ("ill grab the SWITCH issue", "ill grab TKT-2026-0004"),
    ("close the switches one", "close TKT-2026-0004"),
    # a place said alone, after a list: "what about the second?"
    ("what about the second?", "what about TKT-2026-0004?"),
    ("and the first too", "and TKT-2026-0005 too"),
    ("close the last please", "close TKT-2026-0004 please"),
    ("show me the 2nd", "show me TKT-2026-0004"),
    # several named each by what it is about
    ("assign the wifi one and the switch one to sam", "assign TKT-2026-0005 and TKT-2026-0004 to sam"),
    ("close the switch ticket, and the wifi one too", "close TKT-2026-0004, and TKT-2026-0005 too"),
])
def test_a_listed_ticket_is_read_as_its_number(said: str, read: str) -> None:
    assert pick(said, QUEUE) == Picked(read)


def test_a_second_named_by_words_two_titles_have_is_not_the_first_again() -> None:
    found = pick("close the switch one and the room one", QUEUE)
    assert found == Picked("close TKT-2026-0004 and TKT-2026-0005")


def test_two_listed_titles_that_fit_are_asked_about() -> None:
    found = pick("I'll take the room one", QUEUE)
    assert isinstance(found, Unsure) and found.said == "room"
    assert [says for _, says in found.choices] == ["I'll take TKT-2026-0005",
                                                   "I'll take TKT-2026-0004"]


@pytest.mark.parametrize("said", [
    "I'll take the printer one", "both printers are down", "the other one",
    "close it", "my laptop is the new one", "show me the same one",
    # told about the problem, not asked about a listed ticket (a guessed reopen before)
    "the switch issue is back", "The wifi problem is still there", "the room thing broke again",
    # a place said of something else
    "I was the first", "it broke the first time", "this is the last straw", "for the second time",
    "who was the last to update it?", "the screen flickers at the top", "a crack at the bottom.",
])
def test_a_message_that_names_no_listed_ticket_is_left_as_it_is(said: str) -> None:
    assert pick(said, QUEUE) is None


@pytest.mark.parametrize("said", ["the third one", "close the third", "what about the fifth?"])
def test_a_place_the_list_does_not_have_is_no_ticket_but_said_so(said: str) -> None:
    """Left as it was, "the third one" of a list of two was read as a message of its own
    (offered as a comment on the ticket last worked on)."""
    assert pick(said, QUEUE) == NotListed(said.removeprefix("close ").removeprefix(
        "what about ").rstrip("?"), QUEUE)


def test_with_no_list_shown_nothing_is_picked() -> None:
    assert pick("I'll take the switch one", ()) is None


@pytest.mark.parametrize(("said", "words"), [
    ("I'll take the laptop one", "laptop"),
    ("reassign the outlook ticket to Sam", "outlook"),
    ("any news on the new VPN issue?", "vpn"),
    ("close the Wi-Fi thing pls", "wi-fi"),
    ("the printer issue is back", None),  # tells of the problem
    ("show me the second one", None),  # a place needs a list
    ("I have the same problem", None),
    ("my laptop is broken", None),
    # "my … ticket" names one after a change asked of it; else it is a list, read as said
    ("close my monitor ticket, it works now", "monitor"),
    ("pls resolve my monitor issue", "monitor"),
    ("make my laptop ticket urgent", "laptop"),
    ("assign my printer ticket to sam", "printer"),
    ("Mark my Outlook request as resolved", "outlook"),
    ("show my laptop ticket", None),
    ("any update on my monitor ticket?", None),
    ("close my ticket", None),
    ("close my last ticket", None),
    ("close my open tickets", None),
    ("hand my printer tickets to sam", None),
    ("put my ticket number 4 on hold", None),
    ("my monitor ticket is still broken. close it?", None),
])
def test_a_ticket_named_by_its_subject_gives_the_words_to_look_for(
    said: str, words: str | None
) -> None:
    assert named(said) == words


def test_asking_offers_even_the_one_ticket_that_fits() -> None:
    found = pick("I'll take the switch one", QUEUE, ask=True)
    assert found == Unsure("switch", ((QUEUE[1], "I'll take TKT-2026-0004"),))
    assert pick("I'll take the printer one", QUEUE, ask=True) is None


LONGER = tuple(Listed(f"TKT-2026-00{number}", title) for number, title in (
    (11, "Laptop screen flickers"), (12, "Keyboard missing keys"), (13, "Monitor is dead"),
    (14, "Projector in room 4B")))


@pytest.mark.parametrize(("said", "read"), [
    ("close the first two", "close TKT-2026-0011 and TKT-2026-0012"),
    ("put the top 3 tickets on hold pls",
     "put TKT-2026-0011, TKT-2026-0012 and TKT-2026-0013 on hold pls"),
    ("resolve the last two", "resolve TKT-2026-0013 and TKT-2026-0014"),
    ("the first two are fixed 🎉", "TKT-2026-0011 and TKT-2026-0012 are fixed 🎉"),
    ("close the first and the third", "close TKT-2026-0011 and TKT-2026-0013"),
    ("assign the 1st, 2nd and last ones to me",
     "assign TKT-2026-0011, TKT-2026-0012 and TKT-2026-0014 to me"),
    ("Assign The Second And Fourth One To Sam", "Assign TKT-2026-0012 and TKT-2026-0014 To Sam"),
    ("close all of them now",
     "close TKT-2026-0011, TKT-2026-0012, TKT-2026-0013 and TKT-2026-0014 now"),
    ("take all four", "take TKT-2026-0011, TKT-2026-0012, TKT-2026-0013 and TKT-2026-0014"),
    ("close the last and the first", "close TKT-2026-0011 and TKT-2026-0014"),
])
def test_several_listed_tickets_are_read_as_their_numbers(said: str, read: str) -> None:
    assert pick(said, LONGER) == Picked(read)


@pytest.mark.parametrize("said", [
    "close the first five",  # the list has four
    "close all three",  # which three is not guessed
    "close the second and the second",
    "the first two weeks were fine", "the first and last time I ask",
    "are all of them mine?",
])
def test_places_the_list_does_not_have_or_that_are_no_tickets_are_left_as_said(
    said: str
) -> None:
    assert pick(said, LONGER) is None


@pytest.mark.parametrize(("said", "fields", "read"), [
    ("close the urgent one", {"priority": "urgent"}, "close TKT-2026-0001"),
    ("I'll take the high priority one", {"priority": "high"}, "I'll take TKT-2026-0001"),
    ("what about the low one?", {"priority": "low"}, "what about TKT-2026-0001?"),
    ("show the one on hold", {"status": "on_hold"}, "show TKT-2026-0001"),
    ("the one thats in progress", {"status": "in_progress"}, "TKT-2026-0001"),
    ("gimme the unassigned ticket", {"unassigned": True}, "gimme TKT-2026-0001"),
    ("the one nobody has pls", {"unassigned": True}, "TKT-2026-0001 pls"),
    ("the oldest one", {"newest": False}, "TKT-2026-0001"),
    ("show me the newest one", {"newest": True}, "show me TKT-2026-0001"),
    ("the most recent ticket", {"newest": True}, "TKT-2026-0001"),
    ("the latest one is fixed", {"newest": True}, "TKT-2026-0001 is fixed"),
    ("the most urgent one", {"most_urgent": True}, "TKT-2026-0001"),
    ("the highest priority one", {"most_urgent": True}, "TKT-2026-0001"),
    ("the top priority ticket", {"most_urgent": True}, "TKT-2026-0001"),
])
def test_a_listed_ticket_named_by_how_it_stands_is_described_for_the_tickets_to_say(
    said: str, fields: dict[str, object], read: str
) -> None:
    found = pick(said, QUEUE)
    assert isinstance(found, Described)
    assert {name: getattr(found, name) for name in fields} == fields
    assert found.said_of("TKT-2026-0001") == read


@pytest.mark.parametrize(("said", "read"), [
    ("the top one", "TKT-2026-0005"),  # a place
    ("the last one", "TKT-2026-0004"),
    ("the urgent switch one", "TKT-2026-0004"),  # a word of a title: by the title
    ("close the wifi ticket", "close TKT-2026-0005"),
])
def test_a_place_or_a_title_word_is_read_as_before(said: str, read: str) -> None:
    assert pick(said, QUEUE) == Picked(read)


def _ticket(number: int, *, priority: str = "medium", status: str = "open",
            assignee: str | None = "u-sam", day: int = 1) -> Ticket:
    return Ticket(id=number, ticket_number=f"TKT-2026-{number:04d}", title=f"Ticket {number}",
                  category=Category.SUPPORT, created_by="u-jo",
                  created_at=datetime(2026, 12, day), updated_at=datetime(2026, 12, day),
                  status=TicketStatus(status), priority=Priority(priority), assignee_id=assignee)


LISTED = [_ticket(3, priority="high", day=3), _ticket(1, priority="urgent", day=1),
          _ticket(2, status="on_hold", assignee=None, day=2)]


@pytest.mark.parametrize(("said", "numbers"), [
    ("the urgent one", [1]), ("the medium one", [2]), ("the low one", []),
    ("the one on hold", [2]), ("the open one", [3, 1]), ("the unassigned one", [2]),
    ("the oldest one", [1]), ("the newest one", [3]), ("the most urgent one", [1]),
    ("the newest open one", [3]), ("the oldest high one", [3]),
])
def test_a_description_fits_the_listed_tickets_as_they_are(said: str, numbers: list[int]) -> None:
    described = pick(said, QUEUE)
    assert isinstance(described, Described)
    assert [t.id for t in fitting_description(described, LISTED)] == numbers


@pytest.mark.parametrize(("said", "fields", "read"), [
    ("put the urgent one on hold", {"priority": Priority.URGENT, "status": None},
     "put TKT-2026-0001 on hold"),
    ("pls put the oldest one on hold", {"newest": False, "status": None},
     "pls put TKT-2026-0001 on hold"),
    ("can u move the low one in progress", {"priority": Priority.LOW, "status": None},
     "can u move TKT-2026-0001 in progress"),
    ("set the newest ticket in progress", {"newest": True, "status": None},
     "set TKT-2026-0001 in progress"),
    ("place the high one on hold till monday", {"priority": Priority.HIGH, "status": None},
     "place TKT-2026-0001 on hold till monday"),
    ("Put the Urgent one On Hold 🙏", {"priority": Priority.URGENT, "status": None},
     "Put TKT-2026-0001 On Hold 🙏"),
    # near-misses: which one it is, not what to make it
    ("show the urgent one on hold", {"priority": Priority.URGENT,
                                     "status": TicketStatus.ON_HOLD}, "show TKT-2026-0001"),
    ("the oldest one in progress", {"newest": False, "status": TicketStatus.IN_PROGRESS},
     "TKT-2026-0001"),
    ("put the one on hold back in progress", {"status": TicketStatus.ON_HOLD},
     "put TKT-2026-0001 back in progress"),
])
def test_a_status_to_put_a_described_ticket_in_is_the_change_not_which_one(
    said: str, fields: dict[str, object], read: str
) -> None:
    """'put the urgent one on hold' after a list looked for an urgent ticket already on hold
    ("there's no 'the urgent one on hold'") and nothing changed: 'on hold' after 'put … one'
    is what to make it. Without a verb that puts it somewhere it still says which one."""
    found = pick(said, QUEUE)
    assert isinstance(found, Described)
    assert {name: getattr(found, name) for name in fields} == fields
    assert found.said_of("TKT-2026-0001") == read
