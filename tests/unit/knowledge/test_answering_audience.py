"""Documents limited to some roles: parsing the audience, and answers that never cite them."""

from __future__ import annotations

import pytest

from domain.errors import InvalidValue
from domain.people import Role
from knowledge.answering import HelpAssistant, MinimumScore
from knowledge.audience import STAFF_ROLES, describe, may_read, parse_audience, readers_of
from knowledge.passages import SourceKind
from tests.unit.knowledge.answering_fakes import (
    MemoryAudiences,
    MemoryChatStore,
    MemoryChatWork,
    MemoryRetriever,
    NaiveModel,
    passage,
)

RUNBOOK = passage(
    "To restart the print server, log in to PRN-01 as the service account and run the "
    "restart print spooler script.",
    document_id=7, title="Print server runbook (agents only)", page=2,
)
PRINTERS = passage(
    "If printing stops, switch the printer off and on again and release the print job again.",
    document_id=5, title="Printers and Scanning", page=1,
)


def helper(
    *passages: object, staff_only: tuple[int, ...] = (7,), threshold: float = 0.5
) -> tuple[HelpAssistant, MemoryChatStore]:
    store = MemoryChatStore()
    audiences = MemoryAudiences({(SourceKind.HELP_DOCUMENT, d): STAFF_ROLES for d in staff_only})
    retriever = MemoryRetriever(passages or (RUNBOOK, PRINTERS))  # type: ignore[arg-type]
    return HelpAssistant(retriever=retriever, uow=MemoryChatWork(store, audiences), llm=None,
                         gate=MinimumScore(threshold)), store


@pytest.mark.parametrize(
    ("text", "roles"),
    [("everyone", None), ("staff", STAFF_ROLES), ("Staff", STAFF_ROLES),
     ("admin,manager", frozenset({Role.ADMIN, Role.MANAGER})), ("admins", frozenset({Role.ADMIN})),
     ("staff,customer", None)],
)
def test_an_audience_is_everyone_staff_or_roles(text: str, roles: frozenset[Role] | None) -> None:
    assert parse_audience(text) == roles


@pytest.mark.parametrize("text", ["", " , ", "agents", "staff,visitors"])
def test_an_unknown_audience_is_refused_with_the_choices(text: str) -> None:
    with pytest.raises(InvalidValue, match="audience"):
        parse_audience(text)


def test_an_audience_reads_back_as_it_was_given() -> None:
    assert [describe(parse_audience(text)) for text in ("everyone", "staff", "manager,admin")] \
        == ["everyone", "staff", "admin,manager"]


def test_a_document_without_an_audience_is_for_everyone_even_an_unknown_role() -> None:
    limited = {(SourceKind.HELP_DOCUMENT, 7): STAFF_ROLES}

    assert may_read(PRINTERS, limited, None) and may_read(PRINTERS, limited, Role.CUSTOMER)
    assert not may_read(RUNBOOK, limited, Role.CUSTOMER) and not may_read(RUNBOOK, limited, None)
    assert may_read(RUNBOOK, limited, Role.USER)


async def test_a_customer_is_never_answered_from_a_staff_document() -> None:
    assistant, store = helper()

    answer = await assistant.ask(user_id="c1", session_id="s1", reader=Role.CUSTOMER,
                                 question="how do i restart the print server spooler")

    assert all(c.document_id != 7 for c in answer.citations)
    stored = " ".join(m.content for m in store.messages)
    assert "runbook" not in stored.casefold() and "PRN-01" not in stored


async def test_staff_are_answered_from_the_staff_document() -> None:
    assistant, _ = helper()

    answer = await assistant.ask(user_id="a1", session_id="s1", reader=Role.USER,
                                 question="how do i restart the print server spooler")

    assert answer.answered and answer.citations[0].document_id == 7
    assert "PRN-01" in answer.text


async def test_many_staff_passages_do_not_crowd_out_what_a_customer_may_read() -> None:
    runbooks = [passage(f"Restart the print spooler on server PRN-{n:02} with the script.",
                        document_id=100 + n, title=f"Runbook {n}", page=1) for n in range(30)]
    public = passage("A print job stuck in the spooler can be deleted from the print queue.",
                     document_id=5, title="Printers and Scanning", page=3)
    assistant, _ = helper(*runbooks, public, staff_only=tuple(100 + n for n in range(30)),
                          threshold=0.01)

    answer = await assistant.ask(user_id="c1", session_id="s1", reader=Role.CUSTOMER,
                                 question="print spooler restart")

    assert [c.document_id for c in answer.citations] == [5]


def shelf() -> HelpAssistant:
    audiences = MemoryAudiences(
        {(SourceKind.HELP_DOCUMENT, 7): STAFF_ROLES,
         (SourceKind.HELP_DOCUMENT, 8): frozenset({Role.ADMIN})},
        titles={(SourceKind.HELP_DOCUMENT, 7): "Print server runbook (agents only)",
                (SourceKind.HELP_DOCUMENT, 5): "Printers and Scanning",
                (SourceKind.HELP_DOCUMENT, 8): "Admin console recovery",
                (SourceKind.USER_GUIDE, 2): "expenses and reimbursement"})
    return HelpAssistant(retriever=MemoryRetriever([PRINTERS]), uow=MemoryChatWork(
        MemoryChatStore(), audiences), llm=None)


