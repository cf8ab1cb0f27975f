"""The ticket card's latest comments and its History toggle."""

from __future__ import annotations

from typing import Any

from bot.cards import ticket_card
from bot.cards.activity import history_target, worded
from bot.cards.elements import MAX_CARD_BYTES, wire_size
from bot.cards.text import render_text
from bot.cards.views import ActivityView, ChangeView
from domain.validation import COMMENT_MAX
from tests.unit.bot.cards.builders import ADMIN, a_ticket, assignee_choices, view_for
from tests.unit.bot.cards.catalogue import an_activity
from tests.unit.bot.cards.schema import assert_valid_card as validate


def texts(node: object) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") == "TextBlock":
            found.append(node["text"])
        for value in node.values():
            found += texts(value)
    elif isinstance(node, list):
        for item in node:
            found += texts(item)
    return found


def element_with_id(card: dict[str, Any], wanted: str) -> dict[str, Any]:
    for element in card["body"]:
        if element.get("id") == wanted:
            return element
    raise AssertionError(f"no element {wanted}")


def toggles(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [action for element in card["body"] if element.get("type") == "ActionSet"
            for action in element["actions"] if action["type"] == "Action.ToggleVisibility"]


def test_the_card_shows_the_three_latest_comments_with_author_time_and_text() -> None:
    ticket = a_ticket()
    card = ticket_card(ticket=view_for(ADMIN, ticket), activity=an_activity(comments=5))
    shown = texts(card)
    assert "Latest comments (3 of 5)" in shown
    assert [t for t in shown if t.startswith("Swapped")] == [
        "Swapped the toner (2)", "Swapped the toner (3)", "Swapped the toner (4)"]
    assert "Person 4 · 2 Dec 2026, 09:34 UTC" in shown
    assert "Swapped the toner (1)" not in shown


def test_a_few_comments_are_just_comments_and_none_leave_no_heading() -> None:
    ticket = a_ticket()
    few = texts(ticket_card(ticket=view_for(ADMIN, ticket), activity=an_activity(comments=2)))
    none = texts(ticket_card(ticket=view_for(ADMIN, ticket),
                             activity=an_activity(comments=0, changes=0)))
    assert "Comments" in few and not any(t.startswith("Latest comments") for t in few)
    assert "Comments" not in none and not any("History" in t for t in none)


def test_history_is_hidden_behind_a_toggle_that_targets_it() -> None:
    ticket = a_ticket()
    card = ticket_card(ticket=view_for(ADMIN, ticket), activity=an_activity(changes=4))
    [toggle] = toggles(card)
    assert toggle["title"] == "History"
    history = element_with_id(card, history_target(ticket.id))
    assert toggle["targetElements"] == [history["id"]]
    assert history["isVisible"] is False
    assert len(history["items"]) == 4
    assert texts(history)[0] == "Mia Manager · 2 Dec 2026, 09:30 UTC: status: open → 0"
    validate(card)


def test_history_lines_say_who_did_what_in_words() -> None:
    assert worded("created", None, None, "TKT-2026-0001") == "filed the ticket"
    assert worded("status_changed", "status", "open", "in_progress") == \
        "status: open → in progress"
    assert worded("assigned", "assignee", None, "Lee Park") == "assigned it to Lee Park"
    assert worded("unassigned", "assignee", "Team Network", None) == "unassigned Team Network"
    assert worded("commented", "comment", None, "Restarted") == "commented “Restarted”"
    assert worded("updated", "title", "snake_case_name", "Printer") == \
        "title: snake_case_name → Printer"
    assert worded("updated", "due_date", None, "2026-12-24") == "due date: none → 2026-12-24"


def test_long_comments_and_a_long_history_still_fit_in_28_kb() -> None:
    long_text = ("Ошибка “VPN” ⚠️ après la mise à jour; " * 400)[:COMMENT_MAX]
    busy = an_activity(comments=50, changes=10, text=long_text)
    busy = ActivityView(busy.comments, busy.comment_count, tuple(
        ChangeView(c.author * 20, c.at, long_text[:2000]) for c in busy.changes))
    ticket = a_ticket(description=long_text[:5000])
    card = ticket_card(ticket=view_for(ADMIN, ticket), assignees=assignee_choices(100),
                       refresh_user_ids=[f"29:1{n:040d}" for n in range(60)], activity=busy)
    assert wire_size(card) <= MAX_CARD_BYTES
    assert texts(card).count("Latest comments (3 of 50)") == 1
    validate(card)


def test_the_terminal_shows_the_comments() -> None:
    ticket = a_ticket()
    rendered = render_text(ticket_card(ticket=view_for(ADMIN, ticket), activity=an_activity()))
    assert "Swapped the toner (4)" in rendered.text


def test_the_terminal_numbers_the_history_toggle_and_unfolds_the_history() -> None:
    ticket = a_ticket()
    rendered = render_text(ticket_card(ticket=view_for(ADMIN, ticket), activity=an_activity()))
    assert "status: open → 0" not in rendered.text  # hidden until asked for
    [history] = [c for c in rendered.choices if c.label == "History"]
    assert history.card is not None and "Mia Manager" in history.card.text
    assert "status: open → 5" in history.card.text


def test_the_buttons_keep_their_order_and_numbers_whatever_the_history() -> None:
    view = view_for(ADMIN, a_ticket())
    plain = render_text(ticket_card(ticket=view, assignees=assignee_choices()))
    busy = render_text(ticket_card(ticket=view, assignees=assignee_choices(),
                                   activity=an_activity()))
    assert [c.label for c in busy.choices] == [c.label for c in plain.choices] + ["History"]
