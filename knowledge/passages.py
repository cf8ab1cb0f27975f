"""What retrieval hands to answering: ranked passages with where they come from."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class SourceKind(StrEnum):
    HELP_DOCUMENT = "help_document"
    USER_GUIDE = "user_guide"


@dataclass(frozen=True, slots=True)
class Passage:
    """One retrieved chunk; `score` is higher-is-better and comparable within one search."""

    chunk_id: int
    source: SourceKind
    document_id: int
    title: str
    page: int | None
    text: str
    score: float
    heading: str | None = None


class Retriever(Protocol):
    async def search(self, question: str, *, limit: int = 5) -> list[Passage]:
        """The best passages for a question, best first; empty when nothing matches."""
        ...
