"""`ticketflow chat` reads every card as text with numbered choices that know what they send."""

from __future__ import annotations

import pytest

from bot.cards import (
    ChoiceKind,
    SubmitMode,
    create_ticket_form,
    edit_ticket_form,
    help_card,
    notice_card,
    render_text,
    ticket_card,
    ticket_list_card,
    welcome_card,
)
from bot.cards.text import InputKind, InputOption
from bot.cards.verbs import ALL_FIELDS, REQUESTER_FIELDS
from domain.tickets import TicketStatus
from tests.unit.bot.cards.builders import (
    ADMIN,
    CUSTOMER,
    a_ticket,
    assignee_choices,
    rows,
    view_for,
)

VERSION = a_ticket().version


def test_a_ticket_card_reads_as_header_facts_and_description() -> None:
    rendered = render_text(ticket_card(ticket=view_for(ADMIN, a_ticket())))

    lines = rendered.text.splitlines()
    assert lines[:4] == ["TKT-2026-0041", "VPN drops every hour", "Status: Open", "Priority: High"]
    assert "Assignee: team 3" in lines
    assert "Since Monday the VPN disconnects roughly every hour." in lines


def test_the_ticket_buttons_are_numbered_in_card_order_with_their_kinds() -> None:
    rendered = render_text(
        ticket_card(ticket=view_for(ADMIN, a_ticket()), assignees=assignee_choices())
    )

    assert [(c.number, c.label, c.kind) for c in rendered.choices] == [
        (1, "Assign to me", ChoiceKind.EXECUTE),
        (2, "Start", ChoiceKind.EXECUTE),
        (3, "Resolve", ChoiceKind.EXECUTE),
        (4, "Assign…", ChoiceKind.SHOW_CARD),
        (5, "Comment", ChoiceKind.SHOW_CARD),
        (6, "Open in TicketFlow", ChoiceKind.OPEN_URL),
        (7, "Put on hold", ChoiceKind.EXECUTE),
        (8, "Close", ChoiceKind.EXECUTE),
        (9, "Edit", ChoiceKind.EXECUTE),
    ]
    assert rendered.text.endswith("7. Put on hold\n8. Close\n9. Edit")
    assert [c.secondary for c in rendered.choices] == [False] * 6 + [True] * 3


def test_a_status_button_sends_its_verb_and_data_and_needs_no_input() -> None:
    start = render_text(ticket_card(ticket=view_for(ADMIN, a_ticket()))).choice(2)

    assert start.verb == "ticket.status"
    assert start.inputs == ()
    assert start.submission() == {"ticket_id": 41, "version": VERSION, "status": "in_progress"}


def test_the_assign_show_card_unfolds_into_a_picker_with_its_options_listed() -> None:
    assign = render_text(
        ticket_card(ticket=view_for(ADMIN, a_ticket()), assignees=assignee_choices(3))
    ).choice(4)

    assert assign.card is not None
    assign_button, unassign = assign.card.choices
    (picker,) = assign_button.inputs
    assert (picker.id, picker.kind, picker.required) == ("assignee", InputKind.CHOICE, True)
    assert picker.options[:2] == (InputOption("me", "Me"), InputOption("team:3", "Network team"))
    assert (
        "Assign to (required): —  [choose: Me, Network team, Zoë Ångström-Nakamura 0 (Support)]"
        in assign.card.text
    )
    assert assign_button.submission({"assignee": "team:3"}) == {
        "ticket_id": 41,
        "version": VERSION,
        "assignee": "team:3",
    }
    assert unassign.inputs == () and unassign.submission() == {
        "ticket_id": 41,
        "version": VERSION,
        "assignee": "",
    }


def test_the_comment_show_card_asks_for_a_multiline_comment() -> None:
    comment = render_text(ticket_card(ticket=view_for(CUSTOMER, a_ticket()))).choice(1)

    assert comment.kind is ChoiceKind.SHOW_CARD and comment.card is not None
    (add,) = comment.card.choices
    (box,) = add.inputs
    assert (box.id, box.multiline, box.max_length, box.required) == ("comment", True, 10_000, True)
    assert add.submission({"comment": "Still broken"})["comment"] == "Still broken"


def test_list_rows_are_numbered_choices_that_say_ticket_and_the_number() -> None:
    card = ticket_list_card(
        title="Assigned to you", rows=rows(3), total=25, offset=0, limit=3, query={"kind": "mine"}
    )

    rendered = render_text(card)

    assert rendered.text.splitlines()[:5] == [
        "Assigned to you",
        "1–3 of 25",
        "1. TKT-2026-0001 · VPN drops every hour · Open · High · Unassigned",
        "2. TKT-2026-0002 · VPN drops every hour · Open · High · Dana Scully",
        "3. TKT-2026-0003 · VPN drops every hour · Open · High · Unassigned",
    ]
    assert [(c.kind, c.message) for c in rendered.choices[:3]] == [
        (ChoiceKind.IMBACK, f"ticket TKT-2026-000{n}") for n in (1, 2, 3)
    ]
    next_page = rendered.choice(4)
    assert (next_page.label, next_page.verb) == ("Next", "tickets.page")
    assert next_page.submission() == {"query": {"kind": "mine"}, "offset": 3}


