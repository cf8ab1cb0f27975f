"""Notification cards are valid Adaptive Cards 1.5, fit 28 KB, and webhook ones only open links."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.cards.elements import MAX_CARD_BYTES, wire_size
from bot.cards.notification import (
    OPEN_IN_TEAMS,
    OPEN_IN_TICKETFLOW,
    NotificationCardSet,
    webhook_card,
)
from domain.events import EventType
from domain.notifications import TicketNotice
from domain.tickets import FieldChange
from notify.deliverers import webhook_message
from tests.unit.bot.cards.builders import TEAMS_URL, WEB_URL, a_notice, a_ticket
from tests.unit.bot.cards.reading import every_action, facts, texts
from tests.unit.bot.cards.schema import assert_valid_card

TEAMS_MESSAGE_LIMIT = 28 * 1024
CARDS = NotificationCardSet()


def enormous_notice() -> TicketNotice:
    """Every text at its domain maximum, in characters JSON escapes to 12 bytes each."""
    emoji = "🎫"
    return a_notice(
        EventType.UPDATED,
        ticket=a_ticket(title=emoji * 255, description=emoji * 20_000),
        headline=emoji * 500,
        actor_label=emoji * 300,
        requester_label=emoji * 300,
        assignee_label=emoji * 300,
        company_name=emoji * 255,
        changes=tuple(FieldChange(f"field {n}", emoji * 20_000, emoji * 20_000) for n in range(10)),
        comment_excerpt=emoji * 500,
    )


@pytest.mark.parametrize("event", list(EventType))
def test_the_webhook_card_for_every_event_validates_against_the_1_5_schema(
    event: EventType,
) -> None:
    assert_valid_card(webhook_card(a_notice(event)))


def test_the_webhook_card_offers_only_links_to_the_web_app_and_to_teams() -> None:
    card = webhook_card(a_notice())

    assert [(a["type"], a["title"], a["url"]) for a in every_action(card)] == [
        ("Action.OpenUrl", OPEN_IN_TICKETFLOW, WEB_URL),
        ("Action.OpenUrl", OPEN_IN_TEAMS, TEAMS_URL),
    ]


def test_without_a_bot_app_id_the_card_has_no_open_in_teams_button() -> None:
    card = webhook_card(a_notice(teams_url=None))

    assert [a["title"] for a in every_action(card)] == [OPEN_IN_TICKETFLOW]


def test_the_card_shows_the_ticket_what_happened_and_what_changed() -> None:
    card = webhook_card(a_notice())

    assert texts(card)[:3] == [
        "Acme · TKT-2026-0041",
        "VPN drops every hour",
        "Assigned to Dana Scully by Lee Adama",
    ]
    assert facts(card)["Assignee"] == "team Network → Dana Scully"
    assert facts(card)["Status"] == "Open"
    assert facts(card)["Requester"] == "Carla Customer"


def test_a_comment_notification_quotes_the_comment() -> None:
    assert "Rebooted the router; watching it." in texts(webhook_card(a_notice(EventType.COMMENTED)))


def test_the_largest_possible_card_still_fits_and_validates() -> None:
    card = webhook_card(enormous_notice())

    assert wire_size(card) <= MAX_CARD_BYTES
    assert len(json.dumps(webhook_message(card)).encode()) <= TEAMS_MESSAGE_LIMIT
    assert_valid_card(card)
    assert "Acme" not in json.dumps(card)  # the texts were cut, not the structure


def test_a_card_under_the_limit_is_not_cut() -> None:
    notice = a_notice(ticket=a_ticket(description="x" * 600))

    assert "x" * 600 in texts(webhook_card(notice))


@pytest.mark.parametrize("build", [CARDS.channel_card, CARDS.personal_card])
def test_bot_notification_cards_validate_and_carry_the_viewers_buttons(build: Any) -> None:
    card = build(a_notice())

    assert_valid_card(card)
    assert any(action["type"] == "Action.Execute" for action in every_action(card))


def test_the_personal_card_is_the_ticket_card_headed_by_what_happened() -> None:
    card = CARDS.personal_card(a_notice())

    assert texts(card)[0] == "Assigned to Dana Scully by Lee Adama"
    assert "VPN drops every hour" in texts(card)


def test_a_webhook_card_never_shows_the_internal_notes_even_when_a_notice_carries_them() -> None:
    """A webhook posts to a channel everyone in it reads: the notice leaves the notes out,
    and the card does not show them should one carry them all the same."""
    notice = a_notice(
        EventType.UPDATED,
        ticket=a_ticket(notes="refund refused: legal hold"),
        headline="Title changed by Lee Adama",
        changes=(FieldChange("notes", None, "refund refused: legal hold"),
                 FieldChange("Notes ", "call back", "legal hold"),
                 FieldChange("title", "VPN", "VPN drops every hour")),
    )

    card = json.dumps(webhook_card(notice))

    assert "refund" not in card and "legal" not in card and "call back" not in card
    assert facts(webhook_card(notice))["Title"] == "VPN → VPN drops every hour"
