"""The answer card: valid Adaptive Card 1.5, sources with links, and the right buttons."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from bot.help_views import ticket_offer
from bot.cards.answer import HELP_FEEDBACK, AnswerView, SourceView, TicketOffer, answer_card
from bot.cards.elements import MAX_CARD_BYTES, wire_size
from bot.cards.text import ChoiceKind, render_text
from bot.cards.verbs import Verb
from bot.cards.views import Notice, Tone
from tests.unit.bot.cards.reading import every_action, executes, texts
from tests.unit.bot.cards.schema import assert_valid_card

SOURCES = (
    SourceView(1, "VPN and Remote Access, page 4", "https://tf.example.com/help/3"),
    SourceView(2, "Rooms guide", None),
)
ANSWERED = AnswerView(
    message_id=41, question="vpn keeps dropping on hotel wifi",
    text="Tick **Use TLS only** in Preferences [1].\n- Or use your phone's hotspot [2].",
    answered=True, sources=SOURCES,
)
UNANSWERED = AnswerView(message_id=43, question="parking permit?",
                        text="I couldn't find this in the help documents.", answered=False)


def variants() -> dict[str, dict[str, Any]]:
    return {
        "answered": answer_card(ANSWERED),
        "unanswered": answer_card(UNANSWERED),
        "rated, with a notice": answer_card(
            replace(ANSWERED, rated=True), notice=Notice("Thanks, glad it helped.", Tone.GOOD)
        ),
        "very long": answer_card(
            AnswerView(message_id=44, question="q " * 300, text="word " * 20_000,
                       answered=True, sources=SOURCES)
        ),
        "title with markdown and json characters": answer_card(
            AnswerView(message_id=45, question='"}{[<b>', text='{"a": 1} [1]', answered=True,
                       sources=(SourceView(1, 'He said "}]', "https://tf.example.com/help/1"),))
        ),
    }


@pytest.mark.parametrize("name", sorted(variants()))
def test_every_answer_card_validates_against_the_1_5_schema(name: str) -> None:
    card = variants()[name]
    assert_valid_card(card)
    assert wire_size(card) <= MAX_CARD_BYTES


def test_an_answer_shows_the_question_the_text_and_each_source_with_its_link() -> None:
    card = answer_card(ANSWERED)

    shown = texts(card)
    assert shown[:2] == [ANSWERED.question, ANSWERED.text]
    assert "Sources" in shown
    assert "[1] VPN and Remote Access, page 4" in shown and "[2] Rooms guide" in shown
    links = [a["url"] for a in every_action(card) if a["type"] == "Action.OpenUrl"]
    assert links == ["https://tf.example.com/help/3"]


def test_an_answer_offers_helpful_not_helpful_and_a_ticket_as_action_execute() -> None:
    buttons = [(a["title"], a["verb"], a.get("data")) for a in executes(answer_card(ANSWERED))]

    assert buttons == [
        ("Helpful", HELP_FEEDBACK, {"message_id": 41, "helpful": True}),
        ("Not helpful", HELP_FEEDBACK, {"message_id": 41, "helpful": False}),
        ("Create a ticket", Verb.HELP_ESCALATE.value, {"message_id": 41}),
    ]


def test_an_unanswered_question_offers_the_ticket_first_and_says_why() -> None:
    card = answer_card(UNANSWERED)

    [button] = executes(card)
    assert (button["title"], button["verb"], button.get("style")) == (
        "Create a ticket", "help.escalate", "positive")
    assert any("goes to the service desk" in text for text in texts(card))
    assert "Sources" not in texts(card)


def test_a_rated_answer_keeps_only_the_ticket_button_and_shows_the_notice() -> None:
    card = answer_card(replace(ANSWERED, rated=True),
                       notice=Notice("Thanks, glad it helped.", Tone.GOOD))

    assert texts(card)[0] == "Thanks, glad it helped."
    assert [a["title"] for a in executes(card)] == ["Create a ticket"]


def test_an_answer_too_long_for_teams_is_shortened_and_says_so() -> None:
    card = variants()["very long"]

    assert wire_size(card) <= MAX_CARD_BYTES
    assert any("too long for a card" in text for text in texts(card))


def test_the_terminal_reads_the_answer_and_its_buttons() -> None:
    rendered = render_text(answer_card(ANSWERED))

    assert "Use TLS only" in rendered.text
    kinds = [(c.label, c.kind) for c in rendered.choices]
    assert ("Helpful", ChoiceKind.EXECUTE) in kinds
    assert ("Create a ticket", ChoiceKind.EXECUTE) in kinds
    assert any(c.kind is ChoiceKind.OPEN_URL for c in rendered.choices)


OFFER = TicketOffer(title="printer on floor 3 jams again", description=None,
                    category="support", nonce="n0nce-n0nce-n0nc")


def test_nothing_found_offers_to_file_the_message_as_a_ticket_in_one_press() -> None:
    card = answer_card(replace(UNANSWERED, offer=OFFER))
    assert_valid_card(card)
    assert "File this as a ticket?" in texts(card)
    file_it, edit_first = executes(card)
    assert (file_it["title"], file_it["verb"], file_it["associatedInputs"]) == (
        "File it", Verb.TICKET_CREATE.value, "none")
    assert file_it["data"] == {"title": OFFER.title, "category": "support",
                               "nonce": OFFER.nonce}
    assert (edit_first["title"], edit_first["verb"]) == ("Edit first", Verb.HELP_ESCALATE.value)


def test_an_answer_that_was_found_or_rated_offers_no_filing() -> None:
    found = answer_card(replace(ANSWERED, offer=OFFER))
    rated = answer_card(replace(UNANSWERED, offer=OFFER, rated=True))
    assert "File it" not in [a["title"] for a in executes(found) + executes(rated)]


def test_the_terminal_numbers_file_it_as_a_choice_that_sends_the_prefilled_ticket() -> None:
    rendered = render_text(answer_card(replace(UNANSWERED, offer=OFFER)))
    [file_it] = [c for c in rendered.choices if c.label == "File it"]
    assert file_it.kind is ChoiceKind.EXECUTE and file_it.inputs == ()
    assert file_it.submission()["title"] == OFFER.title


@pytest.mark.parametrize(("message", "title", "description"), [
    ("printer on floor 3 jams again", "Printer on floor 3 jams again", None),
    ("  vpn keeps dropping on hotel wifi  ", "Vpn keeps dropping on hotel wifi", None),
    ("iPad won't charge", "iPad won't charge", None),
    ("Outlook crashes\n\nEvery time I open the calendar.", "Outlook crashes",
     "Outlook crashes\n\nEvery time I open the calendar."),
    ("word " * 80, ("Word " + "word " * 79)[:250].strip(), "word " * 79 + "word"),
])
def test_a_message_becomes_a_title_and_when_longer_a_description(
    message: str, title: str, description: str | None
) -> None:
    offer = ticket_offer(message)
    assert offer is not None
    assert offer.title.rstrip("…").strip().startswith(title[:200])
    assert len(offer.title) <= 255
    assert offer.description == description
    assert offer.nonce != (ticket_offer(message) or offer).nonce  # a fresh nonce each time


def test_a_follow_up_is_offered_under_the_question_it_followed() -> None:
    offer = ticket_offer("who do I call about that", follows="printer on floor 3 jams again")

    assert offer is not None and offer.title == "Printer on floor 3 jams again"
    assert offer.description == "printer on floor 3 jams again\nwho do I call about that"
    assert ticket_offer(" ", follows="printer on floor 3 jams again") is None


def test_an_empty_message_offers_nothing() -> None:
    assert ticket_offer(" \n ") is None


@pytest.mark.parametrize(("said", "title"), [
    ("hello my outlook not open since morning what i do",
     "My outlook not open since morning what i do"),
    ("Hi, printer on floor 2 jams", "Printer on floor 2 jams"),
    ("good morning team my laptop wont boot", "My laptop wont boot"),
    ("hey there the vpn keeps dropping", "The vpn keeps dropping"),
    # look-alikes: no greeting, or nothing after it
    ("morning meeting room is double booked", "Morning meeting room is double booked"),
    ("hi", "Hi"), ("hello outlook", "Hello outlook"),
    ("hello world program fails to compile", "Hello world program fails to compile"),
])
def test_an_offered_title_starts_after_a_greeting(said: str, title: str) -> None:
    """"hello my outlook not open …" was filed as "Hello my outlook not open …": the greeting
    heads the description, which keeps the message as it was written."""
    offer = ticket_offer(said)
    assert offer is not None and offer.title == title
    assert offer.description == (said if title != said[:1].upper() + said[1:] else None)
