"""Activities to and from the Bot Connector's JSON, without msrest on every turn.

msrest's `Serializer.body()` first deserializes the activity again (to turn dicts
placed where a model belongs into models), then walks it with a type dispatch per
attribute: about a millisecond for a card reply, on every send. What the bot sends is
models, lists, dicts and strings, and for those the JSON is a plain walk of each class's
`_attribute_map`. `activity_json` does that walk and hands anything else -- a dict
where a model is declared, an enum inside free-form data, dates, bytes -- to msrest
itself, so the result is always msrest's. `ActivityReader` does the same for the
activity every request carries in. The e2e tests hold both equal to msrest.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from typing import Any
from xml.etree.ElementTree import Element

from botbuilder.schema import Activity
from msrest.serialization import Deserializer, Model, Serializer

_BASIC = frozenset({"str", "bool", "int", "float"})
_OTHER_MSREST_TYPES = frozenset(
    {"rfc-1123", "unix-time", "duration", "date", "time", "decimal", "long",
     "bytearray", "base64"}
)


# msrest's helpers carry no annotations: here they are with the types this module relies on.
_serialize_iso: Callable[[Any], str] = Serializer.serialize_iso
_serialize_unicode: Callable[[Any], str] = Serializer.serialize_unicode
_deserialize_iso: Callable[[str], datetime] = Deserializer.deserialize_iso


class _Unusual(Exception):
    """Something the plain walk does not reproduce exactly: msrest serializes it."""


def activity_json(activity: Activity, serializer: Serializer) -> dict[str, Any]:
    """What `serializer.body(activity, "Activity")` would produce, usually much faster.

    `serializer` is the fallback: the connector client's, built over its models.
    """
    try:
        return _model(activity)
    except _Unusual:
        body: Callable[[Activity, str], dict[str, Any]] = serializer.body
        return body(activity, "Activity")


def model_json(model: Model) -> dict[str, Any]:
    """What `model.serialize()` would produce (e.g. a conversation reference, every turn)."""
    try:
        return _model(model)
    except _Unusual:
        body: dict[str, Any] = model.serialize()  # type: ignore[no-untyped-call]
        return body


def _model(model: Model) -> dict[str, Any]:
    validation = model._validation
    serialized: dict[str, Any] = {}
    for name, description in model._attribute_map.items():
        value = getattr(model, name)
        if value is None:
            continue
        key = description["key"]
        if not key or "." in key or (validation and validation.get(name)):
            raise _Unusual(name)  # flattened keys, additional properties, read-only fields
        serialized[key] = _typed(value, description["type"])
    return serialized


def _typed(value: Any, kind: Any) -> Any:
    if not isinstance(kind, str) or not kind:
        raise _Unusual(repr(kind))  # a few Teams models name a class, not a type string
    if kind in _BASIC:
        return _basic(value, kind)
    if kind == "object":
        return _object(value)
    if kind == "iso-8601":
        try:
            return _serialize_iso(value)
        except Exception as error:  # msrest raises its own error for this value
            raise _Unusual(kind) from error
    if kind in _OTHER_MSREST_TYPES:
        raise _Unusual(kind)
    if kind[0] == "[" and kind[-1] == "]":
        return _list(value, kind[1:-1])
    if kind[0] == "{" and kind[-1] == "}":
        return _dict(value, kind[1:-1])
    if isinstance(value, Model):
        return _model(value)
    raise _Unusual(kind)  # a dict or a string where a model is declared: msrest converts it


def _basic(value: Any, kind: str) -> Any:
    if kind == "str":
        return value if type(value) is str else _serialize_unicode(value)
    try:
        return {"bool": bool, "int": int, "float": float}[kind](value)
    except (TypeError, ValueError) as error:
        raise _Unusual(kind) from error


def _list(value: Any, item_kind: str) -> list[Any]:
    if type(value) is not list:
        raise _Unusual(f"[{item_kind}]")
    if item_kind in _BASIC or item_kind == "object":
        return [None if item is None else _typed(item, item_kind) for item in value]
    if any(item is None for item in value):
        raise _Unusual(f"[{item_kind}]")
    return [_typed(item, item_kind) for item in value]


def _dict(value: Any, item_kind: str) -> dict[str, Any]:
    if type(value) is not dict or not (item_kind in _BASIC or item_kind == "object"):
        raise _Unusual(f"{{{item_kind}}}")
    return {
        _key(key): None if item is None else _typed(item, item_kind)
        for key, item in value.items()
    }


def _object(value: Any) -> Any:
    """msrest's `serialize_object` for the JSON types; anything else goes back to msrest."""
    kind = type(value)
    if kind is str or kind is bool or kind is int or kind is float:
        return value
    if kind is dict:
        return {_key(key): None if item is None else _object(item) for key, item in value.items()}
    if kind is list:
        return [None if item is None else _object(item) for item in value]
    if isinstance(value, Model):
        return _model(value)
    raise _Unusual(kind.__name__)


