"""Reading cards back in tests: the buttons, inputs and texts a card holds."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bot.cards.elements import card_actions
from bot.cards.verbs import ASSIGN_TO_ME, ASSIGNEE, COMMENT, Verb
from domain.access import TicketAction

_STATUS_ACTIONS = {
    "in_progress": TicketAction.START,
    "on_hold": TicketAction.HOLD,
    "resolved": TicketAction.RESOLVE,
    "closed": TicketAction.CLOSE,
    "open": TicketAction.REOPEN,
}
_ACTION_TYPES = (
    "Action.Execute",
    "Action.Submit",
    "Action.OpenUrl",
    "Action.ShowCard",
    "Action.ToggleVisibility",
)


def walk(value: Any, *, skipping: str | None = "fallback") -> Iterator[dict[str, Any]]:
    """Every object in the card, depth first (actions, elements, show cards, refresh);
    not the `fallback` of an action, which only older clients show in its place (unless
    `skipping=None`)."""
    if isinstance(value, list):
        for item in value:
            yield from walk(item, skipping=skipping)
    elif isinstance(value, dict):
        yield value
        for key, item in value.items():
            if key != skipping:
                yield from walk(item, skipping=skipping)


def every_action(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [node for node in walk(card) if node.get("type") in _ACTION_TYPES]


def executes(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [node for node in every_action(card) if node["type"] == "Action.Execute"]


def inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        node["id"]: node
        for node in walk(card)
        if str(node.get("type", "")).startswith("Input.") and node["type"] != "Input.Choice"
    }


def texts(card: dict[str, Any]) -> list[str]:
    return [node["text"] for node in walk(card) if node.get("type") == "TextBlock"]


def facts(card: dict[str, Any]) -> dict[str, str]:
    return {
        fact["title"]: fact["value"]
        for node in walk(card)
        if node.get("type") == "FactSet"
        for fact in node["facts"]
    }


def titled(card: dict[str, Any], title: str) -> dict[str, Any]:
    matches = [action for action in every_action(card) if action.get("title") == title]
    assert len(matches) == 1, f"{len(matches)} actions titled {title!r}"
    return matches[0]


def ticket_actions_on(card: dict[str, Any]) -> set[TicketAction]:
    """Which ticket actions the card's action bar offers, read from what the buttons send."""
    offered: set[TicketAction] = set()
    for button in card_actions(card):
        data = button.get("data", {})
        if button["type"] == "Action.ShowCard":
            ids = set(inputs(button["card"]))
            offered |= {TicketAction.ASSIGN} if ASSIGNEE in ids else set()
            offered |= {TicketAction.COMMENT} if COMMENT in ids else set()
        elif button.get("verb") == Verb.TICKET_STATUS:
            offered.add(_STATUS_ACTIONS[data["status"]])
        elif button.get("verb") == Verb.TICKET_ASSIGN and data.get(ASSIGNEE) == ASSIGN_TO_ME:
            offered.add(TicketAction.ASSIGN_TO_ME)
        elif button.get("verb") == Verb.TICKET_EDIT:
            offered.add(TicketAction.EDIT)
    return offered
