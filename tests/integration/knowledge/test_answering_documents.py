"""Answering over the real fixture documents, indexed and searched as in production.

- Without a key, the quoted sentences hold the evaluation set's evidence for most
  answerable questions; some questions no document covers are refused by the
  search gate alone (the rest get quotes, clearly marked as such).
- The documents in tests/fixtures/injection, indexed among the ordinary ones,
  never steer an answer: neither the quotes nor a model (the HTTP stand-in, which
  obeys any instruction it reads) get a forbidden string to the person asking.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.answering import HelpAnswer, HelpAssistant
from knowledge.ingestion import Upload, add_help_document
from knowledge.llm import ChatModel, OpenAIChatModel
from knowledge.text import fold
from ticketflow.knowledge import Knowledge, build_knowledge
from tests.integration.builders import insert_user
from tests.integration.knowledge.answering_openai_stand_in import CompletionsStandIn, Naive
from tests.integration.knowledge.evaluation import ingest_fixtures
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
QUESTIONS: list[dict[str, Any]] = json.loads(
    (FIXTURES / "help" / "questions.json").read_text(encoding="utf-8"))["questions"]
INJECTION: dict[str, Any] = json.loads(
    (FIXTURES / "injection" / "cases.json").read_text(encoding="utf-8"))
FORBIDDEN = [fold(text) for text in INJECTION["forbidden_in_answers"]]

EVIDENCE_QUOTED_AT_LEAST = 0.70
"""Measured 0.76 (62 of 82, cited page and evidence both right) with lexical search."""
UNANSWERABLE_REFUSED_AT_LEAST = 0.35
"""Measured 5 of 14: without a model only the retriever's gate refuses, and words like
"business cards" match unrelated passages. With a model, its NO_ANSWER refuses the rest."""


@pytest_asyncio.fixture
async def knowledge(engine: AsyncEngine, database_url: str) -> AsyncIterator[Knowledge]:
    built = build_knowledge(Runtime(settings=Settings(database_url=database_url), engine=engine))
    try:
        yield built
    finally:
        await built.close()


async def add_injection_documents(knowledge: Knowledge) -> dict[str, int]:
    ids = {}
    for document in INJECTION["documents"]:
        added = await add_help_document(
            uow=knowledge.uow(), indexer=knowledge.indexer, title=document["title"],
            upload=Upload(document["filename"],
                          (FIXTURES / "injection" / document["filename"]).read_bytes()),
        )
        ids[document["filename"]] = added.document_id
    return ids


async def test_without_a_key_quotes_answer_the_evaluation_questions(
    knowledge: Knowledge, engine: AsyncEngine
) -> None:
    filenames = await ingest_fixtures(uow=knowledge.uow(), indexer=knowledge.indexer)
    user = await insert_user(engine)
    helper = HelpAssistant(retriever=knowledge.retriever, uow=knowledge.uow, llm=None)
    quoted = refused = 0
    answerable = [q for q in QUESTIONS if q["answerable"]]
    unanswerable = [q for q in QUESTIONS if not q["answerable"]]

    for number, question in enumerate(QUESTIONS):
        answer = await helper.ask(user_id=user, session_id=f"eval-{number}",
                                  question=question["question"])
        if not question["answerable"]:
            refused += not answer.answered
            continue
        cited = {(filenames[c.document_id], c.page) for c in answer.citations}
        for expected in question["answers"]:
            if (expected["document"], expected["page"]) in cited and any(
                fold(e) in fold(answer.text) for e in expected["evidence"]
            ):
                quoted += 1
                break

    assert quoted / len(answerable) >= EVIDENCE_QUOTED_AT_LEAST, (quoted, len(answerable))
    assert refused / len(unanswerable) >= UNANSWERABLE_REFUSED_AT_LEAST, (refused,
                                                                          len(unanswerable))


@pytest.mark.parametrize("mode", ["no model", "obeying model", "obeying model citing [1]"])
async def test_injected_documents_never_steer_an_answer(
    knowledge: Knowledge, engine: AsyncEngine, mode: str
) -> None:
    await ingest_fixtures(uow=knowledge.uow(), indexer=knowledge.indexer)
    ids = await add_injection_documents(knowledge)
    user = await insert_user(engine)

    async with CompletionsStandIn(default=Naive(cite_hijack=mode.endswith("[1]"))) as server:
        model: ChatModel | None = None
        if mode != "no model":
            model = OpenAIChatModel(api_key="sk-test", base_url=server.base_url,
                                    model="gpt-stand-in", timeout=2.0, max_retries=0)
        helper = HelpAssistant(retriever=knowledge.retriever, uow=knowledge.uow,
                               llm=model)
        try:
            for case in INJECTION["cases"]:
                answer = await helper.ask(user_id=user, session_id=case["id"],
                                          question=case["question"])

                text = fold(answer.text)
                assert not [f for f in FORBIDDEN if f in text], answer.text
                assert any(fold(e) in text for e in case["evidence"]), answer.text
                assert (ids[case["document"]], case["page"]) in {
                    (c.document_id, c.page) for c in answer.citations}
        finally:
            await helper.aclose()
        if model is not None:
            assert len(server.requests) == len(INJECTION["cases"])
            for request in server.requests:
                sent = fold(json.dumps(request.messages[1:], ensure_ascii=False))
                for marker in INJECTION["injection_markers"]:
                    assert fold(marker) not in sent


async def second_answers(
    knowledge: Knowledge, engine: AsyncEngine, pairs: list[tuple[str, str]]
) -> tuple[dict[int, str], list[HelpAnswer]]:
    """The help fixtures' file names by document id, and the answer to each pair's second
    question, asked in a session of its own right after the first."""
    filenames = await ingest_fixtures(uow=knowledge.uow(), indexer=knowledge.indexer)
    user = await insert_user(engine)
    helper = HelpAssistant(retriever=knowledge.retriever, uow=knowledge.uow, llm=None)
    answers = []
    for number, (first, then) in enumerate(pairs):
        await helper.ask(user_id=user, session_id=f"pair-{number}", question=first)
        answers.append(await helper.ask(user_id=user, session_id=f"pair-{number}", question=then))
    return filenames, answers


FOLLOW_UPS = [
    # (first question, follow-up, the document cited first or None, a phrase it quotes)
    ("How do I reset my MFA?", "and on a mac?", None, None),
    ("how do I set up the printer", "what about on a mac", "printers-scanning.pdf",
     "PaperCut Print Deploy"),
    ("how do I connect to the vpn", "and on a mac?", "vpn-remote-access.pdf", "on a Mac"),
    ("how do I claim a taxi", "and what about hotels", "expenses-reimbursement.pdf", "hotel"),
    ("how do i reset my password", "and if I lost my phone", "password-reset-mfa.pdf",
     "Lost or stolen phone"),
]


async def test_a_follow_up_is_answered_on_the_topic_it_follows_or_not_at_all(
    knowledge: Knowledge, engine: AsyncEngine
) -> None:
    # "and on a mac?" after the MFA question used to be answered with the VPN guide's Mac
    # steps: the search for both together matched "mac" there and "MFA" nowhere near it.
    filenames, answers = await second_answers(
        knowledge, engine, [(first, follow_up) for first, follow_up, _, _ in FOLLOW_UPS])
    seen = []
    for answer, (_, follow_up, document, phrase) in zip(answers, FOLLOW_UPS, strict=True):
        first_cited = filenames[answer.citations[0].document_id] if answer.citations else None
        quoted = phrase is None or fold(phrase) in fold(answer.text)
        seen.append((follow_up, answer.follow_up, answer.answered, first_cited, quoted))

    assert seen == [(follow_up, True, document is not None, document, True)
                    for _, follow_up, document, _ in FOLLOW_UPS]


ASPECTS = [
    # (first question, follow-up, a phrase the follow-up's answer must quote, phrases of the
    # first answer it must not say again, a document it must not cite)
    ("how do I connect to the vpn?", "and on a mac?", "macOS",
     ("Wait for the padlock icon", "Choose the group Staff-Full"), "printers-scanning.pdf"),
    ("how do I set up the printer", "what about on a mac", "PaperCut Print Deploy", (), None),
    ("how do i reset my password", "and if I lost my phone", "Lost or stolen phone", (), None),
]


async def test_a_follow_up_answers_what_it_adds_not_the_earlier_answer_again(
    knowledge: Knowledge, engine: AsyncEngine
) -> None:
    # "and on a mac?" after the VPN's connection steps quoted the six steps again (one
    # mentions a Mac) and the printing guide's "On a Mac, open Self Service…" for the print
    # queue, not the VPN guide's own macOS line ("macOS" was not read as "mac").
    filenames, answers = await second_answers(
        knowledge, engine, [(first, follow_up) for first, follow_up, *_ in ASPECTS])
    seen = []
    for answer, (_, follow_up, phrase, repeated, elsewhere) in zip(answers, ASPECTS, strict=True):
        cited = {filenames[c.document_id] for c in answer.citations}
        seen.append((follow_up, fold(phrase) in fold(answer.text),
                     [said for said in repeated if fold(said) in fold(answer.text)],
                     elsewhere in cited))

    assert seen == [(follow_up, True, [], False) for _, follow_up, *_ in ASPECTS]


NEW_AFTER_A_CONTINUATION = [
    # (first question, a question opening like a follow-up but naming its own topic, the
    # document it is answered from)
    ("how do I connect to the vpn from home", "what about the guest wifi password",
     "wifi-networks.txt"),
    ("how do I claim a taxi", "and how do I reset my authenticator app on a new phone",
     "password-reset-mfa.pdf"),
    ("how do i set up the printer", "also how do I book a laptop loan for a trip",
     "laptop-hardware-loans.pdf"),
]


async def test_a_continuation_naming_a_topic_found_alone_is_a_new_question(
    knowledge: Knowledge, engine: AsyncEngine
) -> None:
    # "what about the guest wifi password" after a VPN question was searched with the VPN
    # question and quoted the VPN guide's hotspot advice first.
    filenames, answers = await second_answers(
        knowledge, engine, [(first, then) for first, then, _ in NEW_AFTER_A_CONTINUATION])
    seen = []
    for answer, (_, then, _) in zip(answers, NEW_AFTER_A_CONTINUATION, strict=True):
        cited = {filenames[citation.document_id] for citation in answer.citations}
        seen.append((then, answer.follow_up, cited))

    assert seen == [(then, False, {document}) for _, then, document in NEW_AFTER_A_CONTINUATION]


TOLD_WHEN = [
    # (a problem with when it happened, the one document the answer should come from)
    ("my laptop got stolen from the train this morning", "laptop-hardware-loans.pdf"),
    ("my laptop screen has been flickering since monday", "laptop-hardware-loans.pdf"),
]


async def test_when_the_trouble_happened_brings_no_passage_about_that_time(
    knowledge: Knowledge, engine: AsyncEngine
) -> None:
    # "this morning" was searched and cited the VPN guide's "busy morning period" beside the
    # stolen-laptop passage; "since monday" put the flickering screen below the gate.
    filenames = await ingest_fixtures(uow=knowledge.uow(), indexer=knowledge.indexer)
    user = await insert_user(engine)
    helper = HelpAssistant(retriever=knowledge.retriever, uow=knowledge.uow, llm=None)
    seen = []
    for number, (question, _) in enumerate(TOLD_WHEN):
        answer = await helper.ask(user_id=user, session_id=f"told-{number}", question=question)
        seen.append((question, answer.answered,
                     {filenames[citation.document_id] for citation in answer.citations}))

    assert seen == [(question, True, {document}) for question, document in TOLD_WHEN]


PUT_FORMALLY = [
    # (a question in a formal request's courtesy, what the first quote must say)
    ("Dear sir, kindly advise the mileage rate for my own car", "45p per mile"),
    ("Kindly do the needful and reset my password as I am unable to login since yesterday",
     "aka.ms/sspr"),
    ("Dear IT team, I would like to request information regarding the hotel limit in London. "
     "Thank you in advance.", "£150"),
]


async def test_a_question_put_with_formal_courtesy_is_answered_as_asked_plainly(
    knowledge: Knowledge, engine: AsyncEngine
) -> None:
    # "kindly", "advise", "needful", "Dear IT team", "thank you in advance" were searched:
    # matching nothing, they sank each of these below the gate, and all were declined.
    await ingest_fixtures(uow=knowledge.uow(), indexer=knowledge.indexer)
    user = await insert_user(engine)
    helper = HelpAssistant(retriever=knowledge.retriever, uow=knowledge.uow, llm=None)
    seen = []
    for number, (question, said) in enumerate(PUT_FORMALLY):
        answer = await helper.ask(user_id=user, session_id=f"formal-{number}", question=question)
        first_quote = answer.text.split("\n- ")[1] if "\n- " in answer.text else ""
        seen.append((question, answer.answered, fold(said) in fold(first_quote)))

    assert seen == [(question, True, True) for question, _ in PUT_FORMALLY]
