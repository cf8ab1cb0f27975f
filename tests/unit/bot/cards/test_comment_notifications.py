"""A comment's words travel with its notifications: the personal card and the card's thread."""

from __future__ import annotations

from bot.cards.notification import NotificationCardSet
from domain.events import EventType
from notify.deliverers import thread_line
from tests.unit.bot.cards.builders import a_notice
from tests.unit.bot.cards.reading import texts

CARDS = NotificationCardSet()


def test_a_personal_comment_notification_carries_the_comment() -> None:
    notice = a_notice(EventType.COMMENTED, headline="Lee Adama commented on your ticket")

    card = CARDS.personal_card(notice)

    assert any(
        "Lee Adama commented on your ticket: Rebooted the router; watching it." in text
        for text in texts(card)
    )


def test_a_long_comment_is_trimmed_in_the_personal_card() -> None:
    notice = a_notice(EventType.COMMENTED, comment_excerpt="word " * 400)

    card = CARDS.personal_card(notice)

    [said] = [text for text in texts(card) if "word word" in text]
    assert said.endswith("…") and len(said) < 400


def test_the_thread_hears_a_comment_with_its_author_and_other_changes_as_one_line() -> None:
    comment = a_notice(EventType.COMMENTED, headline="Lee Adama commented")

    assert thread_line(comment) == "Lee Adama commented: Rebooted the router; watching it."
    assert thread_line(a_notice()) == "Assigned to Dana Scully by Lee Adama"
