"""The create and edit forms, both drawn from the one set of fields in `fields.py`.

When the bot rejects a form it draws it again with the user's values and an
error per field, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from enum import StrEnum

from bot.cards.elements import (
    MAX_CARD_BYTES,
    JsonObject,
    adaptive_card,
    container,
    execute,
    open_url,
    text_block,
    toggle,
    wire_size,
)
from bot.cards.elements import submit as submit_action
from bot.cards.fields import form_blocks, unplaced_errors
from bot.cards.messages import message_blocks
from bot.cards.verbs import ALL_FIELDS, VERB, TicketField, Verb, ticket_data
from bot.cards.views import CompanyView, SourceLink, TicketView, Tone
from domain.tickets import Priority, Severity

CREATE_DEFAULTS: Mapping[str, str] = {
    TicketField.PRIORITY: Priority.MEDIUM.value,
    TicketField.SEVERITY: Severity.NORMAL.value,
}
NONCE = "nonce"
PAST_DUE_KEPT = "due_date_past_kept"
"""The box a form shows under a due date already past: ticked, the day is meant."""
DUE_WAS = "due_was"
"""The edit form's Save data: the due date the ticket had, which is kept without asking."""
KEEP_PAST_DUE = "Keep this day: it was due then"
FIX_FIELDS = "Please check the fields marked below."
DESCRIPTION_TOO_LONG_TO_EDIT = (
    "The description is too long to edit in Teams; edit it in TicketFlow."
)
DESCRIPTION_TOO_LONG_TO_SHOW = (
    "Your description was too long to show again here; please paste it again."
)


class SubmitMode(StrEnum):
    """How the create button sends the form.

    Bot cards use `Action.Execute` (the answer replaces the card); task modules
    and the message extension only understand `Action.Submit`, whose data then
    names the verb under `verb`.
    """

    EXECUTE = "Action.Execute"
    SUBMIT = "Action.Submit"


def create_ticket_form(
    *,
    values: Mapping[str, str] | None = None,
    errors: Mapping[str, str] | None = None,
    submit: SubmitMode = SubmitMode.EXECUTE,
    source: SourceLink | None = None,
    error: str | None = None,
    company: CompanyView | None = None,
    nonce: str | None = None,
    past_due: bool = False,
) -> JsonObject:
    """The "new ticket" form, prefilled with `values` (field → text) and marked with `errors`.

    `nonce` goes into the button's data: a double-tapped Create sends it twice, and the
    endpoint runs the second press as a resend of the first. `past_due`: the due date is
    already past, and a box under it keeps it when ticked.
    """
    shown = {**CREATE_DEFAULTS, **(values or {})}
    errors = errors or {}
    after = _past_due_box(past_due)
    heading = f"New {company.name} ticket" if company else "New ticket"
    header = [
        *_messages(error, errors, ALL_FIELDS),
        text_block(heading, size="large", weight="bolder"),
        *_source(source),
    ]
    once = {NONCE: nonce} if nonce else {}
    if submit is SubmitMode.EXECUTE:
        button = execute("Create ticket", Verb.TICKET_CREATE, once, style="positive")
    else:
        button = submit_action(
            "Create ticket", {VERB: Verb.TICKET_CREATE.value, **once}, style="positive"
        )
    card = adaptive_card(
        [*header, *form_blocks(ALL_FIELDS, values=shown, errors=errors, after=after)], [button])
    if wire_size(card) <= MAX_CARD_BYTES or not shown.get(TicketField.DESCRIPTION):
        return card
    shown[TicketField.DESCRIPTION] = ""
    header.append(text_block(DESCRIPTION_TOO_LONG_TO_SHOW, color=Tone.ATTENTION.value))
    return adaptive_card(
        [*header, *form_blocks(ALL_FIELDS, values=shown, errors=errors, after=after)], [button])


def _past_due_box(past_due: bool) -> dict[TicketField, list[JsonObject]]:
    return {TicketField.DUE_DATE: [toggle(PAST_DUE_KEPT, KEEP_PAST_DUE)]} if past_due else {}


