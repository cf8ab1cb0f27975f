"""Reading a JSON request body: capped in size, checked against the document's own schema."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import web
from jsonschema import Draft202012Validator, ValidationError
from jsonschema.exceptions import best_match

from domain.errors import InvalidValue
from domain.validation import is_storable
from ticketflow.api.errors import ApiError

MAX_BODY_BYTES = 64 * 1024
BODY_SECONDS = 15.0
"""A body that takes longer to arrive is a 408: a stalled sender does not keep a request."""
Body = dict[str, Any]


async def read_body(request: web.Request, schema: dict[str, Any]) -> Body:
    """The body as a dict valid under `schema`; every string storable in both databases."""
    _check_media_type(request)
    body = _parse(await _read_capped(request))
    _validate(body, schema)
    for name, value in body.items():
        _ensure_storable(name, value)
    return _whole_numbers_as_int(body, schema)


def _check_media_type(request: web.Request) -> None:
    if "Content-Type" not in request.headers:
        return  # a bare body is read as JSON
    media_type = request.content_type.lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        raise ApiError(415, "unsupported_media_type",
                       f"send the body as application/json, not {media_type}")


def _too_large() -> ApiError:
    return ApiError(413, "payload_too_large",
                    f"the body is larger than {MAX_BODY_BYTES // 1024} KiB")


async def _read_capped(request: web.Request) -> bytes:
    """Stops reading past the cap, whatever Content-Length claimed (or if it is missing)."""
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        raise _too_large()
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(BODY_SECONDS):
            async for chunk in request.content.iter_chunked(16 * 1024):
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    raise _too_large()
                chunks.append(chunk)
    except TimeoutError:
        raise ApiError(408, "request_timeout",
                       f"the body did not arrive within {BODY_SECONDS:g} s",
                       headers={"Connection": "close"}) from None
    except web.RequestPayloadError:  # a Content-Encoding that does not decode
        # The rest of the body cannot be read either: the connection is not kept.
        raise ApiError(400, "invalid_body", "the body does not decode as its Content-Encoding says",
                       headers={"Connection": "close"}) from None
    return b"".join(chunks)


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


class _DuplicateKey(ValueError):
    """A name twice in one object: which one counts differs between readers, so neither."""


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    for name, _ in pairs:
        if name in seen:
            raise _DuplicateKey(f"{name!r} appears twice in one object")
        seen.add(name)
    return dict(pairs)


def _parse(raw: bytes) -> Body:
    if not raw.strip():
        raise ApiError(400, "invalid_json", "the body is empty; send a JSON object")
    try:
        body = json.loads(raw, parse_constant=_refuse_constant,
                          object_pairs_hook=_refuse_duplicates)
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
        detail = (
            error.msg if isinstance(error, json.JSONDecodeError)
            else str(error) if isinstance(error, _DuplicateKey) else "it is not JSON"
        )
        raise ApiError(400, "invalid_json", f"the body is not valid JSON: {detail}") from None
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_json", "the body must be a JSON object")
    return body


def _validate(body: Body, schema: dict[str, Any]) -> None:
    error = best_match(Draft202012Validator(schema).iter_errors(body))
    if error is not None:
        field, message = _explain(error, body, schema)
        raise InvalidValue(field, message)


def _explain(error: ValidationError, body: Body, schema: dict[str, Any]) -> tuple[str, str]:
    known = schema.get("properties", {})
    if error.validator == "required":
        missing = next(name for name in error.validator_value if name not in body)
        return missing, "this field is required"
    if error.validator == "additionalProperties":
        extra = min(name for name in body if name not in known)
        return extra, f"unknown field; use: {', '.join(known)}"
    field = str(error.absolute_path[0]) if error.absolute_path else "body"
    value = error.validator_value
    messages = {
        "type": lambda: f"must be {_types(value)}",
        "enum": lambda: "choose one of: " + ", ".join("null" if v is None else v for v in value),
        "minLength": lambda: "this cannot be empty",
        "maxLength": lambda: f"keep it to {value} characters",
        "maxItems": lambda: f"use at most {value} items",
        "minimum": lambda: f"must be at least {value}",
        "maximum": lambda: f"must be at most {value}",
    }
    explain = messages.get(str(error.validator))
    return field, explain() if explain else error.message


def _types(value: object) -> str:
    names = value if isinstance(value, list) else [value]
    articles = {"integer": "an integer", "array": "an array", "object": "an object"}
    return " or ".join(articles.get(str(n), "null" if n == "null" else f"a {n}") for n in names)


def _ensure_storable(field: str, value: object) -> None:
    """NUL and unpaired surrogates are valid JSON but neither database can store them."""
    if isinstance(value, str):
        if not is_storable(value):
            raise InvalidValue(field, "contains characters that cannot be stored")
    elif isinstance(value, list):
        for item in value:
            _ensure_storable(field, item)


def _whole_numbers_as_int(body: Body, schema: dict[str, Any]) -> Body:
    """JSON Schema counts 3.0 as an integer; hand the domain the int it expects."""
    properties = schema.get("properties", {})
    converted = dict(body)
    for name, value in body.items():
        declared = properties.get(name, {}).get("type")
        integer = declared == "integer" or (isinstance(declared, list) and "integer" in declared)
        if integer and isinstance(value, float):
            converted[name] = int(value)
    return converted
