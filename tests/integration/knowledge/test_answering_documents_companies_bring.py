"""The questions of tests/fixtures/explore2/questions.json, written before any was asked,
against those documents and the help set, indexed and answered as in production without
a model: each answerable one cites its document first and quotes what answers it, each
other one is declined. Rows that still fail are listed with why, and must keep failing
(a row that starts passing is taken off the list)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.answering import HelpAssistant
from knowledge.ingestion import Upload, add_help_document
from ticketflow.knowledge import Knowledge, build_knowledge
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings
from tests.integration.builders import insert_user

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
DOCUMENTS = [FIXTURES / "explore2" / name for name in (
    "building-guide.pdf", "dev-toolchain-runbook.pdf", "benefits-faq.txt",
    "information-security-policy.html")] + sorted(
    path for path in (FIXTURES / "help").iterdir() if path.suffix in {".pdf", ".md", ".html", ".txt"})

# Question → why it still fails. Cited: the wrong document first or declined; quoted: the
# right document, without the words that answer; answered: a near miss not declined.
STILL_FAILING = {
    "lost my security pass on the train":
        "cited: 'pass' is not 'badge'; the security policy's 'lost or stolen laptop' wins",
    "my client is coming tomorrow, how do i register a visiter":
        "cited: declined; the guide says 'booked in', and 'visiter' stems to 'visit'",
    "what's the wifi password for visitors in the atrium":
        "quoted: the guest voucher is not among the quotes ('password' matches FH-Corp's line)",
    "I left my badge at home, how do i get in":
        "quoted: 'left' matches 'Visitors are never left alone', not 'Forgotten your badge?'",
    "SSL certificate problem: unable to get local issuer certificate when pip installing":
        "quoted: the entry stops before its fix; the PDF's Courier commands run into the text",
    "setting up node on windows laptop":
        "quoted: the runbook's opening, not the Windows steps",
    "when is payday":
        "quoted: 'payday' is not 'paid'; the payslip answer and the title line are quoted",
    "I need someone to talk to, is there counselling":
        "cited: declined under the gate, though 'counselling' is in one answer",
    "how long does my password need to be":
        "cited: the help set's password guide first (it says 14 characters too)",
    "I clicked a link in a phishing email what now":
        "cited: declined under the gate",
    "taking my laptop on holiday to spain, anything I need to do":
        "cited: declined; the policy says 'Travelling abroad' and 'outside the UK'",
    "can I print confidential documents at home":
        "cited: the help set's printing guide first (it answers the same)",
    "my usb stick doesnt work on my laptop":
        "cited: the help set's new-starter guide first, whose heading 'USB storage and "
        "removable media' is searched as one since chunks-v7 (it answers the same: blocked)",
    "is it ok to work from a coffee shop on their wifi":
        "cited: declined; the policy says 'Public Wi-Fi' and 'cafe'",
    "how often do I have to change my password":
        "quoted: 'Passwords expire every 180 days' is not quoted ('change' matches other lines)",
    "keyboard shortcut to lock screen on mac":
        "cited: the help set's new-starter guide first (Windows key + L); the Mac keys are second",
    "can I install a chrome extension for grammar":
        "cited: the help set's new-starter guide first (it says extensions are reviewed)",
    "how do I book the thames suite for an event with catering":
        "answered: the suite's line shares 'thames suite'",
    "is there a creche or childcare at harbour house":
        "answered: the guide's opening shares 'harbour house'",
    "can I charge my electric scooter in the bike store":
        "answered: the car chargers and bike store lines share 'charge', 'electric', 'bike store'",
    "is there a company car scheme":
        "answered: the pension and cycle scheme lines share 'company', 'scheme'",
    "can I get my pension paid out early":
        "answered: the opt-out answer shares 'pension', 'paid'",
    "how do i claim maternity pay":
        "answered: the eye test answer shares 'claim', 'pay'",
    "how do I encrypt an email to a supplier":
        "answered: the classification table shares 'email', 'supplier', 'encrypted'",
    "who is the data protection officer":
        "answered: the new starter guide's 'data protection course'",
}


@pytest_asyncio.fixture
async def knowledge(engine: AsyncEngine, database_url: str) -> AsyncIterator[tuple[Knowledge, dict[int, str]]]:
    built = build_knowledge(Runtime(settings=Settings(database_url=database_url), engine=engine))
    try:
        names = {}
        for path in DOCUMENTS:
            added = await add_help_document(uow=built.uow(), indexer=built.indexer, title=None,
                                            upload=Upload(path.name, path.read_bytes()))
            names[added.document_id] = path.name
        yield built, names
    finally:
        await built.close()


async def test_questions_written_before_asking_are_answered_or_declined(
    engine: AsyncEngine, knowledge: tuple[Knowledge, dict[int, str]]
) -> None:
    built, names = knowledge
    user = await insert_user(engine)
    helper = HelpAssistant(retriever=built.retriever, uow=built.uow, llm=None)
    rows = json.loads((FIXTURES / "explore2" / "questions.json").read_text())["questions"]

    failing = {}
    for number, row in enumerate(rows):
        answer = await helper.ask(user_id=user, session_id=f"s{number}", question=row["q"])
        cited = names.get(answer.citations[0].document_id) if answer.answered and answer.citations else None
        if row["document"] is None:
            if answer.answered:
                failing[row["q"]] = f"answered from {cited}"
        elif cited != row["document"]:
            failing[row["q"]] = f"cited {cited}"
        elif row["expect"] not in answer.text.replace("`", ""):
            failing[row["q"]] = f"quoted without {row['expect']!r}"

    assert len(rows) == 60
    newly_failing = {question: why for question, why in failing.items() if question not in STILL_FAILING}
    now_passing = sorted(set(STILL_FAILING) - set(failing))
    assert newly_failing == {}
    assert now_passing == []
