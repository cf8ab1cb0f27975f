"""Turning raw input (chat text, card inputs, JSON) into valid values, naming the field at fault."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import TypeVar

from domain.errors import InvalidValue

E = TypeVar("E", bound=StrEnum)

TITLE_MAX = 255
DESCRIPTION_MAX = 20_000
COMMENT_MAX = 10_000
TAG_MAX = 50
TAGS_MAX = 20
HOURS_MAX = 10_000
SEARCH_MAX = 200
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u2800\u3164\uffa0")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def parse_enum(field: str, value: object, enum: type[E]) -> E:
    text = str(value).strip().lower().replace(" ", "_").replace("-", "_") if value else ""
    try:
        return enum(text)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        if not text:
            raise InvalidValue(field, f"choose one of: {allowed}") from None
        raise InvalidValue(field, f"'{value}' is not one of: {allowed}") from None


def parse_optional_enum(field: str, value: object, enum: type[E]) -> E | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_enum(field, value, enum)


def is_storable(text: str) -> bool:
    """Text both databases can store: no NUL characters, no unpaired surrogates."""
    return "\x00" not in text and _encodes(text)


def _storable(field: str, text: str) -> str:
    if "\x00" in text:
        raise InvalidValue(field, "contains a NUL character")
    if not _encodes(text):
        raise InvalidValue(field, "contains characters that are not valid Unicode")
    return text


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_blank(text: str) -> bool:
    """Nothing a reader can see: spaces, format characters (zero-width space, word joiner,
    BOM, direction marks) and the filler letters that render as nothing."""
    return all(
        char.isspace() or char in _INVISIBLE_LETTERS or unicodedata.category(char) == "Cf"
        for char in text
    )


def parse_title(value: object) -> str:
    title = _storable("title", " ".join((_as_text("title", value) or "").split()))
    if is_blank(title):
        raise InvalidValue("title", "a title is required")
    if len(title) > TITLE_MAX:
        raise InvalidValue("title", f"keep it to {TITLE_MAX} characters (it has {len(title)})")
    return title


def parse_text(field: str, value: object, *, limit: int, required: bool = False) -> str | None:
    given = _as_text(field, value)
    text = _storable(field, given.strip() if given is not None else "")
    if not text:
        if required:
            raise InvalidValue(field, "this cannot be empty")
        return None
    if len(text) > limit:
        raise InvalidValue(field, f"keep it to {limit} characters (it has {len(text)})")
    return text


def _as_text(field: str, value: object) -> str | None:
    """A forged card's list, object or number is refused, not stored as "['Printer']"."""
    if value is None or isinstance(value, str):
        return value
    raise InvalidValue(field, "this must be text")


def require_text(field: str, value: object, *, limit: int) -> str:
    text = parse_text(field, value, limit=limit, required=True)
    if text is None:  # pragma: no cover - parse_text raises first
        raise InvalidValue(field, "this cannot be empty")
    return text


def ensure_search_fits(text: str | None) -> None:
    """Search words are capped like REST's `q`: a pasted wall of words must cost nothing."""
    if text is not None and len(text) > SEARCH_MAX:
        raise InvalidValue(
            "search", f"keep it to {SEARCH_MAX} characters (it has {len(text)})"
        )


def parse_due_date(value: object) -> datetime | None:
    """Dates as a person or a card writes them: `2026-12-01`, or ISO 8601 with a time."""
    if value is None or isinstance(value, datetime):
        return _naive_utc(value) if isinstance(value, datetime) else None
    if isinstance(value, date):
        return datetime.combine(value, time())
    text = str(value).strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time())
        return _naive_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except (ValueError, OverflowError):
        raise InvalidValue("due_date", f"'{text[:40]}' is not a date like 2026-12-31") from None


def _naive_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def parse_hours(field: str, value: object) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        hours = int(str(value).strip())
    except ValueError:
        raise InvalidValue(field, f"'{value}' is not a whole number of hours") from None
    if not 0 <= hours <= HOURS_MAX:
        raise InvalidValue(field, f"use 0 to {HOURS_MAX} hours")
    return hours


def parse_tags(value: object) -> tuple[str, ...]:
    """Tags from a list or a comma-separated string; trimmed, de-duplicated, order kept.

    Tags differing only in case are one tag ("VPN" and "vpn"): the first spelling is kept."""
    if value is None:
        return ()
    if isinstance(value, str):
        items: Iterable[object] = value.split(",")
    elif isinstance(value, list | tuple | set | frozenset):
        items = value
    else:
        raise InvalidValue("tags", "give a list of tags or a comma-separated text")
    tags: list[str] = []
    seen: set[str] = set()
    for item in items:
        tag = str(item).strip()
        if not tag or tag.casefold() in seen:
            continue
        seen.add(tag.casefold())
        if len(tag) > TAG_MAX:
            raise InvalidValue("tags", f"'{tag[:20]}…' is longer than {TAG_MAX} characters")
        tags.append(tag)
    if len(tags) > TAGS_MAX:
        raise InvalidValue("tags", f"use at most {TAGS_MAX} tags")
    return tuple(tags)


def parse_email(value: object) -> str:
    email = str(value or "").strip().lower()
    if not _EMAIL.match(email) or len(email) > 254:
        raise InvalidValue("email", f"'{value}' is not an email address")
    return email


def kept_spellings(tags: tuple[str, ...], before: tuple[str, ...]) -> tuple[str, ...]:
    """`tags` with a tag the ticket had already spelt as it was ("vpn" added beside "VPN"):
    tags are one whatever their case, and the first spelling stays."""
    spelt = {tag.casefold(): tag for tag in reversed(before)}
    return parse_tags([spelt.get(tag.casefold(), tag) for tag in tags])