def edit_ticket_form(
    *,
    ticket: TicketView,
    fields: Collection[TicketField],
    values: Mapping[str, str] | None = None,
    errors: Mapping[str, str] | None = None,
    error: str | None = None,
    company: CompanyView | None = None,
    past_due: bool = False,
) -> JsonObject:
    """The edit form with only `fields`, prefilled from the ticket (or from `values`, when redrawn).

    It carries no `refresh` block: an automatic refresh would swap the form back
    to the ticket card while the user is typing. Save carries the due date the ticket
    had (`DUE_WAS`): a day already past is asked about only when it is a new one
    (`past_due`: the box under it keeps it when ticked).
    """
    if not fields:
        raise ValueError("an edit form needs at least one field")
    chosen = [field for field in ALL_FIELDS if field in fields]
    shown = {**ticket_form_values(ticket), **(values or {})}
    errors = errors or {}
    after = _past_due_box(past_due)
    data = ticket_data(ticket.id, ticket.version)
    saved = {**data, DUE_WAS: ticket_form_values(ticket)[TicketField.DUE_DATE]}
    heading = f"Edit {company.name} ticket {ticket.number}" if company else f"Edit {ticket.number}"
    header = [
        *_messages(error, errors, chosen),
        text_block(heading, size="large", weight="bolder"),
        text_block(ticket.title, subtle=True, spacing="none"),
    ]
    buttons = [
        execute("Save", Verb.TICKET_EDIT, saved, style="positive"),
        # Cancel must not make the client check (and refuse) half-filled inputs.
        execute("Cancel", Verb.TICKET_REFRESH, data, without_inputs=True),
    ]
    card = adaptive_card(
        [*header, *form_blocks(chosen, values=shown, errors=errors, after=after)], buttons)
    if wire_size(card) <= MAX_CARD_BYTES or TicketField.DESCRIPTION not in chosen:
        return card
    # Prefilling less would erase the rest on save; leave the description out instead.
    chosen.remove(TicketField.DESCRIPTION)
    header.append(text_block(DESCRIPTION_TOO_LONG_TO_EDIT, color=Tone.WARNING.value))
    if not chosen:
        buttons = [open_url("Open in TicketFlow", ticket.web_url)] if ticket.web_url else []
        buttons.append(execute("Back", Verb.TICKET_REFRESH, data, without_inputs=True))
    return adaptive_card(
        [*header, *form_blocks(chosen, values=shown, errors=errors, after=after)], buttons)


def ticket_form_values(ticket: TicketView) -> dict[str, str]:
    """The ticket's current values as the form inputs hold them."""
    return {
        TicketField.TITLE: ticket.title,
        TicketField.DESCRIPTION: ticket.description or "",
        TicketField.CATEGORY: ticket.category.value,
        TicketField.PRIORITY: ticket.priority.value,
        TicketField.SEVERITY: ticket.severity.value if ticket.severity else "",
        TicketField.DUE_DATE: ticket.due_date.date().isoformat() if ticket.due_date else "",
        TicketField.TAGS: ", ".join(ticket.tags),
    }


def _messages(
    error: str | None, errors: Mapping[str, str], fields: Sequence[TicketField]
) -> list[JsonObject]:
    stray = unplaced_errors(errors, fields)
    blocks = message_blocks(error=error)
    blocks += [
        text_block(message, weight="bolder", color=Tone.ATTENTION.value) for message in stray
    ]
    if len(errors) > len(stray):
        blocks.append(text_block(FIX_FIELDS, color=Tone.ATTENTION.value))
    return blocks


def _source(source: SourceLink | None) -> list[JsonObject]:
    if source is None:
        return []
    line = text_block(f"From: {source.text}", size="small", subtle=True, spacing="none")
    if source.url is None:
        return [line]
    return [container([line], select_action=open_url(f"Open {source.text}", source.url))]