@pytest.mark.parametrize(("reader", "titles"), [
    (Role.CUSTOMER, ["expenses and reimbursement", "Printers and Scanning"]),
    (None, ["expenses and reimbursement", "Printers and Scanning"]),
    (Role.USER, ["expenses and reimbursement", "Print server runbook (agents only)",
                 "Printers and Scanning"]),
    (Role.ADMIN, ["Admin console recovery", "expenses and reimbursement",
                  "Print server runbook (agents only)", "Printers and Scanning"]),
])
async def test_the_documents_listed_are_those_the_reader_may_read(
    reader: Role | None, titles: list[str]
) -> None:
    assert await shelf().documents(reader=reader) == titles


@pytest.mark.parametrize(("reader", "question", "readers"), [
    (Role.USER, "how do i restart the print server spooler", STAFF_ROLES),  # the runbook
    (Role.MANAGER, "how do i restart the print server spooler", STAFF_ROLES),
    (Role.CUSTOMER, "printing stops, how do i release the print job", None),
    (Role.USER, "what is the weather on mars tomorrow", None),  # nothing found, nothing drawn
])
async def test_an_answer_says_which_roles_may_read_everything_it_drew_on(
    reader: Role, question: str, readers: frozenset[Role] | None
) -> None:
    assistant, _ = helper()

    answer = await assistant.ask(user_id="u1", session_id="s1", reader=reader, question=question)

    assert answer.readers == readers


def test_the_roles_that_may_read_several_passages_are_those_that_may_read_each() -> None:
    limited = {(SourceKind.HELP_DOCUMENT, 7): STAFF_ROLES,
               (SourceKind.HELP_DOCUMENT, 9): frozenset({Role.USER, Role.CUSTOMER})}
    agents_note = passage("Agents and customers only.", document_id=9, title="Note", page=1)

    assert readers_of([], limited) is None
    assert readers_of([PRINTERS], limited) is None
    assert readers_of([PRINTERS, RUNBOOK], limited) == STAFF_ROLES
    assert readers_of([RUNBOOK, agents_note], limited) == frozenset({Role.USER})


def shared_session(llm: object) -> tuple[HelpAssistant, HelpAssistant, MemoryChatStore]:
    """A staff answer, then the same person's follow-up: with no model, then with `llm`."""
    store = MemoryChatStore()
    audiences = MemoryAudiences({(SourceKind.HELP_DOCUMENT, 7): STAFF_ROLES})
    work = MemoryChatWork(store, audiences)
    spooler = passage("If the print spooler on your own computer stops, restart the computer "
                      "and release the print job again.", document_id=5,
                      title="Printers and Scanning", page=2)
    retriever = MemoryRetriever((RUNBOOK, spooler))
    first = HelpAssistant(retriever=retriever, uow=work, llm=None, gate=MinimumScore(0.5))
    then = HelpAssistant(retriever=retriever, uow=work, llm=llm,  # type: ignore[arg-type]
                         gate=MinimumScore(0.5))
    return first, then, store


async def test_a_staff_answer_is_not_sent_to_the_model_once_the_asker_is_a_customer() -> None:
    model = NaiveModel()
    staff, later, _ = shared_session(model)
    asked = await staff.ask(user_id="u1", session_id="s1", reader=Role.USER,
                            question="how do i restart the print server spooler")
    assert "PRN-01" in asked.text  # the runbook answered while they were staff

    answer = await later.ask(user_id="u1", session_id="s1", reader=Role.CUSTOMER,
                             question="and what if printing stops after that?")

    assert model.prompts, "the follow-up reached the model"
    sent = " ".join(message.content for prompt in model.prompts for message in prompt)
    assert "PRN-01" not in sent and "runbook" not in sent.casefold()
    assert "PRN-01" not in answer.text and all(c.document_id != 7 for c in answer.citations)


async def test_a_staff_answer_still_leads_a_staff_follow_up_to_the_model() -> None:
    model = NaiveModel()
    staff, later, _ = shared_session(model)
    await staff.ask(user_id="u1", session_id="s1", reader=Role.USER,
                    question="how do i restart the print server spooler")

    await later.ask(user_id="u1", session_id="s1", reader=Role.USER,
                    question="and what if printing stops after that?")

    sent = " ".join(message.content for prompt in model.prompts for message in prompt)
    assert "PRN-01" in sent  # the earlier answer, as the model's own turn


async def test_a_staff_answer_is_not_quoted_again_once_the_asker_is_a_customer() -> None:
    staff, _, store = shared_session(None)
    await staff.ask(user_id="u1", session_id="s1", reader=Role.USER,
                    question="how do i restart the print server spooler")

    answer = await staff.ask(user_id="u1", session_id="s1", reader=Role.CUSTOMER,
                             question="and how do i do that again?")

    assert "PRN-01" not in answer.text and all(c.document_id != 7 for c in answer.citations)
    assert "PRN-01" not in store.messages[-1].content
