"""The retrieval evaluation over tests/fixtures/help, shared by the tests and bench/retrieval.py.

A question counts as found at rank r when the r-th passage comes from a labelled
document and page (page None for formats without pages). The decline gate is
judged both ways: unanswerable questions it refuses, answerable ones it lets through.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.indexing import DocumentIndexer
from knowledge.ingestion import Upload, add_help_document
from knowledge.passages import Passage, Retriever, SourceKind
from knowledge.ports import HelpLibrary

HELP = Path(__file__).resolve().parents[2] / "fixtures" / "help"
MANIFEST: dict[str, Any] = json.loads((HELP / "manifest.json").read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    answers: frozenset[tuple[str, int | None]]  # (filename, page); empty when unanswerable

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


@dataclass(frozen=True, slots=True)
class Outcome:
    question: Question
    rank: int | None  # 1-based rank of the first correct passage within the limit
    top_score: float
    declined: bool


@dataclass(frozen=True, slots=True)
class Evaluation:
    outcomes: tuple[Outcome, ...]

    @property
    def answerable(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.question.answerable]

    @property
    def unanswerable(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.question.answerable]

    def recall(self, k: int) -> float:
        found = [o for o in self.answerable if o.rank is not None and o.rank <= k]
        return len(found) / len(self.answerable)

    @property
    def mrr(self) -> float:
        return sum(1 / o.rank for o in self.answerable if o.rank) / len(self.answerable)

    @property
    def declined_unanswerable(self) -> float:
        return sum(o.declined for o in self.unanswerable) / len(self.unanswerable)

    @property
    def kept_answerable(self) -> float:
        return sum(not o.declined for o in self.answerable) / len(self.answerable)

    def answered_recall(self, k: int) -> float:
        """Recall@k counting a declined answerable question as missed."""
        found = [o for o in self.answerable if not o.declined and o.rank and o.rank <= k]
        return len(found) / len(self.answerable)


def load_questions() -> list[Question]:
    raw = json.loads((HELP / "questions.json").read_text(encoding="utf-8"))["questions"]
    return [
        Question(
            id=item["id"],
            text=item["question"],
            answers=frozenset(
                (answer["document"], answer["page"]) for answer in item.get("answers", ())
            ),
        )
        for item in raw
    ]


def fixture_files() -> list[tuple[dict[str, Any], bytes]]:
    return [(entry, (HELP / entry["filename"]).read_bytes()) for entry in MANIFEST["documents"]]


async def ingest_fixtures(*, library: HelpLibrary, indexer: DocumentIndexer) -> dict[int, str]:
    """Add every fixture document as `docs add` would; returns document id → filename."""
    filenames: dict[int, str] = {}
    for entry, data in fixture_files():
        added = await add_help_document(
            library=library,
            indexer=indexer,
            upload=Upload(filename=entry["filename"], data=data),
            title=entry["title"],
            category=entry["category"],
            tags=entry["tags"],
        )
        filenames[added.document_id] = entry["filename"]
    return filenames


async def evaluate(
    retriever: Retriever,
    *,
    questions: Sequence[Question],
    filenames: dict[int, str],
    decline: Callable[[Sequence[Passage]], bool],
    limit: int = 5,
) -> Evaluation:
    outcomes = []
    for question in questions:
        passages = await retriever.search(question.text, limit=limit)
        rank = next(
            (
                position
                for position, passage in enumerate(passages, start=1)
                if passage.source is SourceKind.HELP_DOCUMENT
                and (filenames.get(passage.document_id), passage.page) in question.answers
            ),
            None,
        )
        outcomes.append(
            Outcome(
                question=question,
                rank=rank,
                top_score=passages[0].score if passages else 0.0,
                declined=decline(passages),
            )
        )
    return Evaluation(tuple(outcomes))
