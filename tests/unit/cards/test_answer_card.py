"""The answer card: valid Adaptive Card 1.5, sources with links, and the right buttons."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from bot.cards.answer import HELP_FEEDBACK, AnswerView, SourceView, answer_card
from bot.cards.elements import MAX_CARD_BYTES, wire_size
from bot.cards.text import ChoiceKind, render_text
from bot.cards.verbs import Verb
from bot.cards.views import Notice, Tone
from tests.unit.cards.reading import every_action, executes, texts
from tests.unit.cards.schema import assert_valid_card

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
