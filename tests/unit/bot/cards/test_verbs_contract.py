"""The verbs contract holds on every card, and the builders stay plain Python."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.cards.verbs import TICKET_VERBS, TicketField, Verb
from tests.paths import ROOT
from tests.unit.bot.cards.catalogue import every_card
from tests.unit.bot.cards.reading import executes, inputs

CARDS = every_card()
CARDS_PACKAGE = ROOT / "bot" / "cards"
PROPOSALS = frozenset({Verb.REQUEST_CONFIRM, Verb.REQUEST_CANCEL})
CONTRACT_INPUT_IDS = {field.value for field in TicketField} | {"assignee", "comment"}


def test_the_verbs_are_spelled_as_the_contract_says() -> None:
    assert [verb.value for verb in Verb] == [
        "ticket.create",
        "ticket.edit",
        "ticket.assign",
        "ticket.status",
        "ticket.comment",
        "ticket.refresh",
        "ticket.fixed",
        "ticket.still_broken",
        "tickets.page",
        "help.escalate",
        "help.feedback",
        "request.confirm",
        "request.cancel",
    ]


@pytest.mark.parametrize("name", sorted(CARDS))
def test_every_execute_about_a_ticket_carries_its_id_and_version(name: str) -> None:
    for action in executes(CARDS[name]):
        verb = Verb(action["verb"])
        carried = {"ticket_id", "version"} & set(action.get("data", {}))
        if verb in TICKET_VERBS:
            assert carried == {"ticket_id", "version"}, action
        elif verb in PROPOSALS:  # a proposed change names its ticket; a new ticket has none
            assert carried in ({"ticket_id", "version"}, set()), action
        else:
            assert not carried, action


@pytest.mark.parametrize("name", sorted(CARDS))
def test_every_execute_falls_back_to_a_submit_that_names_the_same_verb(name: str) -> None:
    for action in executes(CARDS[name]):
        if action is CARDS[name].get("refresh", {}).get("action"):
            continue  # refresh runs only where Universal Actions do
        fallback = action["fallback"]
        assert fallback["type"] == "Action.Submit" and fallback["title"] == action["title"]
        assert fallback["data"] == {**action.get("data", {}), "verb": action["verb"]}
        assert fallback.get("associatedInputs") == action.get("associatedInputs")
        assert fallback.get("mode") == action.get("mode")


def _action_sets(value: Any, inside: bool = False) -> Iterator[tuple[dict[str, Any], bool]]:
    """Every action with whether it sits in an ActionSet (card-level `actions` do not)."""
    if isinstance(value, list):
        for item in value:
            yield from _action_sets(item, inside)
    elif isinstance(value, dict):
        if str(value.get("type", "")).startswith("Action."):
            yield value, inside
        for key, item in value.items():
            if key == "fallback":
                continue
            if key == "actions" and value.get("type") == "ActionSet":
                yield from _action_sets(item, True)
            elif key == "card":
                yield from _action_sets(item, False)
            elif key in ("actions", "refresh", "selectAction"):
                yield from _action_sets(item, False) if key == "actions" else iter(())
            else:
                yield from _action_sets(item, inside)


@pytest.mark.parametrize("name", sorted(CARDS))
def test_every_execute_button_sits_in_an_action_set_as_older_teams_clients_need(
    name: str,
) -> None:
    placed = list(_action_sets(CARDS[name]))
    buttons = [inside for action, inside in placed if action["type"] == "Action.Execute"]
    assert all(buttons), name


@pytest.mark.parametrize("name", sorted(CARDS))
def test_every_input_id_is_one_the_contract_names(name: str) -> None:
    assert set(inputs(CARDS[name])) <= CONTRACT_INPUT_IDS


def test_every_verb_is_used_by_some_card() -> None:
    used = {action["verb"] for card in CARDS.values() for action in executes(card)}

    assert used == {verb.value for verb in Verb}


def _modules() -> list[Path]:
    return sorted(CARDS_PACKAGE.glob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda path: path.name)
def test_card_builders_import_no_bot_framework_and_never_parse_json_text(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        name
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for name in (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
        )
    }
    called = {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }

    assert not {
        name for name in imported if name.split(".")[0] in {"botbuilder", "botframework", "aiohttp"}
    }
    assert "loads" not in called and "Template" not in imported
