"""Embeddings through a real OpenAI-compatible HTTP endpoint on loopback, and hybrid fusion."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator

import openai
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.repositories.chunk_search import SqlChunkVectors
from db.uow import SqlUnitOfWork
from db.tables import help_indexed_sources
from knowledge.embeddings import OpenAIEmbedder
from knowledge.extraction import PdfSandbox
from knowledge.fusion import score_fusion
from knowledge.hybrid import HybridRetriever
from knowledge.indexing import DocumentIndexer
from knowledge.ingestion import Change, Upload, add_help_document, reindex
from knowledge.passages import SourceKind
from knowledge.ports import SourceRef
from knowledge.retrieval import LexicalRetriever
from knowledge.semantic import SemanticRetriever
from ticketflow.knowledge import build_knowledge
from tests.integration.knowledge.embeddings_server import EmbeddingsStandIn, serve_embeddings
from tests.integration.knowledge.evaluation import HELP, ingest_fixtures
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings
from tests.waiting import until

MODEL = "stand-in-embeddings"
MFA_PDF = (HELP / "password-reset-mfa.pdf").read_bytes()


@pytest.fixture
async def server() -> AsyncIterator[EmbeddingsStandIn]:
    async with serve_embeddings() as server:
        yield server


@pytest.fixture
async def embedder(server: EmbeddingsStandIn) -> AsyncIterator[OpenAIEmbedder]:
    client = openai.AsyncOpenAI(api_key="test-key", base_url=server.url, max_retries=0)
    embedder = OpenAIEmbedder(client=client, model=MODEL, batch_size=4)
    yield embedder
    await embedder.close()


@pytest.fixture
def embedding_indexer(sandbox: PdfSandbox, embedder: OpenAIEmbedder) -> DocumentIndexer:
    return DocumentIndexer(sandbox=sandbox, embedder=embedder)


@pytest.fixture
def semantic(engine: AsyncEngine, embedder: OpenAIEmbedder) -> SemanticRetriever:
    return SemanticRetriever(SqlChunkVectors(engine), embedder, decline_below=0.3)


async def test_each_chunk_gets_a_unit_vector_from_batched_requests(
    uow: SqlUnitOfWork, embedding_indexer: DocumentIndexer, server: EmbeddingsStandIn
) -> None:
    added = await add_help_document(
        uow=uow, indexer=embedding_indexer, upload=Upload("mfa.pdf", MFA_PDF)
    )

    async with uow.reading() as reading:
        ref = SourceRef(SourceKind.HELP_DOCUMENT, added.document_id)
        chunks = await reading.library.chunks(ref)
    assert added.chunk_count == len(chunks) == 5 and added.warning is None
    for chunk in chunks:
        assert chunk.vector is not None and len(chunk.vector) == 256
        assert math.isclose(math.fsum(v * v for v in chunk.vector), 1.0, rel_tol=1e-5)
    assert [len(request["input"]) for request in server.requests] == [4, 1]
    assert {request["model"] for request in server.requests} == {MODEL}
    assert server.requests[0]["input"][0].startswith(added.title)
    async with uow.reading() as reading:
        (state,) = await reading.library.index_states()
    assert state.embedding_model == MODEL


async def test_semantic_search_ranks_chunks_by_cosine_with_the_question(
    uow: SqlUnitOfWork, embedding_indexer: DocumentIndexer, semantic: SemanticRetriever
) -> None:
    filenames = await ingest_fixtures(uow=uow, indexer=embedding_indexer)

    passages = await semantic.search("set up the authenticator app on my account", limit=5)

    assert len(passages) == 5
    assert filenames[passages[0].document_id] == "password-reset-mfa.pdf"
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)
    assert all(-1.0 <= p.score <= 1.0 for p in passages)
    assert not semantic.decline(passages)


async def test_hybrid_search_fuses_both_rankings_by_their_normalised_scores(
    engine: AsyncEngine, uow: SqlUnitOfWork, embedding_indexer: DocumentIndexer,
    retriever: LexicalRetriever, semantic: SemanticRetriever,
) -> None:
    await ingest_fixtures(uow=uow, indexer=embedding_indexer)
    hybrid = HybridRetriever(retriever, semantic, pool=20)
    question = "my phone keeps getting kicked off the staff wifi"
    lexical = await retriever.search(question, limit=20)
    semantic_ranking = await semantic.search(question, limit=20)

    passages = await hybrid.search(question, limit=5)

    expected = score_fusion(
        [[(p.chunk_id, p.score) for p in lexical], [(p.chunk_id, p.score) for p in semantic_ranking]]
    )[:5]
    assert [p.chunk_id for p in passages] == [chunk_id for chunk_id, _ in expected]
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)
    blend = hybrid.lexical_weight * lexical[0].score + semantic_ranking[0].score
    confidence = blend * retriever.decline_below / 0.3
    assert passages[0].score == pytest.approx(confidence, abs=1e-3)
    assert hybrid.decline(passages) == (confidence < retriever.decline_below)


async def test_search_carries_on_lexically_when_the_embeddings_endpoint_fails(
    uow: SqlUnitOfWork, embedding_indexer: DocumentIndexer, retriever: LexicalRetriever,
    semantic: SemanticRetriever, server: EmbeddingsStandIn,
) -> None:
    await ingest_fixtures(uow=uow, indexer=embedding_indexer)
    hybrid = HybridRetriever(retriever, semantic)
    server.fail_with = 503

    passages = await hybrid.search("vpn error 809", limit=3)

    assert passages == await retriever.search("vpn error 809", limit=3)


async def test_a_document_added_while_the_endpoint_is_down_gets_its_vectors_at_reindex(
    engine: AsyncEngine, uow: SqlUnitOfWork, embedding_indexer: DocumentIndexer,
    semantic: SemanticRetriever, server: EmbeddingsStandIn,
) -> None:
    server.fail_with = 500
    added = await add_help_document(
        uow=uow, indexer=embedding_indexer, upload=Upload("mfa.pdf", MFA_PDF)
    )
    assert added.warning is not None and "without embeddings" in added.warning
    assert await semantic.search("authenticator app") == []
    server.fail_with = None

    report = await reindex(uow=uow, indexer=embedding_indexer)

    assert [(item.ref.document_id, item.change) for item in report.changes] == [
        (added.document_id, Change.EMBEDDED)
    ]
    ref = SourceRef(SourceKind.HELP_DOCUMENT, added.document_id)
    async with uow.reading() as reading:
        assert all(chunk.vector is not None for chunk in await reading.library.chunks(ref))
    assert (await semantic.search("authenticator app"))[0].document_id == added.document_id
    async with engine.connect() as connection:
        models = (await connection.execute(select(help_indexed_sources.c.embedding_model))).scalars()
        assert list(models) == [MODEL]


async def test_the_service_searches_hybrid_only_when_an_embeddings_model_is_configured(
    engine: AsyncEngine, database_url: str, server: EmbeddingsStandIn
) -> None:
    plain = Runtime(settings=Settings(database_url=database_url), engine=engine)
    configured = Runtime(
        settings=Settings(
            database_url=database_url, openai_base_url=server.url, embedding_model=MODEL
        ),
        engine=engine,
    )

    lexical_only = build_knowledge(plain)
    hybrid = build_knowledge(configured)
    try:
        await hybrid.start()
        assert isinstance(lexical_only.retriever, LexicalRetriever)
        assert lexical_only.indexer.embedder is None
        assert isinstance(hybrid.retriever, HybridRetriever)
        assert hybrid.indexer.embedder is not None and hybrid.indexer.embedder.model == MODEL
        await until(lambda: len(hybrid.sandbox.worker_pids()) == 1,  # started in the background
                    what="the PDF reader to start")
        assert (await hybrid.index_unindexed()).changes == ()
    finally:
        await lexical_only.close()
        await hybrid.close()
    assert hybrid.sandbox.worker_pids() == ()
