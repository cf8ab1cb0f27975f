"""Cards stay under Teams' ~28 KB message limit with realistic worst-case inputs.

Sizes are measured as botbuilder sends them (msrest's `json.dumps`: every
non-ASCII character escaped to 6 or 12 bytes), which is the larger of the two
ways a card can travel.
"""

from __future__ import annotations

import pytest

from bot.cards import create_ticket_form, edit_ticket_form, ticket_card, ticket_list_card
from bot.cards.elements import MAX_CARD_BYTES, wire_size
from bot.cards.verbs import ALL_FIELDS, TicketField
from domain.validation import DESCRIPTION_MAX, TITLE_MAX
from tests.unit.bot.cards.builders import ADMIN, a_ticket, assignee_choices, rows, view_for
from tests.unit.bot.cards.catalogue import every_card
from tests.unit.bot.cards.reading import inputs, titled

LONG_TITLE = ("Ünïcödé VPN “drops” every hour — ") * 8
LONG_DESCRIPTION = (
    'Ошибка VPN 809 "timeout" ⚠️ après la mise à jour; see C:\\logs\\vpn.log\n' * 400
)[:DESCRIPTION_MAX]
MANY_TAGS = tuple(f"tag-número-{n:02d}" for n in range(20))


def test_the_worst_case_inputs_are_really_large() -> None:
    assert len(LONG_TITLE[:TITLE_MAX]) == TITLE_MAX
    assert len(LONG_DESCRIPTION) == DESCRIPTION_MAX
    assert wire_size(LONG_DESCRIPTION) > MAX_CARD_BYTES


def test_a_ticket_card_with_a_long_description_and_100_assignees_fits() -> None:
    ticket = a_ticket(title=LONG_TITLE[:TITLE_MAX], description=LONG_DESCRIPTION, tags=MANY_TAGS)
    card = ticket_card(
        ticket=view_for(ADMIN, ticket),
        assignees=assignee_choices(100),
        refresh_user_ids=[f"29:1{n:040d}" for n in range(60)],
        error="x" * 500,
    )

    assert len(inputs(titled(card, "Assign…")["card"])["assignee"]["choices"]) == 100
    assert wire_size(card) <= MAX_CARD_BYTES


def test_a_ten_row_list_of_long_titles_fits() -> None:
    query = {"kind": "search", "text": "vpn " * 50}
    card = ticket_list_card(
        title="Open tickets matching 'vpn'",
        rows=rows(10, title=LONG_TITLE[:TITLE_MAX]),
        total=500,
        offset=250,
        limit=10,
        query=query,
    )

    assert wire_size(card) <= MAX_CARD_BYTES


def test_an_edit_form_with_the_longest_ascii_description_keeps_it_and_fits() -> None:
    ticket = a_ticket(title="t" * TITLE_MAX, description="d" * DESCRIPTION_MAX, tags=MANY_TAGS)

    card = edit_ticket_form(ticket=view_for(ADMIN, ticket), fields=ALL_FIELDS)

    assert any(element.get("value") == "d" * DESCRIPTION_MAX for element in card["body"])
    assert wire_size(card) <= MAX_CARD_BYTES


@pytest.mark.parametrize("fields", [ALL_FIELDS, ALL_FIELDS[:2]], ids=["staff", "requester"])
def test_an_edit_form_with_the_longest_non_ascii_description_fits(
    fields: tuple[TicketField, ...],
) -> None:
    ticket = a_ticket(title=LONG_TITLE[:TITLE_MAX], description=LONG_DESCRIPTION, tags=MANY_TAGS)

    card = edit_ticket_form(
        ticket=view_for(ADMIN, ticket), fields=fields, errors={"title": "é" * 300}
    )

    assert wire_size(card) <= MAX_CARD_BYTES


def test_a_create_form_redrawn_with_long_values_and_every_error_fits() -> None:
    values = {
        "title": LONG_TITLE,
        "description": LONG_DESCRIPTION,
        "tags": ", ".join(MANY_TAGS * 3),
    }
    errors = {field.value: "ce champ n’est pas valide — " * 5 for field in ALL_FIELDS}

    assert wire_size(create_ticket_form(values=values, errors=errors)) <= MAX_CARD_BYTES


@pytest.mark.parametrize("name", sorted(every_card()))
def test_every_catalogued_card_fits(name: str) -> None:
    assert wire_size(every_card()[name]) <= MAX_CARD_BYTES
