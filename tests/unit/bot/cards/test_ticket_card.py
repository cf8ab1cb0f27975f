"""The ticket card shows the ticket and exactly the buttons its viewer may press."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.cards.elements import card_actions
from bot.cards import AssigneeOption, CompanyView, Notice, Tone, ticket_card
from bot.cards.elements import MAX_PRIMARY_ACTIONS
from bot.cards.labels import ELLIPSIS
from bot.cards.ticket import DESCRIPTION_PREVIEW
from bot.cards.verbs import TICKET_ID, VERSION, Verb
from domain.access import TicketAction
from domain.tickets import AssigneeType, TicketStatus
from tests.unit.bot.cards.builders import (
    ADMIN,
    AGENT,
    CUSTOMER,
    EVERYONE,
    WEB_URL,
    a_ticket,
    assignee_choices,
    view_for,
)
from tests.unit.bot.cards.reading import executes, facts, inputs, texts, ticket_actions_on, titled
from tests.unit.bot.cards.schema import InvalidCard, assert_valid_card

A = TicketAction


def face_titles(card: dict[str, Any]) -> list[str]:
    return [action["title"] for action in card_actions(card) if action.get("mode") != "secondary"]


def overflow_titles(card: dict[str, Any]) -> list[str]:
    return [action["title"] for action in card_actions(card) if action.get("mode") == "secondary"]


def test_a_customer_sees_only_comment_and_edit_on_their_open_ticket() -> None:
    card = ticket_card(ticket=view_for(CUSTOMER, a_ticket()))

    assert ticket_actions_on(card) == {A.COMMENT, A.EDIT}
    assert face_titles(card) == ["Comment", "Open in TicketFlow"]
    assert overflow_titles(card) == ["Edit"]


def test_a_customer_sees_only_comment_and_reopen_on_their_resolved_ticket() -> None:
    card = ticket_card(ticket=view_for(CUSTOMER, a_ticket(status=TicketStatus.RESOLVED)))

    assert ticket_actions_on(card) == {A.COMMENT, A.REOPEN}
    assert titled(card, "Reopen")["data"]["status"] == "open"


def test_an_agent_in_the_queue_team_can_take_start_and_resolve_but_not_edit_someone_elses_ticket() -> (
    None
):
    card = ticket_card(ticket=view_for(AGENT, a_ticket()), assignees=assignee_choices())

    assert ticket_actions_on(card) == {
        A.ASSIGN_TO_ME,
        A.ASSIGN,
        A.START,
        A.HOLD,
        A.RESOLVE,
        A.CLOSE,
        A.COMMENT,
    }
    assert face_titles(card) == [
        "Assign to me",
        "Start",
        "Resolve",
        "Assign…",
        "Comment",
        "Open in TicketFlow",
    ]
    assert overflow_titles(card) == ["Put on hold", "Close"]


def test_an_admin_gets_every_action_with_the_rarer_ones_in_the_overflow_menu() -> None:
    card = ticket_card(ticket=view_for(ADMIN, a_ticket()), assignees=assignee_choices())

    assert ticket_actions_on(card) == set(A) - {A.REOPEN}
    assert overflow_titles(card) == ["Put on hold", "Close", "Edit"]


@pytest.mark.parametrize("status", list(TicketStatus))
@pytest.mark.parametrize("role", list(EVERYONE))
def test_the_buttons_match_the_viewers_actions_exactly(role: str, status: TicketStatus) -> None:
    view = view_for(EVERYONE[role], a_ticket(status=status))

    card = ticket_card(ticket=view, assignees=assignee_choices())

    assert ticket_actions_on(card) == set(view.actions)


@pytest.mark.parametrize("status", list(TicketStatus))
@pytest.mark.parametrize("role", list(EVERYONE))
def test_no_ticket_card_puts_more_than_six_buttons_on_its_face(
    role: str, status: TicketStatus
) -> None:
    card = ticket_card(ticket=view_for(EVERYONE[role], a_ticket(status=status)))

    assert len(face_titles(card)) <= MAX_PRIMARY_ACTIONS


def test_every_button_and_the_refresh_carry_the_ticket_id_and_version_it_was_drawn_from() -> None:
    card = ticket_card(ticket=view_for(ADMIN, a_ticket()), assignees=assignee_choices())

    buttons = executes(card)
    assert len(buttons) == 10  # 8 on the bar and in show cards, Unassign, and the refresh
    for button in buttons:
        assert button["data"][TICKET_ID] == 41
        assert button["data"][VERSION] == a_ticket().version


def test_assign_offers_a_filtered_required_picker_of_the_given_people_and_teams() -> None:
    choices = [
        AssigneeOption("me", "Me"),
        AssigneeOption("team:3", "Network team"),
        AssigneeOption("u-dana", "Dana Scully"),
    ]
    card = ticket_card(ticket=view_for(ADMIN, a_ticket()), assignees=choices)

    picker = titled(card, "Assign…")["card"]["body"][0]
    assert picker["type"] == "Input.ChoiceSet" and picker["id"] == "assignee"
    assert picker["style"] == "filtered" and picker["isRequired"] is True
    assert picker["choices"] == [
        {"title": "Me", "value": "me"},
        {"title": "Network team", "value": "team:3"},
        {"title": "Dana Scully", "value": "u-dana"},
    ]
    assign = titled(card, "Assign")
    assert assign["verb"] == Verb.TICKET_ASSIGN and "assignee" not in assign["data"]


def test_the_assign_picker_asks_teams_to_search_everyone_else_as_the_viewer_types() -> None:
    card = ticket_card(ticket=view_for(ADMIN, a_ticket()), assignees=[AssigneeOption("me", "Me")])
    picker = titled(card, "Assign…")["card"]["body"][0]
    assert picker["choices.data"] == {"type": "Data.Query", "dataset": "ticketflow.assignees"}
    assert picker["choices"] == [{"title": "Me", "value": "me"}]


@pytest.mark.parametrize("query", [
    {"type": "Data.Query"},
    {"type": "Data.Query", "dataset": ""},
    {"type": "Query", "dataset": "ticketflow.assignees"},
    {"type": "Data.Query", "dataset": "ticketflow.assignees", "associatedInputs": "all"},
    {"type": "Data.Query", "dataset": "ticketflow.assignees", "count": "15"},
    {"type": "Data.Query", "dataset": "ticketflow.assignees", "filter": "x"},
])
def test_the_card_check_refuses_a_data_query_teams_would_not_understand(
    query: dict[str, object]
) -> None:
    card = ticket_card(ticket=view_for(ADMIN, a_ticket()), assignees=[AssigneeOption("me", "Me")])
    titled(card, "Assign…")["card"]["body"][0]["choices.data"] = query
    with pytest.raises(InvalidCard):
        assert_valid_card(card)


def test_unassign_is_offered_only_when_someone_is_assigned_and_skips_the_picker() -> None:
    assigned = ticket_card(ticket=view_for(ADMIN, a_ticket()), assignees=assignee_choices())
    unassigned = ticket_card(
        ticket=view_for(ADMIN, a_ticket(assignee_team_id=None)), assignees=assignee_choices()
    )

    unassign = titled(assigned, "Unassign")
    assert unassign["data"]["assignee"] == "" and unassign["associatedInputs"] == "none"
    assert [a["title"] for a in card_actions(titled(unassigned, "Assign…")["card"])] == ["Assign"]


def test_assign_to_me_sends_me_as_the_assignee() -> None:
    card = ticket_card(ticket=view_for(AGENT, a_ticket()))

    assert titled(card, "Assign to me")["data"]["assignee"] == "me"


def test_the_comment_box_is_a_required_multiline_input_of_at_most_10000_characters() -> None:
    card = ticket_card(ticket=view_for(CUSTOMER, a_ticket()))

    comment = inputs(titled(card, "Comment")["card"])["comment"]
    assert comment["isMultiline"] is True and comment["isRequired"] is True
    assert comment["maxLength"] == 10_000
    assert titled(card, "Add comment")["verb"] == Verb.TICKET_COMMENT


def test_edit_sends_no_inputs_so_the_bot_answers_with_the_form() -> None:
    edit = titled(ticket_card(ticket=view_for(ADMIN, a_ticket())), "Edit")

    assert edit["verb"] == Verb.TICKET_EDIT
    assert edit["associatedInputs"] == "none"
    assert set(edit["data"]) == {TICKET_ID, VERSION}


def test_status_buttons_send_the_status_they_move_to() -> None:
    card = ticket_card(ticket=view_for(ADMIN, a_ticket()))

    sent = {
        title: titled(card, title)["data"]["status"]
        for title in ("Start", "Put on hold", "Resolve", "Close")
    }
    assert sent == {
        "Start": "in_progress",
        "Put on hold": "on_hold",
        "Resolve": "resolved",
        "Close": "closed",
    }


def test_the_refresh_block_redraws_the_ticket_for_the_listed_users() -> None:
    card = ticket_card(ticket=view_for(ADMIN, a_ticket()), refresh_user_ids=["29:1a", "29:2b"])

    assert card["refresh"]["action"]["verb"] == Verb.TICKET_REFRESH
    assert card["refresh"]["userIds"] == ["29:1a", "29:2b"]


def test_the_refresh_block_leaves_out_user_ids_when_none_are_given() -> None:
    card = ticket_card(ticket=view_for(ADMIN, a_ticket()))

    assert card["refresh"]["action"]["type"] == "Action.Execute"
    assert "userIds" not in card["refresh"]


def test_the_facts_say_status_priority_severity_category_assignee_requester_due_and_last_update() -> (
    None
):
    card = ticket_card(ticket=view_for(AGENT, a_ticket(status=TicketStatus.IN_PROGRESS)))

    assert facts(card) == {
        "Status": "In progress",
        "Priority": "High",
        "Severity": "Major",
        "Category": "Incident",
        "Assignee": "team 3",
        "Requester": "Carla Customer",
        "Due": "9 Mar 2026",
        "Tags": "vpn, remote",
        "Last update": "2 Mar 2026, 09:15 UTC",
    }


def test_an_unassigned_ticket_without_due_date_or_severity_says_so_plainly() -> None:
    ticket = a_ticket(
        assignee_type=AssigneeType.USER,
        assignee_team_id=None,
        due_date=None,
        severity=None,
        tags=(),
    )

    shown = facts(ticket_card(ticket=view_for(ADMIN, ticket)))

    assert shown["Assignee"] == "Unassigned"
    assert not {"Due", "Severity", "Tags"} & set(shown)


def test_a_long_description_is_trimmed_to_about_600_characters_with_an_ellipsis() -> None:
    description = "The VPN client shows error 809 and disconnects. " * 40
    card = ticket_card(ticket=view_for(ADMIN, a_ticket(description=description)))

    shown = texts(card)[-1]
    assert shown.endswith(ELLIPSIS)
    assert DESCRIPTION_PREVIEW - 60 < len(shown) <= DESCRIPTION_PREVIEW
    assert description.startswith(shown[:-1].rstrip())


def test_a_short_description_is_shown_whole_and_a_missing_one_not_at_all() -> None:
    with_text = ticket_card(ticket=view_for(ADMIN, a_ticket()))
    without = ticket_card(ticket=view_for(ADMIN, a_ticket(description="   ")))

    assert texts(with_text)[-1] == "Since Monday the VPN disconnects roughly every hour."
    assert texts(without)[-1] == "VPN drops every hour"


def test_a_notice_and_an_error_head_the_card_in_their_colours() -> None:
    card = ticket_card(
        ticket=view_for(ADMIN, a_ticket()),
        notice=Notice("Assigned to Dana.", Tone.GOOD),
        error="You cannot assign this ticket to that team.",
    )

    notice, error = card["body"][0], card["body"][1]
    assert (notice["text"], notice["color"]) == ("Assigned to Dana.", "good")
    assert (error["text"], error["color"]) == (
        "You cannot assign this ticket to that team.",
        "attention",
    )


def test_a_stale_card_notice_can_be_drawn_in_attention_colour() -> None:
    notice = Notice(
        "TKT-2026-0041 changed since you last saw it — this is the current version.", Tone.ATTENTION
    )

    card = ticket_card(ticket=view_for(ADMIN, a_ticket()), notice=notice)

    assert card["body"][0]["color"] == "attention"


def test_open_in_ticketflow_appears_only_with_a_web_url() -> None:
    linked = ticket_card(ticket=view_for(CUSTOMER, a_ticket()))
    unlinked = ticket_card(ticket=view_for(CUSTOMER, a_ticket(), web_url=None))

    assert titled(linked, "Open in TicketFlow")["url"] == WEB_URL
    assert "Open in TicketFlow" not in face_titles(unlinked)


def test_the_header_shows_number_and_title_and_the_company_when_given() -> None:
    card = ticket_card(ticket=view_for(ADMIN, a_ticket()), company=CompanyView(name="Acme"))

    assert texts(card)[:2] == ["Acme · TKT-2026-0041", "VPN drops every hour"]


def test_user_text_with_json_and_markdown_characters_arrives_unchanged() -> None:
    title = 'Quote " brace } ${ticket.title} {{DATE(x)}} \\ back'
    card = ticket_card(ticket=view_for(ADMIN, a_ticket(title=title)))

    assert json.loads(json.dumps(card)) == card
    assert title in texts(card)


def test_the_card_is_version_1_5_and_full_width_in_teams() -> None:
    card = ticket_card(ticket=view_for(ADMIN, a_ticket()))

    assert (card["type"], card["version"], card["msteams"]) == (
        "AdaptiveCard",
        "1.5",
        {"width": "Full"},
    )
    assert "$schema" not in card
