"""The create and edit forms: the contract's inputs, errors that keep what was typed, one set of fields."""

from __future__ import annotations

from typing import Any

import pytest

from bot.cards.elements import card_actions
from bot.cards import SourceLink, SubmitMode, TicketField, create_ticket_form, edit_ticket_form
from bot.cards.elements import MAX_CARD_BYTES, wire_size
from bot.cards.forms import (
    DESCRIPTION_TOO_LONG_TO_EDIT, DESCRIPTION_TOO_LONG_TO_SHOW, DUE_WAS, FIX_FIELDS, PAST_DUE_KEPT,
)
from bot.cards.verbs import ALL_FIELDS, REQUESTER_FIELDS, TICKET_ID, VERSION, Verb
from domain.tickets import Category, Priority, Severity
from tests.unit.bot.cards.builders import ADMIN, CUSTOMER, a_ticket, view_for
from tests.unit.bot.cards.reading import inputs, texts, titled
from tests.unit.bot.cards.schema import assert_valid_card

CONTRACT_INPUTS = {
    "title": "Input.Text",
    "description": "Input.Text",
    "category": "Input.ChoiceSet",
    "priority": "Input.ChoiceSet",
    "severity": "Input.ChoiceSet",
    "due_date": "Input.Date",
    "tags": "Input.Text",
}


def body_ids(card: dict[str, Any]) -> list[str]:
    """Element ids and texts in body order, to see what sits right under what."""
    return [element.get("id") or element.get("text", "") for element in card["body"]]


def test_the_create_form_has_exactly_the_contract_inputs() -> None:
    fields = inputs(create_ticket_form())

    assert {name: element["type"] for name, element in fields.items()} == CONTRACT_INPUTS
    assert fields["title"]["isRequired"] is True and fields["category"]["isRequired"] is True
    assert fields["description"]["isMultiline"] is True


def test_choice_sets_list_every_value_with_a_human_label() -> None:
    fields = inputs(create_ticket_form())

    assert [c["value"] for c in fields["category"]["choices"]] == [c.value for c in Category]
    assert [c["value"] for c in fields["priority"]["choices"]] == [p.value for p in Priority]
    assert [c["value"] for c in fields["severity"]["choices"]] == [s.value for s in Severity]
    assert {"title": "Enhancement", "value": "enhancement"} in fields["category"]["choices"]


def test_a_new_ticket_starts_at_medium_priority_and_normal_severity() -> None:
    fields = inputs(create_ticket_form())

    assert (fields["priority"]["value"], fields["severity"]["value"]) == ("medium", "normal")
    assert "value" not in fields["category"]


def test_the_create_form_prefills_the_values_it_is_given() -> None:
    values = {
        "title": "Printer jam",
        "category": "support",
        "priority": "urgent",
        "due_date": "2026-04-01",
        "tags": "printer, floor-3",
    }

    fields = inputs(create_ticket_form(values=values))

    assert {name: fields[name]["value"] for name in values} == values


def test_an_error_keeps_the_users_input_and_marks_the_field_visibly() -> None:
    typed = {"title": "x" * 300, "description": "Paper everywhere", "tags": "a, b"}
    card = create_ticket_form(
        values=typed, errors={"title": "keep it to 255 characters (it has 300)"}
    )

    fields = inputs(card)
    assert fields["title"]["value"] == "x" * 300
    assert fields["description"]["value"] == "Paper everywhere"
    assert fields["title"]["errorMessage"] == "keep it to 255 characters (it has 300)"
    order = body_ids(card)
    error_line = card["body"][order.index("title") + 1]
    assert (error_line["text"], error_line["color"]) == (
        "keep it to 255 characters (it has 300)",
        "attention",
    )
    assert card["body"][0]["text"] == FIX_FIELDS


def test_an_error_about_no_field_on_the_form_is_shown_at_the_top() -> None:
    view = view_for(CUSTOMER, a_ticket())
    card = edit_ticket_form(
        ticket=view,
        fields=REQUESTER_FIELDS,
        errors={"category": "customers cannot change the category"},
    )

    assert card["body"][0]["text"] == "customers cannot change the category"
    assert FIX_FIELDS not in texts(card)


def test_the_create_form_sends_ticket_create_by_execute_for_bot_cards() -> None:
    button = card_actions(create_ticket_form())[0]

    assert button["type"] == "Action.Execute" and button["verb"] == Verb.TICKET_CREATE
    assert TICKET_ID not in button.get("data", {})


def test_the_create_form_names_the_verb_in_submit_data_for_task_modules() -> None:
    button = card_actions(create_ticket_form(submit=SubmitMode.SUBMIT))[0]

    assert button["type"] == "Action.Submit"
    assert button["data"] == {"verb": "ticket.create"}


def test_the_create_form_carries_its_nonce_in_either_mode() -> None:
    executed = card_actions(create_ticket_form(nonce="f0rm-n0nce"))[0]
    submitted = card_actions(create_ticket_form(submit=SubmitMode.SUBMIT, nonce="f0rm-n0nce"))[0]

    assert executed["data"]["nonce"] == "f0rm-n0nce"
    assert executed["fallback"]["data"]["nonce"] == "f0rm-n0nce"  # older clients press it too
    assert submitted["data"] == {"verb": "ticket.create", "nonce": "f0rm-n0nce"}


