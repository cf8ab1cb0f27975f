"""A PDF table's row is quoted whole: the cell that answers comes with the cell it answers
for ("HR and payroll portal | Head of People"), not a neighbouring row's first cell."""

from __future__ import annotations

from knowledge.asked_for import asked_for
from knowledge.chunking import chunk_document
from knowledge.extraction import PdfSandbox, extract_document
from knowledge.extractive import extract, query_weights
from knowledge.passages import Passage
from tests.unit.knowledge.answering_fakes import passage
from tests.unit.knowledge.paths import HELP


async def _chunks(name: str, sandbox: PdfSandbox) -> list[Passage]:
    document = await extract_document((HELP / name).read_bytes(), name, sandbox=sandbox)
    return [passage(chunk.text, document_id=1, title=document.title or name, page=chunk.page,
                    heading=chunk.heading, chunk_id=100 + chunk.ordinal)
            for chunk in chunk_document(document.pages)]


def _first_quote(question: str, passages: list[Passage]) -> str:
    return extract(query_weights(question), passages, wanted=asked_for(question))[0].text


async def test_who_approves_a_system_is_quoted_from_its_own_row(
    shared_sandbox: PdfSandbox,
) -> None:
    setup = await _chunks("new-starter-it-setup.pdf", shared_sandbox)
    found = _first_quote("who approves access to the HR and payroll portal?", setup)

    assert "HR and payroll portal | Head of People" in found
    assert "Financial Controller" not in found


async def test_an_error_code_is_still_quoted_with_its_fix(shared_sandbox: PdfSandbox) -> None:
    printers = await _chunks("printers-scanning.pdf", shared_sandbox)
    found = _first_quote("the printer says J-501", printers)

    assert "J-501" in found
    assert "Paper jam in tray 1" in found
