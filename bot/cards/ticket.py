"""The ticket card: what a ticket is now, and the buttons this viewer may press.

Buttons come only from `TicketView.actions` (the domain's `available_actions`),
so the card never offers what the bot would refuse. Less frequent actions go to
the overflow menu (`mode: secondary`) so that Teams never has to hide a button:
at most six stay on the card's face.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from bot.cards.activity import comment_blocks, history_blocks
from bot.cards.elements import (
    MAX_CARD_BYTES,
    ActionMode,
    JsonObject,
    adaptive_card,
    choice_set,
    execute,
    fact_set,
    open_url,
    show_card,
    text_block,
    text_input,
    wire_size,
)
from bot.cards.labels import day_label, label, moment_label, trimmed
from bot.cards.messages import message_blocks
from bot.cards.verbs import (
    ASSIGN_TO_ME,
    ASSIGNEE,
    ASSIGNEE_DATASET,
    COMMENT,
    STATUS,
    UNASSIGN,
    Verb,
    ticket_data,
)
from bot.cards.views import ActivityView, AssigneeOption, CompanyView, Notice, TicketView
from domain.access import TicketAction
from domain.tickets import TicketStatus
from domain.validation import COMMENT_MAX

DESCRIPTION_PREVIEW = 600

_STATUS_BUTTONS: Mapping[TicketAction, tuple[str, TicketStatus]] = {
    TicketAction.START: ("Start", TicketStatus.IN_PROGRESS),
    TicketAction.HOLD: ("Put on hold", TicketStatus.ON_HOLD),
    TicketAction.RESOLVE: ("Resolve", TicketStatus.RESOLVED),
    TicketAction.CLOSE: ("Close", TicketStatus.CLOSED),
    TicketAction.REOPEN: ("Reopen", TicketStatus.OPEN),
}
_FACE = (
    TicketAction.ASSIGN_TO_ME,
    TicketAction.START,
    TicketAction.RESOLVE,
    TicketAction.REOPEN,
    TicketAction.ASSIGN,
    TicketAction.COMMENT,
)
_OVERFLOW = (TicketAction.HOLD, TicketAction.CLOSE, TicketAction.EDIT)


def ticket_card(
    *,
    ticket: TicketView,
    assignees: Sequence[AssigneeOption] = (),
    notice: Notice | None = None,
    error: str | None = None,
    refresh_user_ids: Sequence[str] = (),
    company: CompanyView | None = None,
    activity: ActivityView = ActivityView(),
    history_open: bool = False,
) -> JsonObject:
    """The card for one ticket.

    `assignees` are the "Assign…" picker's static choices (the viewer and their teams);
    everyone else the viewer may assign to is found by the picker's typeahead search; `refresh_user_ids` (Teams user ids,
    at most 60 are auto-refreshed by Teams) lists who gets the card redrawn for
    them when they look at it. `activity` (latest comments, history) gives way,
    oldest first, when the card would pass the 28 KB Teams takes.
    """
    while True:
        body = [
            *message_blocks(notice=notice, error=error),
            *_header(ticket, company),
            fact_set(_facts(ticket)),
            *_description(ticket),
            *comment_blocks(activity),
        ]
        card = adaptive_card(
            body, ticket_buttons(ticket, assignees), refresh=_refresh(ticket, refresh_user_ids)
        )
        card["body"] += history_blocks(ticket.id, activity, open_=history_open)
        if wire_size(card) <= MAX_CARD_BYTES or activity == ActivityView():
            return card
        activity = _smaller(activity)


def _smaller(activity: ActivityView) -> ActivityView:
    if activity.changes:
        return replace(activity, changes=activity.changes[: len(activity.changes) // 2])
    return replace(activity, comments=activity.comments[1:])


def ticket_buttons(
    ticket: TicketView, assignees: Sequence[AssigneeOption] = ()
) -> list[JsonObject]:
    """The card's action bar: the viewer's actions on its face, the rarer ones in overflow."""
    data = ticket_data(ticket.id, ticket.version)
    face = [
        _button(action, ticket, data, assignees) for action in _FACE if action in ticket.actions
    ]
    if ticket.web_url:
        face.append(open_url("Open in TicketFlow", ticket.web_url))
    overflow = [
        _button(action, ticket, data, assignees, mode=ActionMode.SECONDARY)
        for action in _OVERFLOW
        if action in ticket.actions
    ]
    return face + overflow


def _button(
    action: TicketAction,
    ticket: TicketView,
    data: Mapping[str, Any],
    assignees: Sequence[AssigneeOption],
    *,
    mode: ActionMode = ActionMode.PRIMARY,
) -> JsonObject:
    if action in _STATUS_BUTTONS:
        title, status = _STATUS_BUTTONS[action]
        style = "positive" if status is TicketStatus.RESOLVED else None
        return execute(
            title, Verb.TICKET_STATUS, {**data, STATUS: status.value}, style=style, mode=mode
        )
    if action is TicketAction.ASSIGN_TO_ME:
        return execute(
            "Assign to me", Verb.TICKET_ASSIGN, {**data, ASSIGNEE: ASSIGN_TO_ME}, mode=mode
        )
    if action is TicketAction.ASSIGN:
        return _assign_picker(ticket, data, assignees)
    if action is TicketAction.COMMENT:
        return _comment_box(data)
    if action is TicketAction.EDIT:
        # No inputs go with it: that is how the bot tells "show the form" from "save".
        return execute("Edit", Verb.TICKET_EDIT, data, mode=mode, without_inputs=True)
    raise ValueError(f"no button for {action!r}")  # pragma: no cover - every action is mapped


def _assign_picker(
    ticket: TicketView, data: Mapping[str, Any], assignees: Sequence[AssigneeOption]
) -> JsonObject:
    picker = choice_set(
        ASSIGNEE,
        [(choice.value, choice.title) for choice in assignees],
        label="Assign to",
        placeholder="Type a name or a team",
        required=True,
        error_message="Choose a person or a team",
        filtered=True,
        dataset=ASSIGNEE_DATASET,
    )
    buttons = [execute("Assign", Verb.TICKET_ASSIGN, data, style="positive")]
    if ticket.assignee_label is not None:
        buttons.append(
            execute(
                "Unassign",
                Verb.TICKET_ASSIGN,
                {**data, ASSIGNEE: UNASSIGN},
                without_inputs=True,
            )
        )
    return show_card("Assign…", [picker], buttons)


def _comment_box(data: Mapping[str, Any]) -> JsonObject:
    box = text_input(
        COMMENT,
        label="Comment",
        placeholder="Write a comment",
        multiline=True,
        max_length=COMMENT_MAX,
        required=True,
        error_message="Write something first",
    )
    return show_card(
        "Comment", [box], [execute("Add comment", Verb.TICKET_COMMENT, data, style="positive")]
    )


def shared_ticket_card(
    *, ticket: TicketView, refresh_user_ids: Sequence[str] = (), company: CompanyView | None = None,
) -> JsonObject:
    """A ticket link unfurled in a chat: what the sender shares (no description, no
    comments, no buttons but the link); the people in `refresh_user_ids` get their own
    ticket card, with their buttons, when Teams refreshes it for them."""
    facts = [("Status", label(ticket.status)), ("Priority", label(ticket.priority)),
             ("Assignee", ticket.assignee_label or "Unassigned")]
    actions = [open_url("Open in TicketFlow", ticket.web_url)] if ticket.web_url else []
    return adaptive_card([*_header(ticket, company), fact_set(facts)], actions,
                         refresh=_refresh(ticket, refresh_user_ids))


def shared_ticket_preview(ticket: TicketView) -> JsonObject:
    """The thumbnail Teams shows in the compose box before the message is sent."""
    return {
        "title": trimmed(f"{ticket.number} · {ticket.title}", 120),
        "text": f"{label(ticket.status)} · {label(ticket.priority)} · "
                f"{ticket.assignee_label or 'Unassigned'}",
    }


def _header(ticket: TicketView, company: CompanyView | None) -> list[JsonObject]:
    kicker = f"{company.name} · {ticket.number}" if company else ticket.number
    return [
        text_block(kicker, size="small", weight="bolder", color="accent"),
        text_block(ticket.title, size="large", weight="bolder", spacing="none"),
    ]


def _facts(ticket: TicketView) -> list[tuple[str, str]]:
    facts = [
        ("Status", label(ticket.status)),
        ("Priority", label(ticket.priority)),
    ]
    if ticket.severity is not None:
        facts.append(("Severity", label(ticket.severity)))
    facts += [
        ("Category", label(ticket.category)),
        ("Assignee", ticket.assignee_label or "Unassigned"),
        ("Requester", ticket.requester_label),
    ]
    if ticket.due_date is not None:
        day = day_label(ticket.due_date)
        facts.append(("Due", f"{day} · {ticket.due_hint}" if ticket.due_hint else day))
    if ticket.tags:
        facts.append(("Tags", ", ".join(ticket.tags)))
    facts.append(("Last update", moment_label(ticket.updated_at)))
    return facts


def _description(ticket: TicketView) -> list[JsonObject]:
    if not ticket.description or not ticket.description.strip():
        return []
    return [text_block(trimmed(ticket.description, DESCRIPTION_PREVIEW), separator=True)]


def shown_ticket(card: Mapping[str, Any]) -> int | None:
    """The id of the ticket a card from `ticket_card` shows (its refresh names it); None
    for any other card."""
    refresh = card.get("refresh")
    action = refresh.get("action") if isinstance(refresh, Mapping) else None
    if not isinstance(action, Mapping) or action.get("verb") != Verb.TICKET_REFRESH.value:
        return None
    data = action.get("data")
    ticket_id = data.get("ticket_id") if isinstance(data, Mapping) else None
    return ticket_id if isinstance(ticket_id, int) else None


def _refresh(ticket: TicketView, user_ids: Sequence[str]) -> JsonObject:
    refresh: JsonObject = {
        "action": {
            "type": "Action.Execute",
            "verb": Verb.TICKET_REFRESH.value,
            "data": ticket_data(ticket.id, ticket.version),
        }
    }
    if user_ids:
        refresh["userIds"] = list(user_ids)
    return refresh
