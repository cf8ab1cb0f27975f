"""Help sessions, follow-up questions, and the words questions are compared by."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest

from knowledge.conversation import (
    FOLLOW_UP_WINDOW,
    Dependence,
    Exchange,
    dependence,
    followed_topic,
    follows_up,
    how_much_it_adds,
    leaked,
    lines_adding,
    points_back,
    question_key,
    recent,
    search_text,
    session_id_for,
    swapped,
)
from knowledge.terms import content_terms, stem

NOW = datetime(2026, 3, 2, 9, 0)


def exchange(*, answered_at: datetime | None) -> Exchange:
    return Exchange(session_id="s", user_id="u", question_id=1,
                    question="how do i install the vpn client", answer_id=2, answer="…",
                    document_ids=(), answered_at=answered_at)


def test_a_session_is_stable_per_person_and_conversation_and_fits_the_column() -> None:
    one = session_id_for(place="msteams", conversation_id="a:1personal-x", user_id="u1")

    assert one == session_id_for(place="msteams", conversation_id="a:1personal-x", user_id="u1")
    assert one != session_id_for(place="msteams", conversation_id="a:1personal-x", user_id="u2")
    assert one != session_id_for(place="msteams", conversation_id="19:thread", user_id="u1")
    assert one != session_id_for(place="terminal", conversation_id="a:1personal-x", user_id="u1")
    assert one.startswith("msteams-") and len(one) == len("msteams-") + 32


@pytest.mark.parametrize(
    "question",
    ["and on a mac?", "what about abroad", "how long does it take?", "why?",
     "does that work on my phone too"],
)
def test_short_and_referring_questions_follow_up_on_the_one_before(question: str) -> None:
    assert follows_up(question)


@pytest.mark.parametrize(
    "question",
    ["how long are unreleased print jobs kept in the printer queue",
     "what is the stationery budget per person for each team every quarter"],
)
def test_a_question_with_its_own_topic_stands_alone(question: str) -> None:
    assert not follows_up(question)


@pytest.mark.parametrize(
    "question",
    ["How do I reset my MFA?", "when do my stock options vest", "printer jams",
     "is there a gym discount for staff", "how do i order business cards",
     "vpn keeps dropping on hotel wifi", "is it possible to book a desk"],
)
def test_a_short_question_with_its_own_topic_does_not_depend_on_the_one_before(
    question: str,
) -> None:
    assert dependence(question) is Dependence.NONE


@pytest.mark.parametrize(
    "question",
    ["and on Windows?", "what about the second one?", "how do I undo that?", "why?",
     "same for the printer", "can I do it again"],
)
def test_ellipsis_and_pointing_back_without_a_topic_depend_on_the_one_before(
    question: str,
) -> None:
    assert dependence(question) is Dependence.STRONG


def test_pointing_back_while_naming_a_topic_leaves_it_to_retrieval() -> None:
    assert dependence("does that also apply to printers on the third floor") is Dependence.WEAK


def test_an_answer_citing_the_previous_documents_for_an_unrelated_question_leaked() -> None:
    minute = timedelta(minutes=1)

    assert leaked(question="How do I reset my MFA?", document_ids=[5],
                  previous_document_ids=[5], gap=minute)
    assert not leaked(question="and on a mac?", document_ids=[5],
                      previous_document_ids=[5], gap=minute)
    assert not leaked(question="How do I reset my MFA?", document_ids=[2],
                      previous_document_ids=[5], gap=minute)
    assert not leaked(question="How do I reset my MFA?", document_ids=[5],
                      previous_document_ids=[5], gap=FOLLOW_UP_WINDOW + minute)
    assert not leaked(question="How do I reset my MFA?", document_ids=[],
                      previous_document_ids=[5], gap=minute)


def test_a_follow_up_is_searched_with_the_question_it_follows() -> None:
    previous = exchange(answered_at=NOW)

    assert search_text("and on a mac?", previous) == "how do i install the vpn client and on a mac?"
    assert search_text("and on a mac?", None) == "and on a mac?"
    chained = dataclasses.replace(previous, question="and on a mac?", follow_up=True,
                                  topic="how do i install the vpn client and on a mac?")
    assert search_text("what about linux", chained) == (
        "how do i install the vpn client and on a mac? what about linux")


@pytest.mark.parametrize(("question", "followed"), [
    ("and on a mac?", "how do i install the vpn client"),
    ("who do I call about that", "how do i install the vpn client"),
    # names a topic of its own: searched with the earlier one, but about itself
    ("the printer on floor 3 is jammed again", None),
])
def test_a_follow_up_without_a_topic_of_its_own_is_about_the_question_it_followed(
    question: str, followed: str | None
) -> None:
    previous = exchange(answered_at=NOW)
    asked = dataclasses.replace(previous, question=question, follow_up=True,
                                topic=search_text(question, previous))

    assert followed_topic(asked) == followed
    assert followed_topic(dataclasses.replace(asked, follow_up=False)) is None
    chained = dataclasses.replace(asked, question="and linux?",
                                  topic=search_text("and linux?", asked))
    assert followed_topic(chained) == asked.topic  # a follow-up of a follow-up: both before


def test_an_exchange_answered_before_the_chat_turned_elsewhere_is_no_longer_context() -> None:
    previous = exchange(answered_at=NOW - timedelta(minutes=5))

    assert recent(previous, now=NOW, after=NOW - timedelta(minutes=6)) == previous
    assert recent(previous, now=NOW, after=NOW - timedelta(minutes=1)) is None  # a ticket shown


@pytest.mark.parametrize(("message", "back"), [
    ("can someone call me about it", True), ("how do I undo that?", True),
    ("is anyone looking at this??", True), ("I need the other one", True),
    ("is there a gym discount", False), ("anything due this week", False),
    ("how do I reset my password", False), ("and on a mac?", False),
])
def test_a_word_pointing_back_is_told_from_one_that_points_at_nothing(
    message: str, back: bool
) -> None:
    assert points_back(message) is back


def test_an_exchange_older_than_the_window_is_no_longer_context() -> None:
    assert recent(exchange(answered_at=NOW), now=NOW + FOLLOW_UP_WINDOW) is not None
    later = NOW + FOLLOW_UP_WINDOW + timedelta(seconds=1)
    assert recent(exchange(answered_at=NOW), now=later) is None
    assert recent(exchange(answered_at=None), now=NOW) is None
    assert recent(None, now=NOW) is None


def test_questions_worded_alike_are_counted_as_one() -> None:
    assert question_key("How do I reset  my Password?") == "how do i reset my password"


@pytest.mark.parametrize(
    ("one", "other"),
    [("printers", "printer"), ("booked", "booking"), ("minutes", "minute"), ("dropping", "drop"),
     ("policies", "policy"), ("filed", "file"), ("boxes", "box")],
)
def test_word_forms_match(one: str, other: str) -> None:
    assert stem(one) == stem(other)


def test_question_words_leave_out_the_filler() -> None:
    assert content_terms("How do I get a company credit card?") == ["company", "credit", "card"]


@pytest.mark.parametrize(("follow_up", "earlier", "replaced"), [
    ("and on mac?", "how do i connect to the vpn on windows", {"window"}),
    ("and for a hotel?", "can i claim for a taxi", {"taxi"}),
    ("and on a mac?", "how do I connect to the vpn?", set()),  # no "on" before: nothing swapped
    ("and what about hotels", "how do I claim a taxi", set()),
    ("why?", "how do i connect to the vpn on windows", set()),
    ("and on windows too?", "how do i connect to the vpn on windows", set()),
])
def test_a_follow_up_filling_the_earlier_questions_slot_replaces_its_word(
    follow_up: str, earlier: str, replaced: set[str]
) -> None:
    assert swapped(follow_up, earlier) == replaced


@pytest.mark.parametrize(("follow_up", "quote", "held"), [
    ("and on a mac?", "When macOS asks you to allow the system extension, click Allow.", 1),
    ("and if I lost my phone", "Lost or stolen phone: call the service desk.", 2),
    ("and if I lost my phone", "Add your mobile phone number as a second method.", 1),
    ("and if I lost my phone", "Staff without a smartphone can use a security key.", 1),
    ("and on a mac?", "Open Cisco Secure Client from the Start menu.", 0),
])
def test_a_quote_adds_the_follow_ups_words_it_holds_by_any_name(
    follow_up: str, quote: str, held: int
) -> None:
    assert how_much_it_adds(follow_up, quote) == held


def test_a_list_said_before_is_cut_to_the_lines_about_what_the_follow_up_adds() -> None:
    steps = ("Follow these steps:\n1. Check the internet works.\n"
             "2. Open the client from the Start menu or the menu bar on a Mac.\n3. Click Connect.")

    assert lines_adding("and on a mac?", steps) == \
        "2. Open the client from the Start menu or the menu bar on a Mac."
    assert lines_adding("and on linux?", steps) == steps  # no line about it: left whole
    assert lines_adding("and on a mac?", "On a Mac, open Self Service.") == \
        "On a Mac, open Self Service."
