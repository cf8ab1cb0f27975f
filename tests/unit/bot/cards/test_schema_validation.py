"""Every card validates against the official 1.5 schema, and the check itself can fail."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.unit.bot.cards.catalogue import every_card
from tests.unit.bot.cards.schema import (
    InvalidCard,
    assert_valid_card,
    schema_errors,
    without_teams_extensions,
)

CARDS = every_card()


def minimal(*body: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"type": "AdaptiveCard", "version": "1.5", "body": list(body), **extra}


@pytest.mark.parametrize("name", sorted(CARDS))
def test_every_card_variant_validates_against_the_1_5_schema(name: str) -> None:
    assert_valid_card(CARDS[name])


def test_a_valid_minimal_card_passes_so_the_schema_is_not_rejecting_everything() -> None:
    assert_valid_card(minimal({"type": "TextBlock", "text": "hello"}))


@pytest.mark.parametrize(
    "card",
    [
        pytest.param({}, id="an empty object, which the schema itself admits"),
        pytest.param(minimal(version="1.6"), id="a card that is not version 1.5"),
        pytest.param(
            minimal({"type": "TextBlock", "text": "x", "colour": "good"}), id="an unknown property"
        ),
        pytest.param(minimal({"type": "Banner", "text": "x"}), id="an unknown element type"),
        pytest.param(minimal({"type": "TextBlock"}), id="a TextBlock without text"),
        pytest.param(minimal({"type": "Input.Text", "label": "Title"}), id="an input without id"),
        pytest.param(
            minimal({"type": "TextBlock", "text": "x", "color": "purple"}),
            id="a colour the host cannot know",
        ),
        pytest.param(
            minimal(
                {
                    "type": "Container",
                    "items": [],
                    "selectAction": {"type": "Action.ShowCard", "card": {}},
                }
            ),
            id="a ShowCard as selectAction",
        ),
        pytest.param(
            minimal(
                actions=[
                    {
                        "type": "Action.ShowCard",
                        "title": "More",
                        "card": {
                            "type": "AdaptiveCard",
                            "body": [{"type": "TextBlock", "text": 3}],
                        },
                    }
                ]
            ),
            id="a bad element deep inside a ShowCard (the $refs resolve all the way down)",
        ),
        pytest.param(
            minimal({"type": "Input.Text", "id": "a"}, {"type": "Input.Date", "id": "a"}),
            id="two inputs with one id",
        ),
    ],
)
def test_an_invalid_card_fails_validation(card: dict[str, Any]) -> None:
    with pytest.raises(InvalidCard):
        assert_valid_card(card)


def test_the_raw_schema_rejects_msteams_so_the_validator_must_remove_it() -> None:
    card = minimal({"type": "TextBlock", "text": "x"}, msteams={"width": "Full"})

    assert schema_errors(card)
    assert not schema_errors(without_teams_extensions(card))


def test_the_schema_file_lacks_the_filtered_choice_style_that_teams_supports_in_1_5() -> None:
    picker = {"type": "Input.ChoiceSet", "id": "assignee", "style": "filtered", "choices": []}

    assert schema_errors(minimal(picker)), "the schema learnt `filtered`: drop the allowance"
    assert_valid_card(minimal(picker))


def test_only_the_filtered_style_is_allowed_beyond_the_schema() -> None:
    picker = {"type": "Input.ChoiceSet", "id": "assignee", "style": "dropdown", "choices": []}

    with pytest.raises(InvalidCard):
        assert_valid_card(minimal(picker))


def test_action_submit_is_a_valid_select_action_in_1_5() -> None:
    row = {
        "type": "Container",
        "items": [{"type": "TextBlock", "text": "TKT-2026-0001"}],
        "selectAction": {
            "type": "Action.Submit",
            "title": "Open",
            "data": {"msteams": {"type": "imBack", "value": "ticket TKT-2026-0001"}},
        },
    }

    assert_valid_card(minimal(row))


def test_removing_teams_extensions_leaves_the_card_itself_untouched() -> None:
    card = CARDS["list, first page"]
    before = copy.deepcopy(card)

    without_teams_extensions(card)

    assert card == before