def _key(key: Any) -> Any:
    if type(key) is str:
        return key
    if isinstance(key, Enum | Element):
        raise _Unusual("key")
    return _serialize_unicode(key)


class ActivityReader:
    """What `Activity().deserialize(payload)` would build, usually much faster.

    msrest resolves model names against the models of the class's package and keeps
    keys no model declares in `additional_properties`; the plain walk does the same
    for JSON's own types and hands anything else (a number where text is declared,
    a flattened key) to msrest.
    """

    def __init__(self) -> None:
        self._models: dict[str, type] = Activity._infer_class_models()

    def read(self, payload: dict[str, Any]) -> Activity:
        try:
            activity = self._read(Activity, payload)
        except _Unusual:
            return Activity().deserialize(payload)
        assert isinstance(activity, Activity)
        return activity

    def _read(self, cls: type[Model], data: Any) -> Model:
        if type(data) is not dict or cls._validation or getattr(cls, "_subtype_map", None):
            raise _Unusual(cls.__name__)
        attributes: dict[str, Any] = {}
        known: set[str] = set()
        for name, description in cls._attribute_map.items():
            key, kind = description["key"], description["type"]
            if not key or "." in key or name == "additional_properties":
                raise _Unusual(name)
            known.add(key)
            raw = data.get(key)
            attributes[name] = None if raw is None else self._read_typed(raw, kind)
        model: Model = cls(**attributes)
        extra = {key: value for key, value in data.items() if key not in known}
        if extra:
            model.additional_properties = extra
        return model

    def _read_typed(self, raw: Any, kind: Any) -> Any:
        if not isinstance(kind, str) or not kind:
            raise _Unusual(repr(kind))
        expected = _JSON_TYPES.get(kind)
        if expected is not None:
            if type(raw) is not expected:
                raise _Unusual(kind)  # msrest converts it (or refuses it) its own way
            return raw
        if kind == "float" and type(raw) in (int, float):
            return float(raw)
        if kind == "object":
            return _read_object(raw)
        if kind == "iso-8601" and type(raw) is str:
            try:
                return _deserialize_iso(raw)
            except Exception as error:
                raise _Unusual(kind) from error
        if kind[0] == "[" and kind[-1] == "]" and type(raw) is list:
            return [None if item is None else self._read_typed(item, kind[1:-1]) for item in raw]
        if kind[0] == "{" and kind[-1] == "}" and type(raw) is dict:
            return {
                key: None if item is None else self._read_typed(item, kind[1:-1])
                for key, item in raw.items()
            }
        model = self._models.get(kind)
        if isinstance(model, type) and issubclass(model, Model):
            return self._read(model, raw)
        raise _Unusual(kind)


_JSON_TYPES: dict[str, type] = {"str": str, "bool": bool, "int": int}


def _read_object(raw: Any) -> Any:
    """msrest's `deserialize_object` over JSON: containers copied, scalars kept."""
    kind = type(raw)
    if kind is dict:
        return {key: None if item is None else _read_object(item) for key, item in raw.items()}
    if kind is list:
        return [None if item is None else _read_object(item) for item in raw]
    if kind is str or kind is bool or kind is int or kind is float:
        return raw
    raise _Unusual(kind.__name__)