def test_an_empty_list_reads_plainly_with_nothing_to_choose() -> None:
    rendered = render_text(
        ticket_list_card(title="Tickets you filed", rows=[], total=0, offset=0, limit=10, query={})
    )

    assert rendered.text == "Tickets you filed\nNo tickets here."
    assert rendered.choices == []


def test_the_create_button_asks_for_every_field_with_options_and_prefills() -> None:
    rendered = render_text(create_ticket_form(values={"title": "Printer jam"}))

    (create,) = rendered.choices
    fields = {card_input.id: card_input for card_input in create.inputs}
    assert list(fields) == [field.value for field in ALL_FIELDS]
    assert fields["title"].value == "Printer jam" and fields["title"].required
    assert fields["due_date"].kind is InputKind.DATE
    assert [option.title for option in fields["priority"].options] == [
        "Low",
        "Medium",
        "High",
        "Urgent",
    ]
    assert "Due date: —  [YYYY-MM-DD]" in rendered.text
    assert create.submission({"category": "support"}) == {
        "title": "Printer jam",
        "description": "",
        "category": "support",
        "priority": "medium",
        "severity": "normal",
        "due_date": "",
        "tags": "",
    }


def test_a_task_module_form_submits_with_the_verb_in_its_data() -> None:
    (create,) = render_text(create_ticket_form(submit=SubmitMode.SUBMIT)).choices

    assert (create.kind, create.verb) == (ChoiceKind.SUBMIT, "ticket.create")
    assert create.submission({"title": "Hi"})["verb"] == "ticket.create"


def test_field_errors_read_as_warning_lines_under_the_field() -> None:
    rendered = render_text(create_ticket_form(errors={"title": "a title is required"}))

    lines = rendered.text.splitlines()
    assert lines[lines.index("Title (required): —") + 1] == "! a title is required"


def test_edit_form_save_gathers_the_fields_and_cancel_gathers_nothing() -> None:
    rendered = render_text(
        edit_ticket_form(ticket=view_for(CUSTOMER, a_ticket()), fields=REQUESTER_FIELDS)
    )

    save, cancel = rendered.choices
    assert [card_input.id for card_input in save.inputs] == ["title", "description"]
    assert cancel.inputs == () and cancel.verb == "ticket.refresh"


def test_the_welcome_card_offers_three_things_to_say() -> None:
    rendered = render_text(welcome_card(user_name="Dana"))

    assert [(c.label, c.kind, c.message) for c in rendered.choices] == [
        ("New ticket", ChoiceKind.IMBACK, "new ticket"),
        ("My tickets", ChoiceKind.IMBACK, "my tickets"),
        ("Help", ChoiceKind.IMBACK, "help"),
    ]
    assert "A help assistant" in rendered.text


def test_help_and_notice_cards_read_as_text_with_nothing_to_choose() -> None:
    helped = render_text(help_card(commands=[("my tickets", "Tickets assigned to you")]))
    noticed = render_text(
        notice_card(text="Assigned to Dana.", facts=[("Ticket", "TKT-2026-0041")])
    )

    assert "my tickets: Tickets assigned to you" in helped.text and helped.choices == []
    assert noticed.text == "Assigned to Dana.\nTicket: TKT-2026-0041" and noticed.choices == []


def test_nested_action_sets_and_show_cards_gather_their_own_and_their_parents_inputs() -> None:
    card = {
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [
            {"type": "Input.Text", "id": "outer", "label": "Outer"},
            {
                "type": "Container",
                "items": [
                    {
                        "type": "ActionSet",
                        "actions": [
                            {
                                "type": "Action.ShowCard",
                                "title": "More",
                                "card": {
                                    "type": "AdaptiveCard",
                                    "body": [
                                        {"type": "Input.Toggle", "id": "inner", "title": "Sure?"}
                                    ],
                                    "actions": [
                                        {"type": "Action.Execute", "title": "Go", "verb": "x.go"}
                                    ],
                                },
                            },
                            {"type": "Action.Submit", "title": "Send", "data": {"verb": "x.send"}},
                        ],
                    }
                ],
            },
        ],
        "actions": [
            {"type": "Action.Execute", "title": "Top", "verb": "x.top", "associatedInputs": "None"}
        ],
    }

    rendered = render_text(card)

    more, send, top = rendered.choices
    assert [i.id for i in send.inputs] == ["outer"] and send.verb == "x.send"
    assert more.card is not None
    assert [i.id for i in more.card.choice(1).inputs] == ["outer", "inner"]
    assert top.inputs == ()
    assert rendered.text == "Outer: —\n1. More\n2. Send\n\n3. Top"


def test_asking_for_a_missing_choice_or_data_from_a_link_is_an_error() -> None:
    rendered = render_text(
        ticket_card(ticket=view_for(ADMIN, a_ticket(status=TicketStatus.CLOSED)))
    )

    with pytest.raises(LookupError):
        rendered.choice(99)
    link = next(c for c in rendered.choices if c.kind is ChoiceKind.OPEN_URL)
    with pytest.raises(ValueError):
        link.submission()
