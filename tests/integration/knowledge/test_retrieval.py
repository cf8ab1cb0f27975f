"""Lexical retrieval on both databases: the evaluation floor, the decline gate, OR semantics."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from db.uow import SqlUnitOfWork
from knowledge.indexing import DocumentIndexer
from knowledge.ingestion import Upload, add_help_document
from knowledge.passages import SourceKind
from knowledge.retrieval import (
    DEFAULT_DECLINE_BELOW,
    EVERYDAY_WEIGHT,
    JOINED_WEIGHT,
    TYPO_WEIGHT,
    LexicalRetriever,
)
from ticketflow.knowledge import chunk_search
from tests.integration.knowledge.evaluation import (
    MANUALS,
    evaluate,
    ingest_fixtures,
    load_questions,
)
from tests.waiting import SAFETY_NET


@pytest.fixture
async def filenames(uow: SqlUnitOfWork, indexer: DocumentIndexer) -> dict[int, str]:
    return await ingest_fixtures(uow=uow, indexer=indexer)


def _document(filenames: dict[int, str], name: str) -> int:
    return next(document_id for document_id, filename in filenames.items() if filename == name)


async def test_lexical_search_finds_the_labelled_page_for_nine_questions_in_ten(
    retriever: LexicalRetriever, filenames: dict[int, str]
) -> None:
    result = await evaluate(
        retriever, questions=load_questions(), filenames=filenames, decline=retriever.decline
    )

    assert result.recall(5) >= 0.9
    assert result.recall(1) >= 0.7
    assert result.mrr >= 0.8


LENIENT_KEEPS_AT_LEAST = 0.94
"""Measured 91 of 96 at 0.16 (0.95 of the first 82; the 14 questions added later are
statements and typos such as "spilt tea on my keybaord", which match less); 119 of 123
with the 27 held-out questions added on 2026-12-06."""


async def test_the_decline_gate_refuses_unanswerable_questions_and_keeps_answerable_ones(
    engine: AsyncEngine, filenames: dict[int, str]
) -> None:
    questions = load_questions()
    default = LexicalRetriever(chunk_search(engine))
    lenient = LexicalRetriever(chunk_search(engine), decline_below=0.16)

    at_default = await evaluate(default, questions=questions, filenames=filenames,
                                decline=default.decline)
    at_lenient = await evaluate(lenient, questions=questions, filenames=filenames,
                                decline=lenient.decline)

    assert default.decline_below == DEFAULT_DECLINE_BELOW
    assert at_default.declined_unanswerable >= 0.5
    assert at_default.cited_right >= 0.75
    assert at_lenient.kept_answerable >= LENIENT_KEEPS_AT_LEAST
    assert at_lenient.declined_unanswerable < at_default.declined_unanswerable


@pytest.fixture
async def manuals(uow: SqlUnitOfWork, indexer: DocumentIndexer) -> dict[int, str]:
    return await ingest_fixtures(uow=uow, indexer=indexer, corpus=MANUALS)


async def test_real_manuals_are_cited_for_user_phrased_questions_and_others_declined(
    retriever: LexicalRetriever, manuals: dict[int, str]
) -> None:
    result = await evaluate(
        retriever, questions=load_questions(MANUALS), filenames=manuals,
        decline=retriever.decline,
    )

    assert result.recall(5) >= 0.85
    assert result.cited_right >= 0.7
    assert result.declined_unanswerable >= 0.75
    for half in ("tune", "holdout"):
        assert result.half(half).cited_right >= 0.65
        assert result.half(half).declined_unanswerable >= 0.7


OTHER_WORDS = [
    # everyday words for the manual's ("recurse into directories")
    ("How do I put a whole folder with its subfolders into a zip file?", "zip.pdf"),
    # a compound name as the manual writes it, and as two words
    ("how do I remove the old entry from known_hosts", "ssh-keygen.pdf"),
    # typos
    ("how to add a coment to a zip archve", "zip.pdf"),
    # a statement, not a question
    ("unzip keeps asking whether to replace files", "unzip.pdf"),
]


async def test_a_question_in_other_words_than_the_manual_finds_the_manual(
    retriever: LexicalRetriever, manuals: dict[int, str]
) -> None:
    for question, manual in OTHER_WORDS:
        passages = await retriever.search(question, limit=5)

        assert manual in [manuals[passage.document_id] for passage in passages], question
        assert not retriever.decline(passages), question


async def test_forgetting_a_server_in_the_known_hosts_file_finds_the_key_tool(
    retriever: LexicalRetriever, manuals: dict[int, str]
) -> None:
    # ssh_config's many chunks cover server, known, host and file; at most three of them
    # stand in the top five, so the key tool's passage keeps a place
    passages = await retriever.search("forget a server in my known hosts file", limit=5)

    assert "ssh-keygen.pdf" in [manuals[passage.document_id] for passage in passages]
    assert not retriever.decline(passages)


async def test_two_words_a_manual_writes_as_one_also_count_as_one_at_half_weight(
    retriever: LexicalRetriever, manuals: dict[int, str]
) -> None:
    apart = {term.term: term for term in await retriever.terms("forget a server in my known hosts")}
    written = {term.term: term for term in await retriever.terms("clean up known_hosts")}

    assert {"known", "host", "knownhost"} <= set(apart)
    assert apart["knownhost"].factor == JOINED_WEIGHT < apart["known"].factor == 1.0
    assert written["knownhost"].factor == 1.0  # the question wrote the compound itself


@pytest.mark.parametrize("question", [
    "how do I set up an out of office", "Set up out of office reply pls",
    "out of office",
])
async def test_three_words_a_guide_writes_hyphenated_are_searched_as_one(
    retriever: LexicalRetriever, filenames: dict[int, str], question: str
) -> None:
    """"out of office" is two filler words and "office", which half the guides hold; the email
    guide's "Out-of-office replies" heading is found through the words said together. Filler
    joins only in threes: "set up" is not the noun "setup" (the New Starter guide, titled
    "IT Setup", came first when it did)."""
    passages = await retriever.search(question, limit=5)

    assert passages[0].document_id == _document(filenames, "email-calendar.md"), question
    assert not retriever.decline(passages), question


async def test_the_words_wrapping_a_request_are_not_searched(
    retriever: LexicalRetriever, filenames: dict[int, str]
) -> None:
    question = "sorry, quick question: is it possible to get help with printing?"

    assert [term.term for term in await retriever.terms(question)] == ["print"]


async def test_a_question_with_a_word_no_document_contains_still_finds_its_answer(
    retriever: LexicalRetriever, filenames: dict[int, str]
) -> None:
    question = "my chromebook vpn shows error 809 zyxwvut"

    passages = await retriever.search(question, limit=3)

    assert (passages[0].document_id, passages[0].page) == (
        _document(filenames, "vpn-remote-access.pdf"), 5
    )
    assert not retriever.decline(passages)


async def test_an_english_word_no_document_holds_is_not_taken_for_a_typo(
    retriever: LexicalRetriever, filenames: dict[int, str]
) -> None:
    # the guides hold neither "permit" nor "parking permit"; "keybaord" is a typo
    terms = {term.term: term for term in await retriever.terms("parking permit for my keybaord")}

    assert terms["permit"].chunks == 0
    assert terms["permit"].factor == 1.0
    assert terms["keyboard"].chunks > 0
    assert terms["keyboard"].factor == TYPO_WEIGHT


async def test_an_irregular_past_no_document_holds_is_searched_as_its_verb(
    retriever: LexicalRetriever, filenames: dict[int, str]
) -> None:
    # "spilt" is English, so no typo of "spill": it stood alone and the laptop guide's
    # "Liquid spills" lost to the setup guide's keyboard line
    terms = {term.term: term for term in await retriever.terms("spilt tea on my keybaord")}
    passages = await retriever.search("spilt tea on my keybaord", limit=3)

    assert "spilt" not in terms and terms["spill"].chunks > 0 and terms["spill"].factor == 1.0
    assert passages[0].document_id == _document(filenames, "laptop-hardware-loans.pdf")
    # a form the guides hold is searched as it is ("Lost or stolen phone")
    held = {term.term for term in await retriever.terms("i lost my phone")}
    assert "lost" in held and "lose" not in held
    # a verb no guide uses stays unknown: "stole" is not a typo, nor "steal"
    stole = {term.term: term for term in await retriever.terms("someone stole my badge")}
    assert "steal" not in stole and stole["stole"].chunks == 0


async def test_two_factor_is_searched_as_the_guides_multi_factor_authentication(
    retriever: LexicalRetriever, filenames: dict[int, str]
) -> None:
    passages = await retriever.search("I dont have a smartphone, how do I do the 2fa", limit=3)

    assert passages[0].document_id == _document(filenames, "password-reset-mfa.pdf")
    assert not retriever.decline(passages)


async def test_a_dress_code_is_not_answered_from_passages_about_codes(
    retriever: LexicalRetriever, filenames: dict[int, str]
) -> None:
    # "dress" was searched as "press" ("press and hold", "press Enter"): with "code" it
    # scored 0.35 on the password rules and was answered; no guide covers a dress code
    passages = await retriever.search("what's the dress code", limit=3)

    assert retriever.decline(passages)


async def test_an_everyday_word_no_document_holds_weighs_less_than_a_rare_one(
    retriever: LexicalRetriever, filenames: dict[int, str]
) -> None:
    terms = {
        term.term: term
        for term in await retriever.terms("who do i ring about overtime when the vpn is broken")
    }

    assert terms["ring"].chunks == terms["overtim"].chunks == 0
    assert terms["ring"].factor == EVERYDAY_WEIGHT < terms["overtim"].factor == 1.0
    assert terms["vpn"].factor == 1.0  # a word the guides hold weighs by its rarity there
    # beside a single word the guides hold, the everyday word may be the problem itself
    alone = {term.term: term for term in await retriever.terms("vpn ring")}
    assert alone["ring"].chunks == 0 and alone["ring"].factor == 1.0


async def test_an_unknown_everyday_word_costs_less_confidence_than_an_unknown_topic(
    retriever: LexicalRetriever, filenames: dict[int, str]
) -> None:
    vpn = _document(filenames, "vpn-remote-access.pdf")
    everyday = await retriever.search("who do i ring when the vpn is broken", limit=1)
    topic = await retriever.search("who pays overtime when the vpn is broken", limit=1)

    assert everyday[0].document_id == topic[0].document_id == vpn
    assert everyday[0].score > topic[0].score


async def test_passages_come_best_first_with_their_citation_details(
    retriever: LexicalRetriever, filenames: dict[int, str]
) -> None:
    passages = await retriever.search("how do i add the office printer on my mac", limit=4)

    assert len(passages) == 4
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)
    best = passages[0]
    assert best.source is SourceKind.HELP_DOCUMENT
    assert best.document_id == _document(filenames, "printers-scanning.pdf")
    assert best.title == "Printing and Scanning Guide" and best.page == 2
    assert best.heading and best.heading in best.text
    assert len({p.chunk_id for p in passages}) == 4


async def test_a_question_with_no_topic_words_or_no_match_finds_nothing(
    retriever: LexicalRetriever, filenames: dict[int, str]
) -> None:
    assert await retriever.search("how do i do it?") == []
    assert await retriever.search("") == []
    assert await retriever.search("zyxwvut qqqxj") == []
    assert retriever.decline([])


@pytest.mark.parametrize(
    "question",
    [
        'vpn "error 809',
        "vpn' OR 1=1; --",
        "vpn & | ! ( ) <-> :* \\ NEAR(a b) AND OR NOT ^ * + -",
        "vpn\x00 \udcff émoji 😀 " + "x" * 5000,
        "(" * 300 + "vpn",
    ],
    ids=["quote", "sql", "operators", "odd-characters", "nesting"],
)
async def test_search_syntax_in_a_question_is_just_words(
    retriever: LexicalRetriever, filenames: dict[int, str], question: str
) -> None:
    passages = await retriever.search(question, limit=3)

    assert passages and passages[0].document_id == _document(filenames, "vpn-remote-access.pdf")


async def test_a_newly_added_document_is_found_at_once(
    retriever: LexicalRetriever, uow: SqlUnitOfWork, indexer: DocumentIndexer,
    filenames: dict[int, str],
) -> None:
    assert await retriever.search("kombucha fridge") == []  # the statistics are now cached

    added = await add_help_document(
        uow=uow, indexer=indexer,
        upload=Upload("kitchen.md", b"# Kitchen\nThe kombucha fridge is cleaned on Fridays."),
    )

    (passage, *_) = await retriever.search("when is the kombucha fridge cleaned")
    assert passage.document_id == added.document_id and passage.page is None
    assert not retriever.decline([passage])


async def test_a_long_question_is_cut_to_its_first_words_rather_than_refused(
    retriever: LexicalRetriever, filenames: dict[int, str]
) -> None:
    question = "vpn error 809 " + " ".join(f"word{number}" for number in range(500))

    passages = await retriever.search(question, limit=1)

    assert passages[0].document_id == _document(filenames, "vpn-remote-access.pdf")


async def test_a_search_neither_waits_for_nor_blocks_a_ticket_being_written(
    retriever: LexicalRetriever, engine: AsyncEngine, filenames: dict[int, str],
) -> None:
    """On SQLite every other transaction takes the write lock (BEGIN IMMEDIATE); a help
    search reads a snapshot instead, and on PostgreSQL reads in autocommit. A search that
    queued behind the writer below would wait out busy_timeout (10 s) and fail."""
    async with engine.connect() as writer:
        await writer.begin()  # the lock a ticket's write holds until it commits
        await writer.execute(text("UPDATE help_indexed_sources SET chunk_count = chunk_count"))

        passages = await asyncio.wait_for(
            retriever.search("how do I reset my password"), timeout=SAFETY_NET)

        assert passages
        await writer.rollback()


SECTIONS_IN_ONE_CHUNK = (
    "# Email and calendar\n\n## Out-of-office replies\n\nIn Outlook choose File, then "
    "Automatic Replies, and set the dates you are away.\n\n## Recalling a message\n\nOutlook "
    "can pull back what you sent within a minute if nobody opened it yet.\n\n## Large "
    "attachments\n\nFiles over 25 MB go as a OneDrive link instead."
)
PASSING_MENTIONS = (
    "# Desk phones\n\n## Voicemail\n\nEvery desk phone keeps voicemail for 30 days. A message "
    "left while you are away shows as a red light; to recall a saved message dial 123, to "
    "recall the last caller dial 124, and a message you recall is kept. Recall works from any "
    "desk phone. Large faxes and their attachments are printed, and a fax message is sent on."
)


@pytest.mark.parametrize("question", [
    "how do i recall a message",
    "recalling a mesage i sent by mistake",  # typo
    "RECALL MESSAGE??",
    "can i unsend a message - recall it?",
    "large attachment wont send",
])
async def test_a_section_sharing_a_chunk_with_others_is_found_by_its_own_heading(
    retriever: LexicalRetriever, uow: SqlUnitOfWork, indexer: DocumentIndexer, question: str
) -> None:
    """A section short enough to share its chunk with the one before it keeps its heading's
    weight: the guide's "Recalling a message" beats a page that says "recall" and "message"
    in passing, more often."""
    email = await add_help_document(
        uow=uow, indexer=indexer, upload=Upload("email.md", SECTIONS_IN_ONE_CHUNK.encode())
    )
    await add_help_document(
        uow=uow, indexer=indexer, upload=Upload("phones.md", PASSING_MENTIONS.encode())
    )

    passages = await retriever.search(question, limit=5)

    assert passages[0].document_id == email.document_id, question
    assert passages[0].heading == "Email and calendar"  # cited by the chunk's first heading


async def test_a_passing_mention_still_wins_where_no_heading_names_the_question(
    retriever: LexicalRetriever, uow: SqlUnitOfWork, indexer: DocumentIndexer
) -> None:
    await add_help_document(
        uow=uow, indexer=indexer, upload=Upload("email.md", SECTIONS_IN_ONE_CHUNK.encode())
    )
    phones = await add_help_document(
        uow=uow, indexer=indexer, upload=Upload("phones.md", PASSING_MENTIONS.encode())
    )

    passages = await retriever.search("how do i recall the last caller on my desk phone", limit=5)

    assert passages[0].document_id == phones.document_id
