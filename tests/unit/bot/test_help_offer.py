"""Reading a typed answer to "File this as a ticket?", and when the offer still stands."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.help_offer import (
    MAX_DETAILS,
    AskedAssistant,
    OfferReply,
    asks_for_a_ticket,
    asks_for_a_ticket_for_it,
    goes_on,
    not_helped_then_asks,
    offer_reply,
    still_after_unhelpful, unhelpful,
)
from knowledge.citations import Citation, with_sources
from knowledge.conversation import Exchange

ASKED_AT = datetime(2026, 12, 4, 9, 0)


@pytest.mark.parametrize("said", [
    "yes", "Yes.", "YES PLEASE", "yes please!", "y", "yep", "yeah", "yup", "sure", "Sure!",
    "ok", "okay", "ok do it", "go ahead", "please do", "do it", "file it",
    "please file it", "file it please", "pls file it", "yes file it", "sure, file it",
    "create a ticket", "could you create a ticket", "raise one pls", "log it", "open a ticket",
    "sounds good", "that would be great", "👍", "yep 👍", "Yeah go ahead", "yes that would be great",
    "alright", "ok then", "of course", "absolutely", "yes please, thanks", "yes pls",
])
def test_a_yes_takes_the_offer(said: str) -> None:
    assert offer_reply(said) is OfferReply.TAKE


@pytest.mark.parametrize("said", [
    "no", "No.", "no thanks", "no thank you", "nope", "nah", "not now", "not yet",
    "no need", "never mind", "nevermind", "forget it", "leave it", "cancel", "don't",
    "don’t file it", "no, it's fine", "its fine", "all good", "no it's ok", "👎",
    "it's sorted", "it's fixed now", "Fixed it!", "never mind, it's fixed",
])
def test_a_no_declines_it(said: str) -> None:
    assert offer_reply(said) is OfferReply.DECLINE


@pytest.mark.parametrize("said", [
    "edit first", "Edit", "let me add details", "let me edit it", "add more details",
    "ok, let me add details",
])
def test_edit_first_asks_for_details(said: str) -> None:
    assert offer_reply(said) is OfferReply.EDIT


@pytest.mark.parametrize("said", [
    "", "   ", "yes, and the scanner on floor 2 is broken too", "yes but not the printer",
    "my tickets", "new ticket", "close 4", "is it fixed yet?", "who is working on it",
    "no, the printer on floor 2", "yes " * 40, "the printer is still jammed",
    "ok so what now", "thanks", "it's urgent", "ok thanks", "thank you",
])
def test_anything_more_is_a_message_of_its_own(said: str) -> None:
    assert offer_reply(said) is None


def _exchange(question: str, answer: str) -> Exchange:
    return Exchange(session_id="s", user_id="u", question_id=1, question=question, answer_id=2,
                    answer=answer, document_ids=(), answered_at=ASKED_AT)


NOTHING_FOUND = "I couldn't find this in the help documents."
FOUND = with_sources("Sign in with your email [1].", [
    Citation(number=1, document_id=3, title="Wi-Fi Networks", page=None)])


def test_the_offer_stands_for_an_unanswered_exchange_of_that_message_for_thirty_minutes() -> None:
    asked = AskedAssistant("printer  jams\nagain", ASKED_AT)
    unanswered = _exchange("printer jams again", NOTHING_FOUND)

    assert asked.stands(unanswered, now=ASKED_AT + timedelta(minutes=30))
    assert not asked.stands(unanswered, now=ASKED_AT + timedelta(minutes=31))
    assert not asked.stands(_exchange("printer jams again", FOUND), now=ASKED_AT)
    assert not asked.stands(_exchange("something else", NOTHING_FOUND), now=ASKED_AT)
    assert not asked.stands(None, now=ASKED_AT)


def test_an_answer_not_stored_yet_is_on_its_way_for_two_minutes() -> None:
    asked = AskedAssistant("printer jams again", ASKED_AT)
    earlier = _exchange("an older question", NOTHING_FOUND)

    assert asked.answering(None, now=ASKED_AT + timedelta(seconds=5))
    assert asked.answering(earlier, now=ASKED_AT + timedelta(minutes=2))
    assert not asked.answering(earlier, now=ASKED_AT + timedelta(minutes=3))
    assert not asked.answering(_exchange("printer jams again", NOTHING_FOUND), now=ASKED_AT)


@pytest.mark.parametrize("stored", [None, "", "not json", '{"message": 3}', "[]",
                                    '{"message": "x", "asked_at": "yesterday"}', 42])
def test_state_this_version_cannot_read_is_no_offer(stored: object) -> None:
    assert AskedAssistant.decode(stored) is None


def test_what_is_stored_reads_back() -> None:
    asked = AskedAssistant("printer jams again", ASKED_AT)
    assert AskedAssistant.decode(asked.encode()) == asked


@pytest.mark.parametrize("said", [
    "it's urgent, I have a client meeting at 2", "It’s urgent", "its really urgent",
    "also the screen flickers", "and it beeps three times", "I already tried another charger",
    "I've tried restarting it twice", "ive tried a different cable", "tried rebooting",
    "it keeps happening every morning", "the error says E-204", "error 809 again",
    "still the same after a restart", "since Monday", "btw it's the one by the window",
    "it won't even show the logo", "Forgot to say: it's a Dell", "already restarted",
    # what was tried, as typed in a hurry or in a second language
    "i try restart already not work", "I tryed reinstall, same", "i restarted it twice",
    "i reboot the phone but still same",
])
def test_a_message_that_goes_on_about_the_problem_adds_to_it(said: str) -> None:
    assert goes_on(said)


@pytest.mark.parametrize("said", [
    "yes", "no thanks", "how do I reset my password?", "it's fixed?", "my tickets",
    "close 12", "also close #12", "it's about ticket 12", "the vpn drops on hotel wifi",
    "new ticket", "printer jams", "and what about the scanner?", "",
    "it's working now", "It's working now, thanks!", "its working",
    "i tried to reset my password how?", "i restarted it, works now thanks", "i trust it",
])
def test_a_new_question_or_request_does_not(said: str) -> None:
    assert not goes_on(said)


def test_what_was_added_goes_into_the_description_and_the_title_stays() -> None:
    asked = AskedAssistant("laptop won't turn on", ASKED_AT)
    more = asked.adding("it's urgent, client meeting at 2")
    assert more is not None
    more = more.adding("  I already tried another charger ")
    assert more is not None

    offer = more.offer()

    assert offer is not None and offer.title == "Laptop won't turn on"
    assert offer.description == ("laptop won't turn on\nit's urgent, client meeting at 2\n"
                                 "I already tried another charger")
    assert AskedAssistant.decode(more.encode()) == more
    assert more.stands(_exchange("laptop won't turn on", NOTHING_FOUND), now=ASKED_AT)


def test_an_offer_takes_ten_additions_at_most() -> None:
    asked = AskedAssistant("printer jams", ASKED_AT)
    for number in range(MAX_DETAILS):
        grown = asked.adding(f"also {number}")
        assert grown is not None
        asked = grown
    assert asked.adding("also one more") is None


def test_an_addition_is_kept_to_what_a_description_can_hold() -> None:
    grown = AskedAssistant("printer jams", ASKED_AT).adding("also " + "x" * 64_000)
    assert grown is not None and len(grown.details[0]) == 2000


@pytest.mark.parametrize("said", [
    "yes please log a ticket", "can you raise a ticket for this?", "ok then file a ticket",
    "log it", "Please open a ticket for me", "create ticket", "file a support request please",
    "can u log this pls", "could you put in a ticket for this", "Raise a case then",
])
def test_asking_outright_for_the_problem_to_be_filed(said: str) -> None:
    assert asks_for_a_ticket(said)
    assert not not_helped_then_asks(said)


@pytest.mark.parametrize("said", [
    "that didnt work, can you log a ticket", "That didn't help. Please log a ticket",
    "still broken, can you raise a ticket", "didn't work. open a ticket pls",
    "no luck, create a ticket", "nope didnt help - raise a case then",
    "that did not help at all, so could you please raise a ticket for me",
    "I tried that already, file a ticket please", "not what i asked. can u log this pls",
])
def test_the_answer_not_helping_then_a_ticket_asked_is_that_ask(said: str) -> None:
    assert asks_for_a_ticket(said) and not_helped_then_asks(said)


@pytest.mark.parametrize("said", [
    "yes", "ok", "thanks", "new ticket", "show my tickets", "open a ticket for my printer",
    "my printer is broken, log a ticket", "log a ticket for the network team",
    "raise a new ticket about the vpn", "comment on ticket 4", "file TKT-2026-0004",
    "how do I log a ticket for a broken monitor when the portal is down",
    # a new problem, or a detail, before the ask: not the question answered
    "my screen is broken too, can you log a ticket", "nope, still full. log it please",
    "the vpn didnt work, open a ticket for the wifi",
])
def test_anything_else_is_not_that_ask(said: str) -> None:
    assert not asks_for_a_ticket(said)


@pytest.mark.parametrize("said", [
    "create ticket from this", "create a ticket from this", "make a ticket of this",
    "make a ticket out of this pls", "turn this into a ticket", "turn it into a ticket please",
    "can you make this into a ticket", "file this as a ticket",
])
def test_a_ticket_asked_to_be_made_from_what_was_asked_is_that_ask(said: str) -> None:
    """Found after an answer that did not help: "create ticket from this" was "Sorry, I didn't
    get …", and "make a ticket of this" was asked of the help assistant, which offered to file
    "make a ticket of this" itself as the ticket."""
    assert asks_for_a_ticket(said)


@pytest.mark.parametrize("said", [
    "create a ticket from my email", "turn the printer into a ticket",
    "how do I create a ticket from an email?", "make a ticket of the vpn issue",
    "turn this into a pdf",
])
def test_a_ticket_made_from_something_else_is_not_that_ask(said: str) -> None:
    assert not asks_for_a_ticket(said)


@pytest.mark.parametrize("said", [
    "yes make a ticket for it", "can you raise that as a ticket", "ok file it",
    "put that in a ticket", "ticket it", "new ticket for it", "open one for it",
    "actually yes make a ticket for it", "turn it into a ticket please", "raise that",
])
def test_a_ticket_asked_for_it_points_back_at_what_was_asked(said: str) -> None:
    """Said after another message, "it" was taken for the title, which the bot asked for."""
    assert asks_for_a_ticket(said) and asks_for_a_ticket_for_it(said)


@pytest.mark.parametrize("said", [
    "make a ticket", "log a ticket please", "open one for me", "create a ticket",
    "make a ticket: vpn drops every hour", "new ticket vpn drops every hour",
    "open a ticket for my printer", "is it a ticket?", "what ticket is that",
    "new ticket", "which ticket is it", "show it", "close it",
])
def test_a_ticket_asked_for_without_pointing_back_is_not_for_it(said: str) -> None:
    assert not asks_for_a_ticket_for_it(said)


@pytest.mark.parametrize(("said", "expected"), [
    ("didnt help", True), ("That didn't work.", True), ("still not working!!", True),
    ("no luck 😕", True), ("Nope", True), ("👎", True), ("sorry, that's not what I asked", True),
    ("ok still doesnt work thanks", True),
    # said in other words (they were declined as questions and offered as tickets titled
    # "that did not help")
    ("that did not help", True), ("This was not helpful at all.", True),
    ("this isn't helpful", True), ("nope, that is not what I asked", True),
    ("sadly it doesn't work for me", True), ("your answer didn't really answer my question", True),
    ("I tried that already", True), ("those steps made no difference", True),
    ("That was useless", True), ("it is not working", True), ("did not work unfortunately", True),
    ("hmm that didnt fix it", True), ("no good", True), ("still no luck sorry", True),
    ("not what I was looking for tbh", True), ("it did not work", True),
    ("it didn't help that the printer is old", False), ("help", False),
    ("the vpn still does not work after the update, what now?", False), ("thanks!", False),
    ("my mouse is not working", False), ("wrong printer", False), ("that worked", False),
    ("it works now", False), ("not working since monday", False), ("that's it, thanks", False),
])
def test_an_answer_that_did_not_help_is_told_apart(said: str, expected: bool) -> None:
    assert unhelpful(said) is expected


@pytest.mark.parametrize(("said", "still"), [
    # every suggestion tried (they went to the help documents as a question: "none of that
    # helped, I still cant print" was answered from the Wi-Fi guide)
    ("none of that helped", None), ("None of these worked.", None), ("Nothing there worked", None),
    ("that doesn't help me at all", None), ("tried all that already", None),
    ("I did all that", None), ("ive tried everything", None),
    # the problem told again after saying so
    ("none of that helped, I still cant print", "I still cant print"),
    ("that didnt work, i still can't print", "i still can't print"),
    ("tried that, still not working", "still not working"),
    ("i did all that and it still wont connect", "it still wont connect"),
    ("Didn't help - my laptop still won't boot", "my laptop still won't boot"),
])
def test_every_suggestion_tried_and_the_problem_told_again_is_an_answer_that_did_not_help(
    said: str, still: str | None
) -> None:
    assert unhelpful(said)
    assert still_after_unhelpful(said) == still


@pytest.mark.parametrize("said", [
    "ok thanks, i still need a new laptop", "yes, it still wont connect", "thanks, that helped",
    "none of my tickets", "none of that is my problem", "I tried restarting, it still wont connect",
    "that worked, but i still cant scan", "how do i print, it still wont",
])
def test_a_problem_told_after_something_else_is_no_verdict_on_the_answer(said: str) -> None:
    assert not unhelpful(said) and still_after_unhelpful(said) is None
