"""The ticket form fields, defined once for the create and the edit form.

Teams shows an input's `errorMessage` only when its own client-side check fails
(required, regex), never for an error the bot found; so a field the bot rejected
also gets a visible attention line under it, and keeps what the user typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum

from bot.cards.elements import JsonObject, choice_set, date_input, text_block, text_input
from bot.cards.labels import enum_choices
from bot.cards.verbs import TicketField
from domain.tickets import Category, Priority, Severity
from domain.validation import DESCRIPTION_MAX, TITLE_MAX

FieldInput = Callable[[str | None, str | None], JsonObject]
"""Builds one input from (value to show, error to show)."""


def _title(value: str | None, error: str | None) -> JsonObject:
    return text_input(
        TicketField.TITLE,
        label="Title",
        value=value,
        placeholder="What is wrong, in a few words",
        max_length=TITLE_MAX,
        required=True,
        error_message=error or "A title is required",
    )


def _description(value: str | None, error: str | None) -> JsonObject:
    return text_input(
        TicketField.DESCRIPTION,
        label="Description",
        value=value,
        placeholder="What happened, what you expected, how to reproduce it",
        multiline=True,
        max_length=DESCRIPTION_MAX,
        error_message=error,
    )


def _category(value: str | None, error: str | None) -> JsonObject:
    return choice_set(
        TicketField.CATEGORY,
        enum_choices(Category),
        label="Category",
        value=value,
        placeholder="Choose a category",
        required=True,
        error_message=error or "Choose a category",
    )


def _optional_choice(field: TicketField, values: type[StrEnum], label: str) -> FieldInput:
    """A choice set that may be left as it is, offering every value of `values`."""

    def build(value: str | None, error: str | None) -> JsonObject:
        return choice_set(field, enum_choices(values), label=label, value=value, error_message=error)

    return build


def _due_date(value: str | None, error: str | None) -> JsonObject:
    return date_input(TicketField.DUE_DATE, label="Due date", value=value, error_message=error)


def _tags(value: str | None, error: str | None) -> JsonObject:
    return text_input(
        TicketField.TAGS,
        label="Tags",
        value=value,
        placeholder="Comma separated, e.g. vpn, laptop",
        error_message=error,
    )


FIELD_INPUTS: Mapping[TicketField, FieldInput] = {
    TicketField.TITLE: _title,
    TicketField.DESCRIPTION: _description,
    TicketField.CATEGORY: _category,
    TicketField.PRIORITY: _optional_choice(TicketField.PRIORITY, Priority, "Priority"),
    TicketField.SEVERITY: _optional_choice(TicketField.SEVERITY, Severity, "Severity"),
    TicketField.DUE_DATE: _due_date,
    TicketField.TAGS: _tags,
}


def field_blocks(field: TicketField, *, value: str | None, error: str | None) -> list[JsonObject]:
    """The input for `field`, followed by the bot's error about it when there is one."""
    blocks = [FIELD_INPUTS[field](value, error)]
    if error:
        blocks.append(text_block(error, size="small", color="attention", spacing="none"))
    return blocks


def form_blocks(
    fields: Sequence[TicketField],
    *,
    values: Mapping[str, str],
    errors: Mapping[str, str],
    after: Mapping[TicketField, Sequence[JsonObject]] | None = None,
) -> list[JsonObject]:
    """Every field in form order (whatever order `fields` came in); `after` adds elements
    under a field (the box that keeps a due date already past)."""
    wanted = set(fields)
    blocks: list[JsonObject] = []
    for field in TicketField:
        if field in wanted:
            blocks += field_blocks(field, value=values.get(field), error=errors.get(field))
            blocks += (after or {}).get(field, ())
    return blocks


def unplaced_errors(errors: Mapping[str, str], fields: Sequence[TicketField]) -> list[str]:
    """Errors about no field on the form: they must still be shown, at the top."""
    shown = {field.value for field in fields}
    return [message for key, message in errors.items() if key not in shown]
