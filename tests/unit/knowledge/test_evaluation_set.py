"""The evaluation set is trustworthy: every label points at a page that answers it."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

import pytest

from knowledge.extraction import ExtractedDocument, PdfSandbox, extract_document
from knowledge.text import fold, words
from tests.unit.knowledge.paths import HELP, INJECTION, MANUALS, TOOLS, UTILS

MANIFEST = json.loads((HELP / "manifest.json").read_text(encoding="utf-8"))
QUESTIONS: list[dict[str, Any]] = json.loads((HELP / "questions.json").read_text(encoding="utf-8"))[
    "questions"
]
ANSWERABLE = [question for question in QUESTIONS if question["answerable"]]
UNANSWERABLE = [question for question in QUESTIONS if not question["answerable"]]
MANUAL_SETS = (MANUALS, TOOLS, UTILS)  # tools, utils: manuals whose questions no tuning saw


def _manual_questions(folder: Path) -> list[dict[str, Any]]:
    questions: list[dict[str, Any]] = json.loads(
        (folder / "questions.json").read_text(encoding="utf-8")
    )["questions"]
    return [{**question, "set": folder.name} for question in questions]


MANUAL_QUESTIONS = [question for folder in MANUAL_SETS for question in _manual_questions(folder)]
MANUAL_ANSWERABLE = [question for question in MANUAL_QUESTIONS if question["answerable"]]
MANUAL_UNANSWERABLE = [question for question in MANUAL_QUESTIONS if not question["answerable"]]


def _set_and_id(question: dict[str, Any]) -> str:
    return f"{question['set']}-{question['id']}"
INJECTION_CASES = json.loads((INJECTION / "cases.json").read_text(encoding="utf-8"))
COPIED_RUN = 6  # this many words in a row shared with a document would be copying it


def extract_all(directory_documents: list[tuple[str, bytes]]) -> dict[str, ExtractedDocument]:
    async def run() -> dict[str, ExtractedDocument]:
        with PdfSandbox(workers=1) as sandbox:
            return {
                name: await extract_document(data, name, sandbox=sandbox)
                for name, data in directory_documents
            }

    return asyncio.run(run())


@pytest.fixture(scope="module")
def corpus() -> dict[str, ExtractedDocument]:
    names = [entry["filename"] for entry in MANIFEST["documents"]]
    return extract_all([(name, (HELP / name).read_bytes()) for name in names])


def page_text(document: ExtractedDocument, number: int | None) -> str:
    (page,) = [page for page in document.pages if page.number == number]
    return fold(page.text)


def test_the_manifest_lists_exactly_the_documents_in_the_directory() -> None:
    on_disk = {path.name for path in HELP.iterdir() if path.suffix != ".json"}
    listed = [entry["filename"] for entry in MANIFEST["documents"]]

    assert sorted(listed) == sorted(on_disk)
    pdfs = [entry for entry in MANIFEST["documents"] if entry["media_type"] == "application/pdf"]
    assert len(pdfs) >= 5
    assert all(3 <= entry["pages"] <= 6 for entry in pdfs)
    assert {entry["media_type"] for entry in MANIFEST["documents"]} == {
        "application/pdf",
        "text/markdown",
        "text/plain",
        "text/html",
    }


def test_there_are_enough_questions_of_both_kinds_with_unique_ids() -> None:
    assert len(ANSWERABLE) >= 40
    assert len(UNANSWERABLE) >= 10
    assert len({question["id"] for question in QUESTIONS}) == len(QUESTIONS)


@pytest.mark.parametrize("question", ANSWERABLE, ids=lambda question: question["id"])
def test_each_labelled_page_contains_the_evidence_for_its_question(
    question: dict[str, Any], corpus: dict[str, ExtractedDocument]
) -> None:
    for answer in question["answers"]:
        document = corpus[answer["document"]]
        text = page_text(document, answer["page"])

        assert answer["evidence"]
        for evidence in answer["evidence"]:
            assert fold(evidence) in text, (answer["document"], answer["page"], evidence)
        if document.page_count > 1:
            others = [fold(page.text) for page in document.pages if page.number != answer["page"]]
            assert any(
                not all(fold(evidence) in other for other in others)
                for evidence in answer["evidence"]
            ), "the evidence does not single out the page"


@pytest.mark.parametrize("question", ANSWERABLE, ids=lambda question: question["id"])
def test_questions_are_asked_in_users_words_not_copied_from_the_documents(
    question: dict[str, Any], corpus: dict[str, ExtractedDocument]
) -> None:
    asked = words(question["question"])
    runs = {" ".join(asked[i : i + COPIED_RUN]) for i in range(len(asked) - COPIED_RUN + 1)}

    for answer in question["answers"]:
        document_words = " ".join(words(corpus[answer["document"]].text))
        assert not [run for run in runs if run in document_words]


@pytest.mark.parametrize("question", UNANSWERABLE, ids=lambda question: question["id"])
def test_no_document_mentions_what_an_unanswerable_question_is_about(
    question: dict[str, Any], corpus: dict[str, ExtractedDocument]
) -> None:
    for phrase in question["absent"]:
        pattern = re.compile(rf"\b{re.escape(fold(phrase))}\b")
        assert not [
            name for name, document in corpus.items() if pattern.search(fold(document.text))
        ]


def test_every_pdf_page_answers_at_least_one_question() -> None:
    answered = {
        (answer["document"], answer["page"])
        for question in ANSWERABLE
        for answer in question["answers"]
    }

    for entry in MANIFEST["documents"]:
        for number in range(1, (entry["pages"] or 0) + 1):
            assert (entry["filename"], number) in answered


def test_the_injection_documents_carry_both_the_attack_and_genuine_answers() -> None:
    documents = extract_all(
        [
            (entry["filename"], (INJECTION / entry["filename"]).read_bytes())
            for entry in INJECTION_CASES["documents"]
        ]
    )

    for entry in INJECTION_CASES["documents"]:
        document = documents[entry["filename"]]
        assert document.title == entry["title"]
        assert document.page_count == (entry["pages"] or 1)
        attacked = page_text(document, entry["injection_page"])
        assert any(fold(marker) in attacked for marker in INJECTION_CASES["injection_markers"])
        assert "hacked" in attacked
    for case in INJECTION_CASES["cases"]:
        text = page_text(documents[case["document"]], case["page"])
        assert all(fold(evidence) in text for evidence in case["evidence"])
    assert not list(HELP.glob("meeting-room-booking*")) and not list(HELP.glob("stationery*"))


def _manifest(folder: Path) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return manifest


@pytest.fixture(scope="module")
def manuals() -> dict[str, dict[str, ExtractedDocument]]:
    """Each manual set's extracted manuals by file name, by set (folder name)."""
    return {
        folder.name: extract_all(
            [
                (entry["filename"], (folder / entry["filename"]).read_bytes())
                for entry in _manifest(folder)["documents"]
            ]
        )
        for folder in MANUAL_SETS
    }


