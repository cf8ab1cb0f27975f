"""Adaptive Card 1.5 building blocks as plain dicts.

Builders only ever assemble dicts (never format JSON text), so user text such as
a ticket title cannot break a card whatever characters it holds; nor can it become a
link: text blocks and facts are markdown, and a title such as
`[Reset your password](https://evil.example)` would show as words whose link goes
elsewhere, posted by the bot. A zero-width space after its `]` shows it as written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Any

JsonObject = dict[str, Any]

CARD_VERSION = "1.5"
MAX_PRIMARY_ACTIONS = 6
"""Teams shows at most six buttons in a row; the rest must go to the overflow menu."""
VERB_KEY = "verb"
"""The data key naming the verb on an `Action.Submit` (see `bot.cards.verbs.VERB`)."""
MAX_CARD_BYTES = 28_000
"""Teams refuses messages over about 28 KB; a card must leave room for the activity around it."""


_LINK_SYNTAX = re.compile(r"\](?=[(\[:])")
"""A `]` that opens a link's target: `[words](url)`, `![picture](url)`, `[words][ref]`,
`[ref]: url`. None of our own texts has one; "[floor 3] (east wing)" is no link either."""
_UNLINKED = "]\u200b"


class ActionMode(StrEnum):
    PRIMARY = "primary"
    SECONDARY = "secondary"


def wire_size(value: object) -> int:
    """Bytes `value` takes as botbuilder sends it: msrest's `json.dumps`, non-ASCII escaped."""
    return len(json.dumps(value))


def adaptive_card(
    body: Sequence[JsonObject],
    actions: Sequence[JsonObject] = (),
    *,
    refresh: JsonObject | None = None,
    full_width: bool = True,
) -> JsonObject:
    card: JsonObject = {"type": "AdaptiveCard", "version": CARD_VERSION, "body": list(body)}
    _place_actions(card, actions)
    if refresh is not None:
        card["refresh"] = refresh
    if full_width:
        card["msteams"] = {"width": "Full"}
    return card


def _place_actions(card: JsonObject, actions: Sequence[JsonObject]) -> None:
    """Buttons that call the bot go in an `ActionSet` at the end of the body.

    Microsoft's Universal Actions guidance for older Teams clients: some of them
    honour an action's `fallback` only inside an `ActionSet`, so every card with an
    `Action.Execute` keeps its buttons there (the `Action.Submit` fallback then
    renders in their place). Cards with links only keep the card-level `actions`.
    """
    if not actions:
        return
    if any(_calls_the_bot(action) for action in actions):
        card["body"].append({"type": "ActionSet", "actions": list(actions)})
    else:
        card["actions"] = list(actions)


def _calls_the_bot(action: Mapping[str, Any]) -> bool:
    if action.get("type") == "Action.Execute":
        return True
    inner = action.get("card")
    if isinstance(inner, Mapping):
        return any(
            _calls_the_bot(nested)
            for element in inner.get("body", [])
            if isinstance(element, Mapping) and element.get("type") == "ActionSet"
            for nested in element.get("actions", [])
        ) or any(_calls_the_bot(nested) for nested in inner.get("actions", []))
    return False


def card_actions(card: Mapping[str, Any]) -> list[JsonObject]:
    """A card's buttons wherever `adaptive_card` placed them."""
    found = list(card.get("actions", []))
    for element in card.get("body", []):
        if isinstance(element, Mapping) and element.get("type") == "ActionSet":
            found += list(element.get("actions", []))
    return found


def text_block(
    text: str,
    *,
    size: str | None = None,
    weight: str | None = None,
    color: str | None = None,
    subtle: bool = False,
    spacing: str | None = None,
    separator: bool = False,
    max_lines: int | None = None,
) -> JsonObject:
    block: JsonObject = {"type": "TextBlock", "text": as_written(text), "wrap": True}
    optional = {
        "size": size,
        "weight": weight,
        "color": color if color != "default" else None,
        "isSubtle": subtle or None,
        "spacing": spacing,
        "separator": separator or None,
        "maxLines": max_lines,
    }
    block.update({key: value for key, value in optional.items() if value is not None})
    return block


def as_written(text: str) -> str:
    """`text` with no markdown link in it: shown as written, invisibly changed."""
    return _LINK_SYNTAX.sub(_UNLINKED, text)


def fact_set(facts: Iterable[tuple[str, str]]) -> JsonObject:
    return {
        "type": "FactSet",
        "facts": [{"title": title, "value": as_written(value)} for title, value in facts],
    }


def container(
    items: Sequence[JsonObject],
    *,
    select_action: JsonObject | None = None,
    style: str | None = None,
    separator: bool = False,
    spacing: str | None = None,
    id: str | None = None,
) -> JsonObject:
    box: JsonObject = {"type": "Container", "items": list(items)}
    if id is not None:
        box["id"] = id
    if select_action is not None:
        box["selectAction"] = select_action
    if style is not None:
        box["style"] = style
    if separator:
        box["separator"] = True
    if spacing is not None:
        box["spacing"] = spacing
    return box


def column_set(columns: Sequence[tuple[str, Sequence[JsonObject]]]) -> JsonObject:
    """Columns given as (width, items) pairs."""
    return {
        "type": "ColumnSet",
        "columns": [
            {"type": "Column", "width": width, "items": list(items)} for width, items in columns
        ],
    }


