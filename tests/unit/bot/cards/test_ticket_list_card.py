"""The ticket list: tappable rows that open a ticket, and paging only where there is more."""

from __future__ import annotations

from typing import Any

from bot.cards.elements import card_actions
from bot.cards import ticket_list_card
from bot.cards.ticket_list import EMPTY_TEXT
from bot.cards.verbs import OFFSET, QUERY, TICKET_ID, Verb
from tests.unit.bot.cards.builders import rows
from tests.unit.bot.cards.reading import executes, texts

QUERY_SENT = {"kind": "search", "text": "vpn", "statuses": ["open"], "nested": {"page_size": 10}}


def page(*, shown: int, total: int, offset: int, limit: int = 10) -> dict[str, Any]:
    return ticket_list_card(
        title="Open tickets matching 'vpn'",
        rows=rows(shown, start=offset + 1),
        total=total,
        offset=offset,
        limit=limit,
        query=QUERY_SENT,
    )


def paging(card: dict[str, Any]) -> dict[str, int]:
    return {button["title"]: button["data"][OFFSET] for button in card_actions(card)}


def test_each_row_opens_its_ticket_as_a_new_message_by_saying_ticket_and_the_number() -> None:
    card = page(shown=3, total=3, offset=0)

    row_actions = [element["selectAction"] for element in card["body"] if "selectAction" in element]
    assert [action["type"] for action in row_actions] == ["Action.Submit"] * 3
    assert [action["data"] for action in row_actions] == [
        {"msteams": {"type": "imBack", "value": f"ticket TKT-2026-{n:04d}"}} for n in (1, 2, 3)
    ]


def test_a_row_shows_number_title_status_priority_and_assignee() -> None:
    card = page(shown=2, total=2, offset=0)

    shown = texts(card)
    assert shown[:2] == ["Open tickets matching 'vpn'", "1–2 of 2"]
    assert shown[2:5] == ["TKT-2026-0001", "VPN drops every hour", "Open · High · Unassigned"]
    assert shown[7] == "Open · High · Dana Scully"


def test_the_first_page_offers_only_next() -> None:
    assert paging(page(shown=10, total=37, offset=0)) == {"Next": 10}


def test_a_middle_page_offers_previous_and_next() -> None:
    card = page(shown=10, total=37, offset=10)

    assert paging(card) == {"Previous": 0, "Next": 20}
    assert "11–20 of 37" in texts(card)


def test_the_last_page_offers_only_previous() -> None:
    card = page(shown=7, total=37, offset=30)

    assert paging(card) == {"Previous": 20}
    assert "31–37 of 37" in texts(card)


def test_a_single_page_has_no_paging_buttons() -> None:
    assert "actions" not in page(shown=4, total=4, offset=0)


def test_previous_never_goes_before_the_first_ticket() -> None:
    assert paging(page(shown=5, total=20, offset=5, limit=10))["Previous"] == 0


def test_paging_passes_the_query_back_untouched_and_carries_no_ticket() -> None:
    for button in executes(page(shown=10, total=37, offset=10)):
        assert button["verb"] == Verb.TICKETS_PAGE
        assert button["data"][QUERY] == QUERY_SENT
        assert TICKET_ID not in button["data"]


def test_an_empty_list_says_so_and_offers_no_paging() -> None:
    card = page(shown=0, total=0, offset=0)

    assert texts(card) == ["Open tickets matching 'vpn'", EMPTY_TEXT]
    assert "actions" not in card


def test_a_page_past_the_end_says_it_is_empty_and_offers_the_way_back() -> None:
    card = page(shown=0, total=15, offset=20)

    assert EMPTY_TEXT in texts(card)
    assert paging(card) == {"Previous": 10}
