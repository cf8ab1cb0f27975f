"""The help, welcome and notice cards say what the bot does and what happened."""

from __future__ import annotations

from bot.cards.elements import card_actions
from bot.cards import CompanyView, Tone, help_card, notice_card, welcome_card
from bot.cards.about import CAPABILITIES
from tests.unit.bot.cards.reading import every_action, facts, texts


def test_the_help_card_lists_the_commands_it_is_given_and_no_others() -> None:
    commands = [("new ticket", "File a ticket"), ("my tickets", "Tickets assigned to you")]

    card = help_card(commands=commands)

    assert facts(card) == dict(commands)
    assert not every_action(card)


def test_the_help_card_says_the_three_things_the_bot_does() -> None:
    shown = texts(help_card(commands=[]))

    for title, description in CAPABILITIES:
        assert title in shown and description in shown


def test_the_welcome_card_says_the_three_things_and_what_to_try() -> None:
    card = welcome_card(user_name="Dana", company=CompanyView(name="Acme"))

    shown = texts(card)
    assert shown[0] == "Hi Dana, welcome to Acme"
    assert [title for title, _ in CAPABILITIES] == [
        "File and work tickets by chat",
        "Channel notifications with buttons",
        "A help assistant",
    ]
    assert all(title in shown for title, _ in CAPABILITIES)
    assert "Try: new ticket, my tickets, help" in shown


def test_the_welcome_buttons_say_the_commands_for_the_user() -> None:
    card = welcome_card()

    assert [action["data"]["msteams"] for action in card_actions(card)] == [
        {"type": "imBack", "value": "new ticket"},
        {"type": "imBack", "value": "my tickets"},
        {"type": "imBack", "value": "help"},
    ]


def test_a_notice_shows_its_text_in_its_tone_with_optional_facts() -> None:
    card = notice_card(
        text="TKT-2026-0041 was not changed.",
        tone=Tone.ATTENTION,
        title="You can't do that",
        facts=[("Reason", "customers cannot assign tickets")],
    )

    assert card["body"][0] == {
        "type": "TextBlock",
        "text": "You can't do that",
        "wrap": True,
        "size": "medium",
        "weight": "bolder",
        "color": "attention",
    }
    assert "TKT-2026-0041 was not changed." in texts(card)
    assert facts(card) == {"Reason": "customers cannot assign tickets"}


def test_a_plain_confirmation_is_one_line_and_no_buttons() -> None:
    card = notice_card(text="Assigned to Dana.", tone=Tone.GOOD)

    assert texts(card) == ["Assigned to Dana."]
    assert card["body"][0]["color"] == "good"
    assert "actions" not in card