def _action(
    kind: str,
    title: str,
    *,
    style: str | None,
    mode: ActionMode,
    tooltip: str | None = None,
) -> JsonObject:
    action: JsonObject = {"type": kind, "title": title}
    if style is not None:
        action["style"] = style
    if mode is ActionMode.SECONDARY:
        action["mode"] = mode.value
    if tooltip is not None:
        action["tooltip"] = tooltip
    return action


def execute(
    title: str,
    verb: str,
    data: Mapping[str, Any] | None = None,
    *,
    style: str | None = None,
    mode: ActionMode = ActionMode.PRIMARY,
    without_inputs: bool = False,
) -> JsonObject:
    """An `Action.Execute`; `without_inputs` stops the client gathering (and validating) inputs.

    Its `fallback` is the same button as an `Action.Submit` whose data names the verb
    (`{"verb": …, …}`), for Teams clients without Universal Actions: the bot runs the
    same verb from the message such a client sends.
    """
    action = _action("Action.Execute", title, style=style, mode=mode)
    action["verb"] = str(verb)
    if data:
        action["data"] = dict(data)
    if without_inputs:
        action["associatedInputs"] = "none"
    fallback = _action("Action.Submit", title, style=style, mode=mode)
    fallback["data"] = {**(data or {}), VERB_KEY: str(verb)}
    if without_inputs:
        fallback["associatedInputs"] = "none"
    action["fallback"] = fallback
    return action


def submit(
    title: str,
    data: Mapping[str, Any],
    *,
    style: str | None = None,
    mode: ActionMode = ActionMode.PRIMARY,
) -> JsonObject:
    action = _action("Action.Submit", title, style=style, mode=mode)
    action["data"] = dict(data)
    return action


def im_back(title: str, value: str, *, tooltip: str | None = None) -> JsonObject:
    """A button (or row) that makes the user say `value` to the bot, as if typed."""
    action = _action("Action.Submit", title, style=None, mode=ActionMode.PRIMARY, tooltip=tooltip)
    action["data"] = {"msteams": {"type": "imBack", "value": value}}
    return action


def open_url(title: str, url: str, *, mode: ActionMode = ActionMode.PRIMARY) -> JsonObject:
    action = _action("Action.OpenUrl", title, style=None, mode=mode)
    action["url"] = url
    return action


def show_card(title: str, body: Sequence[JsonObject], actions: Sequence[JsonObject]) -> JsonObject:
    """A button unfolding a small card; its inputs go only with the actions inside it."""
    inner: JsonObject = {"type": "AdaptiveCard", "body": list(body)}
    _place_actions(inner, actions)
    return {"type": "Action.ShowCard", "title": title, "card": inner}


def choice_set(
    input_id: str,
    choices: Iterable[tuple[str, str]],
    *,
    label: str,
    value: str | None = None,
    required: bool = False,
    error_message: str | None = None,
    placeholder: str | None = None,
    filtered: bool = False,
    dataset: str | None = None,
) -> JsonObject:
    """An `Input.ChoiceSet` from (value, title) pairs; `filtered` is Teams' typeahead style.

    With a `dataset`, Teams searches as the person types (dynamic typeahead: an
    `application/search` invoke naming the dataset) and shows the results after the
    static choices; clients without it offer the static choices only.
    """
    element: JsonObject = {
        "type": "Input.ChoiceSet",
        "id": str(input_id),
        "label": label,
        "style": "filtered" if filtered or dataset else "compact",
        "choices": [{"title": title, "value": choice} for choice, title in choices],
    }
    if dataset is not None:
        element["choices.data"] = {"type": "Data.Query", "dataset": dataset}
    return _input_options(element, value, required, error_message, placeholder)


def text_input(
    input_id: str,
    *,
    label: str,
    value: str | None = None,
    multiline: bool = False,
    max_length: int | None = None,
    required: bool = False,
    error_message: str | None = None,
    placeholder: str | None = None,
) -> JsonObject:
    element: JsonObject = {"type": "Input.Text", "id": str(input_id), "label": label}
    if multiline:
        element["isMultiline"] = True
    if max_length is not None:
        element["maxLength"] = max_length
    return _input_options(element, value, required, error_message, placeholder)


def toggle(input_id: str, title: str, *, on: bool = False) -> JsonObject:
    """An `Input.Toggle` sending "true" or "false"."""
    return {"type": "Input.Toggle", "id": str(input_id), "title": title, "wrap": True,
            "value": "true" if on else "false", "valueOn": "true", "valueOff": "false"}


def date_input(
    input_id: str,
    *,
    label: str,
    value: str | None = None,
    required: bool = False,
    error_message: str | None = None,
) -> JsonObject:
    element: JsonObject = {"type": "Input.Date", "id": str(input_id), "label": label}
    return _input_options(element, value, required, error_message, None)


def _input_options(
    element: JsonObject,
    value: str | None,
    required: bool,
    error_message: str | None,
    placeholder: str | None,
) -> JsonObject:
    if value:
        element["value"] = value
    if placeholder is not None:
        element["placeholder"] = placeholder
    if required:
        element["isRequired"] = True
    if error_message is not None:
        element["errorMessage"] = error_message
    return element
