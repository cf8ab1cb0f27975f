"""Checks a card against the official Adaptive Cards 1.5 JSON Schema.

The schema file comes from microsoft/AdaptiveCards (draft-06). Teams-only parts
are removed first, each for a stated reason:

- every `msteams` key (card width, imBack data): the schema has no such property
  and `AdaptiveCard` forbids additional properties;
- `style: "filtered"` on `Input.ChoiceSet`: Teams' typeahead style belongs to
  card version 1.5 (and the Adaptive Cards SDKs know it), but this schema file's
  `ChoiceInputStyle` lists only `compact` and `expanded`;
- `choices.data` on `Input.ChoiceSet` (Teams' dynamic typeahead, a `Data.Query`): Adaptive
  Cards added it in 1.6 and Teams renders it in its 1.5 cards; this schema file has no
  such property. Its shape is checked by hand instead, against msteams-docs ("Typeahead
  search in Adaptive Cards"): `type: Data.Query`, a non-empty string `dataset`, and
  nothing else but `count`/`skip` (numbers) and `associatedInputs` (`auto` | `none`).

What the schema cannot say is checked by hand: the top-level card must say
`type: AdaptiveCard` and `version: 1.5` (the schema requires neither), and input
ids must be unique across the card, its ShowCards included.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema.exceptions import best_match

from tests.paths import ROOT

SCHEMA_ENV = "TICKETFLOW_CARD_SCHEMA"
_SHARED_SCHEMA = (
    ROOT.parent / "shared" / "schemas" / "adaptive-card-1.5.json"
)


class InvalidCard(AssertionError):
    """The card breaks the 1.5 schema or one of the rules the schema cannot express."""


def schema_path() -> Path:
    path = Path(os.environ.get(SCHEMA_ENV) or _SHARED_SCHEMA)
    if not path.is_file():
        raise FileNotFoundError(
            f"the Adaptive Cards 1.5 schema is not at {path}; set {SCHEMA_ENV} to its path"
        )
    return path


@cache
def schema_validator() -> jsonschema.Draft6Validator:
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft6Validator.check_schema(schema)
    return jsonschema.Draft6Validator(schema)


def without_teams_extensions(value: Any) -> Any:
    """A copy of `value` with the Teams-only parts removed (see the module docstring)."""
    if isinstance(value, list):
        return [without_teams_extensions(item) for item in value]
    if not isinstance(value, dict):
        return value
    cleaned = {
        key: without_teams_extensions(item) for key, item in value.items() if key != "msteams"
    }
    if cleaned.get("type") == "Input.ChoiceSet" and cleaned.get("style") == "filtered":
        del cleaned["style"]
    if cleaned.get("type") == "Input.ChoiceSet" and "choices.data" in cleaned:
        assert_valid_data_query(cleaned.pop("choices.data"))
    return cleaned


_DATA_QUERY_OPTIONS = {"count": int, "skip": int, "associatedInputs": str}


def assert_valid_data_query(query: Any) -> None:
    """A `Data.Query` as Teams documents it for `Input.ChoiceSet`'s `choices.data`."""
    if not isinstance(query, dict) or query.get("type") != "Data.Query":
        raise InvalidCard(f"choices.data must be a Data.Query: {query!r}")
    dataset = query.get("dataset")
    if not isinstance(dataset, str) or not dataset:
        raise InvalidCard(f"a Data.Query needs a dataset: {query!r}")
    for key, value in query.items():
        if key in ("type", "dataset"):
            continue
        kind = _DATA_QUERY_OPTIONS.get(key)
        if kind is None or not isinstance(value, kind):
            raise InvalidCard(f"a Data.Query has no {key!r} of {value!r}")
        if key == "associatedInputs" and value not in ("auto", "none"):
            raise InvalidCard(f"associatedInputs is auto or none, not {value!r}")


def schema_errors(card: Any) -> list[str]:
    """Why the raw schema rejects `card` as it is (no Teams allowances), best reason first."""
    errors = list(schema_validator().iter_errors(card))
    if not errors:
        return []
    best = best_match(errors)
    where = "/".join(str(part) for part in best.absolute_path) or "(card)"
    return [f"{where}: {best.message[:300]}"] + [error.message[:120] for error in errors[1:5]]


def assert_valid_card(card: dict[str, Any]) -> None:
    if card.get("type") != "AdaptiveCard" or card.get("version") != "1.5":
        raise InvalidCard("a top-level card needs type AdaptiveCard and version 1.5")
    errors = schema_errors(without_teams_extensions(card))
    if errors:
        raise InvalidCard("\n".join(errors))
    ids = list(input_ids(card))
    duplicates = sorted({input_id for input_id in ids if ids.count(input_id) > 1})
    if duplicates:
        raise InvalidCard(f"input ids used twice: {duplicates}")


def input_ids(value: Any) -> Iterator[str]:
    if isinstance(value, list):
        for item in value:
            yield from input_ids(item)
    elif isinstance(value, dict):
        if str(value.get("type", "")).startswith("Input.") and value.get("type") != "Input.Choice":
            yield str(value.get("id"))
        for item in value.values():
            yield from input_ids(item)
