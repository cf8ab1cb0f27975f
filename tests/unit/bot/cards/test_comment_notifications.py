"""A comment's words travel with its notifications: the personal card and the card's thread."""

from __future__ import annotations

from bot.cards.notification import NotificationCardSet
from domain.events import EventType
from domain.tickets import FieldChange
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


def test_the_thread_hears_an_edit_with_its_new_values_but_not_long_free_text() -> None:
    edit = a_notice(EventType.UPDATED, headline="Priority, due date and description changed by Lee",
                    changes=(FieldChange("priority", "Medium", "Urgent"),
                             FieldChange("due date", None, "2026-12-24"),
                             FieldChange("description", "old words", "new words")))
    cleared = a_notice(EventType.UPDATED, headline="Estimate changed by Lee",
                       changes=(FieldChange("estimate", "4", None),))
    retitled = a_notice(EventType.UPDATED, headline="Title changed by Lee",
                        changes=(FieldChange("title", "VPN", "VPN drops " + "hourly " * 20),))

    assert thread_line(edit) == ("Priority, due date and description changed by Lee: "
                                 "priority Medium → Urgent; due date set to 2026-12-24")
    assert thread_line(cleared) == "Estimate changed by Lee: estimate cleared"
    assert thread_line(retitled).startswith("Title changed by Lee: title VPN → VPN drops hourly")
    assert thread_line(retitled).endswith("…")
    notes_only = a_notice(EventType.UPDATED, headline="Notes changed by Lee",
                          changes=(FieldChange("notes", None, "vendor blames relay"),))
    assert thread_line(notes_only) == "Notes changed by Lee"
