"""How values read on a card: enum labels, dates and trimmed text."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

ELLIPSIS = "…"


def label(value: StrEnum) -> str:
    """`in_progress` reads "In progress"."""
    return value.value.replace("_", " ").capitalize()


def enum_choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """Every member as a (value, human label) pair, in declaration order."""
    return [(member.value, label(member)) for member in enum]


def day_label(moment: datetime) -> str:
    return f"{moment.day} {moment:%b %Y}"


def moment_label(moment: datetime) -> str:
    """Stored moments are naive UTC; aware ones are shown in UTC too, so every reader agrees."""
    utc = moment if moment.tzinfo is None else moment.astimezone(UTC).replace(tzinfo=None)
    return f"{day_label(utc)}, {utc:%H:%M} UTC"


def trimmed(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, marked with "…"."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS
