"""A choice offered with a question."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Option:
    """A button (Teams) or a numbered line (terminal) that sends `says` as the next message."""

    label: str
    says: str
