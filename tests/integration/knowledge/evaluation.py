"""The retrieval evaluation, shared by the tests and bench/retrieval.py.

Four corpora: tests/fixtures/help (the organisation's own guides, labelled by page),
tests/fixtures/manuals (real manuals of free software, labelled by manual),
tests/fixtures/tools (ten more manuals whose questions were written before anything
was measured on them, the check that tuning on the first two generalises) and
tests/fixtures/utils (nine manuals of other kinds, the same kind of check).
A question counts as found at rank r when the r-th passage comes from a labelled
document and page (a label without a page accepts any page of the document). A
question is cited right when it is answered (not declined) and its first passage,
the first citation, comes from a labelled document. The decline gate is judged
both ways: unanswerable questions it refuses, answerable ones it lets through.

Each corpus's questions are split into two halves, alternating in file order within
answerable and unanswerable ones: weights and thresholds are chosen on `tune` and
reported on both, so a figure on `holdout` is not one the tuning could see. A question
added later to one half says so (`"half": "holdout"`) and leaves the alternation as it was.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from knowledge.indexing import DocumentIndexer
from knowledge.ingestion import Upload, add_help_document
from knowledge.passages import Passage, Retriever, SourceKind
from knowledge.ports import KnowledgeWork

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
HELP = FIXTURES / "help"
MANUALS = FIXTURES / "manuals"
TOOLS = FIXTURES / "tools"
UTILS = FIXTURES / "utils"
CORPORA = {"help": HELP, "manuals": MANUALS, "tools": TOOLS, "utils": UTILS}
MANIFEST: dict[str, Any] = json.loads((HELP / "manifest.json").read_text(encoding="utf-8"))
HALVES = ("tune", "holdout")


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    answers: frozenset[tuple[str, int | None]]  # (filename, page); empty when unanswerable
    half: str = "tune"

    @property
    def answerable(self) -> bool:
        return bool(self.answers)

    def answered_by(self, filename: str | None, page: int | None) -> bool:
        return (filename, page) in self.answers or (filename, None) in self.answers

    @property
    def documents(self) -> frozenset[str]:
        return frozenset(filename for filename, _ in self.answers)


@dataclass(frozen=True, slots=True)
class Outcome:
    question: Question
    rank: int | None  # 1-based rank of the first correct passage within the limit
    top_score: float
    declined: bool
    cited_right: bool = False  # answered, and the first passage is from a labelled document
    first_right: bool = False  # the first passage is from a labelled document, answered or not


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

    @property
    def cited_right(self) -> float:
        return sum(o.cited_right for o in self.answerable) / len(self.answerable)

    def half(self, name: str) -> Evaluation:
        return Evaluation(tuple(o for o in self.outcomes if o.question.half == name))

    def gated(self, threshold: float) -> Evaluation:
        """The same answers behind another threshold on the first passage's score."""
        return Evaluation(
            tuple(
                replace(
                    o,
                    declined=(declined := o.top_score < threshold),
                    cited_right=o.first_right and not declined,
                )
                for o in self.outcomes
            )
        )

    def answered_recall(self, k: int) -> float:
        """Recall@k counting a declined answerable question as missed."""
        found = [o for o in self.answerable if not o.declined and o.rank and o.rank <= k]
        return len(found) / len(self.answerable)


def load_questions(corpus: Path = HELP) -> list[Question]:
    raw = json.loads((corpus / "questions.json").read_text(encoding="utf-8"))["questions"]
    seen = {True: 0, False: 0}
    questions = []
    for item in raw:
        answers = frozenset(
            (answer["document"], answer["page"]) for answer in item.get("answers", ())
        )
        if "half" in item:  # added later, to one half only: the alternation stays as it was
            half = item["half"]
        else:
            half = HALVES[seen[bool(answers)] % 2]
            seen[bool(answers)] += 1
        questions.append(Question(id=item["id"], text=item["question"], answers=answers, half=half))
    return questions


def fixture_files(corpus: Path = HELP) -> list[tuple[dict[str, Any], bytes]]:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    return [(entry, (corpus / entry["filename"]).read_bytes()) for entry in manifest["documents"]]


async def ingest_fixtures(
    *, uow: KnowledgeWork, indexer: DocumentIndexer, corpus: Path = HELP
) -> dict[int, str]:
    """Add every fixture document as `docs add` would; returns document id → filename."""
    filenames: dict[int, str] = {}
    for entry, data in fixture_files(corpus):
        added = await add_help_document(
            uow=uow,
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
                and question.answered_by(filenames.get(passage.document_id), passage.page)
            ),
            None,
        )
        declined = decline(passages)
        first_right = (
            bool(passages)
            and passages[0].source is SourceKind.HELP_DOCUMENT
            and filenames.get(passages[0].document_id) in question.documents
        )
        outcomes.append(
            Outcome(
                question=question,
                rank=rank,
                top_score=passages[0].score if passages else 0.0,
                declined=declined,
                cited_right=not declined and first_right,
                first_right=first_right,
            )
        )
    return Evaluation(tuple(outcomes))
