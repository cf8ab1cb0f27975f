"""Help sessions, follow-up questions, and the words questions are compared by."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from knowledge.conversation import (
    FOLLOW_UP_WINDOW,
    Exchange,
    follows_up,
    question_key,
    recent,
    search_text,
    session_id_for,
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


def test_a_follow_up_is_searched_with_the_question_it_follows() -> None:
    previous = exchange(answered_at=NOW)

    assert search_text("and on a mac?", previous) == "how do i install the vpn client and on a mac?"
    assert search_text("and on a mac?", None) == "and on a mac?"


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