@pytest.mark.parametrize("folder", MANUAL_SETS, ids=lambda folder: folder.name)
def test_a_manuals_set_lists_every_manual_with_its_source_text_and_licence(folder: Path) -> None:
    manifest = _manifest(folder)
    listed = sorted(entry["filename"] for entry in manifest["documents"])
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")

    assert listed == sorted(path.name for path in folder.glob("*.pdf"))
    assert len(listed) >= 9
    for entry in manifest["documents"]:
        assert (folder / entry["source_text"]).exists()
        assert entry["filename"].removesuffix(".pdf") in sources


@pytest.mark.parametrize(
    ("folder", "answerable", "unanswerable", "per_manual"),
    [(MANUALS, 100, 30, 8), (TOOLS, 60, 15, 5), (UTILS, 60, 18, 7)],
    ids=["manuals", "tools", "utils"],
)
def test_a_manuals_set_has_many_questions_of_both_kinds_for_every_manual(
    folder: Path, answerable: int, unanswerable: int, per_manual: int
) -> None:
    questions = _manual_questions(folder)
    counts = {entry["filename"]: 0 for entry in _manifest(folder)["documents"]}
    for question in questions:
        for answer in question.get("answers", ()):
            counts[answer["document"]] += 1

    assert len([q for q in questions if q["answerable"]]) >= answerable
    assert len([q for q in questions if not q["answerable"]]) >= unanswerable
    assert min(counts.values()) >= per_manual
    assert len({question["id"] for question in questions}) == len(questions)


@pytest.mark.parametrize("question", MANUAL_ANSWERABLE, ids=_set_and_id)
def test_each_manual_question_is_answered_by_its_manual_in_other_words(
    question: dict[str, Any], manuals: dict[str, dict[str, ExtractedDocument]]
) -> None:
    asked = words(question["question"])
    runs = {" ".join(asked[i : i + COPIED_RUN]) for i in range(len(asked) - COPIED_RUN + 1)}
    for answer in question["answers"]:
        document = manuals[question["set"]][answer["document"]]
        assert answer["page"] is None and answer["evidence"]
        for evidence in answer["evidence"]:
            assert fold(evidence) in fold(document.text), (answer["document"], evidence)
        assert not [run for run in runs if run in " ".join(words(document.text))]


@pytest.mark.parametrize("question", MANUAL_UNANSWERABLE, ids=_set_and_id)
def test_no_manual_mentions_what_an_unanswerable_question_is_about(
    question: dict[str, Any], manuals: dict[str, dict[str, ExtractedDocument]]
) -> None:
    for phrase in question["absent"]:
        pattern = re.compile(rf"\b{re.escape(fold(phrase))}\b")
        assert not [
            name
            for name, document in manuals[question["set"]].items()
            if pattern.search(fold(document.text))
        ], phrase