def test_the_source_line_links_back_to_the_teams_message() -> None:
    url = "https://teams.microsoft.com/l/message/19:abc/1700000000000"
    card = create_ticket_form(source=SourceLink("Dana's message in #it-help", url))

    assert "From: Dana's message in #it-help" in texts(card)
    assert titled(card, "Open Dana's message in #it-help")["url"] == url


def test_a_requester_edits_only_title_and_description() -> None:
    card = edit_ticket_form(ticket=view_for(CUSTOMER, a_ticket()), fields=REQUESTER_FIELDS)

    assert set(inputs(card)) == {"title", "description"}


def test_staff_edit_every_field_in_form_order_prefilled_with_the_ticket() -> None:
    card = edit_ticket_form(ticket=view_for(ADMIN, a_ticket()), fields=list(reversed(ALL_FIELDS)))

    fields = inputs(card)
    assert list(fields) == [field.value for field in TicketField]
    assert {name: element.get("value") for name, element in fields.items()} == {
        "title": "VPN drops every hour",
        "description": "Since Monday the VPN disconnects roughly every hour.",
        "category": "incident",
        "priority": "high",
        "severity": "major",
        "due_date": "2026-03-09",
        "tags": "vpn, remote",
    }


def test_save_sends_the_ticket_and_version_and_cancel_redraws_the_ticket_without_checking_inputs() -> (
    None
):
    card = edit_ticket_form(ticket=view_for(ADMIN, a_ticket()), fields=ALL_FIELDS)

    save, cancel = titled(card, "Save"), titled(card, "Cancel")
    assert save["verb"] == Verb.TICKET_EDIT and "associatedInputs" not in save
    assert cancel["verb"] == Verb.TICKET_REFRESH and cancel["associatedInputs"] == "none"
    assert cancel["data"] == {TICKET_ID: 41, VERSION: a_ticket().version}
    # Save also says which due date the ticket had: only a new day already past is asked about
    assert save["data"] == {TICKET_ID: 41, VERSION: a_ticket().version, DUE_WAS: "2026-03-09"}


def test_a_redrawn_form_with_a_due_date_already_past_has_the_box_that_keeps_it() -> None:
    errors = {"due_date": "Tue 1 Dec 2026 is in the past: tick the box to keep it."}
    edit = edit_ticket_form(ticket=view_for(ADMIN, a_ticket()), fields=ALL_FIELDS,
                            values={"due_date": "2026-12-01"}, errors=errors, past_due=True)
    create = create_ticket_form(values={"due_date": "2026-12-01"}, errors=errors, past_due=True)

    for card in (edit, create):
        assert_valid_card(card)
        ids = [e.get("id") for e in card["body"]]
        assert ids.index(PAST_DUE_KEPT) == ids.index("due_date") + 2  # under it and its error
        assert [e for e in card["body"] if e.get("id") == PAST_DUE_KEPT][0]["value"] == "false"
    plain = edit_ticket_form(ticket=view_for(ADMIN, a_ticket()), fields=ALL_FIELDS)
    assert PAST_DUE_KEPT not in [e.get("id") for e in plain["body"]]


def test_the_edit_form_has_no_refresh_that_could_swap_it_back_while_typing() -> None:
    assert "refresh" not in edit_ticket_form(ticket=view_for(ADMIN, a_ticket()), fields=ALL_FIELDS)


def test_redrawing_the_edit_form_keeps_the_values_the_user_typed() -> None:
    card = edit_ticket_form(
        ticket=view_for(ADMIN, a_ticket()),
        fields=ALL_FIELDS,
        values={"title": "VPN drops every 5 minutes", "tags": "vpn, " * 25},
        errors={"tags": "use at most 20 tags"},
    )

    fields = inputs(card)
    assert fields["title"]["value"] == "VPN drops every 5 minutes"
    assert fields["tags"]["value"] == "vpn, " * 25
    assert fields["tags"]["errorMessage"] == "use at most 20 tags"


def test_both_forms_draw_a_field_from_the_same_builder() -> None:
    view = view_for(ADMIN, a_ticket())
    created = inputs(create_ticket_form(values={"title": view.title, "category": "incident"}))
    edited = inputs(edit_ticket_form(ticket=view, fields=ALL_FIELDS))

    assert created["title"] == edited["title"]
    assert created["category"] == edited["category"]


def test_an_edit_form_needs_at_least_one_field() -> None:
    with pytest.raises(ValueError, match="at least one field"):
        edit_ticket_form(ticket=view_for(ADMIN, a_ticket()), fields=())


def test_a_description_too_large_for_a_card_is_left_out_of_the_edit_form_rather_than_cut() -> None:
    huge = (
        "Журнал подключения VPN: ошибка 809.\n" * 560
    )  # 20,000 characters, 6 bytes each on the wire
    card = edit_ticket_form(ticket=view_for(ADMIN, a_ticket(description=huge)), fields=ALL_FIELDS)

    assert "description" not in inputs(card)
    assert DESCRIPTION_TOO_LONG_TO_EDIT in texts(card)
    assert wire_size(card) <= MAX_CARD_BYTES


def test_a_description_too_large_to_show_again_on_the_create_form_is_asked_for_again() -> None:
    huge = "日本語の説明。" * 2800
    card = create_ticket_form(
        values={"title": "VPN", "description": huge}, errors={"title": "too short"}
    )

    assert "value" not in inputs(card)["description"]
    assert inputs(card)["title"]["value"] == "VPN"
    assert DESCRIPTION_TOO_LONG_TO_SHOW in texts(card)
    assert wire_size(card) <= MAX_CARD_BYTES
