"""The local embeddings model (all-MiniLM-L6-v2 in numpy) on real text, and hybrid search
with it over real manuals. The model package is part of the test install: without it
these tests fail, they do not skip."""

from __future__ import annotations

import math

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from db.repositories.chunk_search import SqlChunkVectors
from db.uow import SqlUnitOfWork
from knowledge.extraction import PdfSandbox
from knowledge.hybrid import HybridRetriever
from knowledge.indexing import DocumentIndexer
from knowledge.ingestion import Change, Upload, add_help_document
from knowledge.local_embeddings import MODEL_NAME, LocalEmbedder
from knowledge.passages import Passage
from knowledge.retrieval import LexicalRetriever
from knowledge.semantic import SemanticRetriever
from tests.integration.knowledge.evaluation import MANUALS
from ticketflow.knowledge import build_knowledge, chunk_search
from ticketflow.runtime import Runtime
from ticketflow.settings import load_settings


@pytest.fixture(scope="module")
def embedder() -> LocalEmbedder:
    return LocalEmbedder(batch_size=3)


def cosine(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    return math.fsum(x * y for x, y in zip(a, b, strict=True))


async def test_a_paraphrase_is_nearer_than_an_unrelated_sentence(embedder: LocalEmbedder) -> None:
    question, paraphrase, unrelated, other = await embedder.embed([
        "How do I make the server listen on a socket?",
        "Bind the service to an address and a port so that it accepts connections.",
        "The expense claim needs a receipt for every purchase.",
        "Please reimburse me for the coffee I bought for the client meeting.",
    ])

    assert cosine(question, paraphrase) > cosine(question, unrelated) + 0.2
    assert cosine(unrelated, other) > cosine(unrelated, paraphrase) + 0.2
    for vector in (question, paraphrase, unrelated, other):
        assert len(vector) == 384
        assert math.isclose(math.fsum(v * v for v in vector), 1.0, rel_tol=1e-5)


async def test_a_batch_embeds_each_text_as_it_would_alone(embedder: LocalEmbedder) -> None:
    texts = [
        "zip -r archive.zip folder",
        "",
        "Travel the directory structure recursively " * 80,  # past the 256-token window
        "ssh-keygen -R host removes the host's keys from known_hosts",
        "Ünïcödé façade — “quoted”",
    ]

    together = await embedder.embed(texts)
    alone = [(await embedder.embed([text]))[0] for text in texts]

    assert embedder.model == MODEL_NAME
    for a, b in zip(together, alone, strict=True):
        assert max(abs(x - y) for x, y in zip(a, b, strict=True)) < 1e-5
    assert await embedder.embed([]) == []


# Three small manuals; questions in other words than the manuals use, where lexical search
# cites another passage of the right manual first and hybrid search brings the answering
# one up to its first two (second for the socket question since the PDF text repair
# of 42f59dd: the agent's other options now read as whole words too).
MANUAL_FILES = ("scp.pdf", "bzip2.pdf", "ssh-agent.pdf")
BY_MEANING = [
    ("start the agent so it listens on a socket path I pick",
     "Bind the agent to the UNIX-domain socket"),
    ("scp fails silently, how do I see what it is doing", "Verbose mode"),
]


async def test_hybrid_search_finds_by_meaning_what_lexical_search_misses(
    engine: AsyncEngine, sandbox: PdfSandbox, embedder: LocalEmbedder
) -> None:
    uow = SqlUnitOfWork(engine)
    indexer = DocumentIndexer(sandbox=sandbox, embedder=embedder)
    for name in MANUAL_FILES:
        await add_help_document(
            uow=uow, indexer=indexer, upload=Upload(name, (MANUALS / name).read_bytes())
        )
    lexical = LexicalRetriever(chunk_search(engine))
    hybrid = HybridRetriever(lexical, SemanticRetriever(SqlChunkVectors(engine), embedder))

    def rank(passages: list[Passage], answer: str) -> int:
        return next((i for i, p in enumerate(passages) if answer in " ".join(p.text.split())),
                    len(passages))

    for question, answer in BY_MEANING:
        by_words = await lexical.search(question, limit=5)
        passages = await hybrid.search(question, limit=5)

        assert rank(by_words, answer) > 0, question
        assert rank(passages, answer) < min(2, rank(by_words, answer)), question
        assert not hybrid.decline(passages), question


async def test_the_service_embeds_at_start_up_what_was_indexed_without_the_local_model(
    engine: AsyncEngine, database_url: str, indexer: DocumentIndexer
) -> None:
    uow = SqlUnitOfWork(engine)
    added = await add_help_document(uow=uow, indexer=indexer, upload=Upload(
        "printers.txt", b"When the printer on floor 3 reports a paper jam, open tray 2 and "
        b"pull the sheet out gently. Badge readers reset every night at 2am.",
    ))
    settings = load_settings({"TICKETFLOW_DATABASE_URL": database_url,
                              "TICKETFLOW_EMBEDDING_MODEL": "local"}, env_file=None)
    knowledge = build_knowledge(Runtime(settings=settings, engine=engine))
    try:
        assert isinstance(knowledge.embedder, LocalEmbedder)
        assert isinstance(knowledge.retriever, HybridRetriever)

        at_start = await knowledge.index_unindexed()
        at_next_start = await knowledge.index_unindexed()

        assert [(c.ref.document_id, c.change) for c in at_start.changes] == [
            (added.document_id, Change.EMBEDDED)
        ]
        assert at_next_start.changes == ()
        async with uow.reading() as reading:
            (state,) = await reading.library.index_states()
        assert state.embedding_model == MODEL_NAME
        passages = await knowledge.retriever.search("paper stuck in the copier, what do I do")
        assert passages and passages[0].document_id == added.document_id
    finally:
        await knowledge.close()
