"""Assemble the help assistant's search side from a runtime: the one place that picks
concrete classes (the unit of work with the SQL help stores, the backend's full-text
search, the embeddings client).

`ticketflow` calls `build_knowledge(runtime)` once, `await knowledge.start()` with
the app (the PDF readers start in the background) and `await knowledge.close()` at shutdown; `knowledge.retriever` is what
answering uses. Nothing happens at import time.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from sqlalchemy.ext.asyncio import AsyncEngine

from db.repositories.chunk_search import PostgresChunkSearch, SqliteChunkSearch
from knowledge.ports import KnowledgeWork
from knowledge.retrieval import DEFAULT_DECLINE_BELOW, ChunkSearch, LexicalRetriever
from knowledge.semantic import DEFAULT_SEMANTIC_DECLINE_BELOW
from ticketflow.settings import LOCAL_EMBEDDINGS

if TYPE_CHECKING:
    from knowledge.embeddings import OpenAIEmbedder
    from knowledge.local_embeddings import LocalEmbedder
    from knowledge.extraction import PdfSandbox
    from knowledge.hybrid import HybridRetriever
    from knowledge.indexing import DocumentIndexer
    from knowledge.ingestion import ReindexReport

# Answering a question needs only the retriever: the PDF readers, the indexer and
# the embeddings client (with `openai`, or the local model with numpy) are imported
# when they are built, so that `ticketflow ask` loads in a fraction of a second.

EMBEDDINGS_TIMEOUT_SECONDS = 30.0

log = logging.getLogger("ticketflow")


class KnowledgeSettings(Protocol):
    @property
    def openai_api_key(self) -> str | None: ...
    @property
    def openai_base_url(self) -> str | None: ...
    @property
    def embedding_model(self) -> str | None: ...


class KnowledgeRuntime(Protocol):
    """What `ticketflow.runtime.Runtime` offers that knowledge needs."""

    @property
    def settings(self) -> KnowledgeSettings: ...
    @property
    def engine(self) -> AsyncEngine: ...
    def uow(self) -> KnowledgeWork: ...


@dataclass
class Knowledge:
    """The help library's unit of work, its indexer and its retriever, with the PDF
    sandbox they share. `uow()` makes a fresh unit of work for each use case."""

    uow: Callable[[], KnowledgeWork]
    indexer: DocumentIndexer
    retriever: LexicalRetriever | HybridRetriever
    sandbox: PdfSandbox
    embedder: OpenAIEmbedder | LocalEmbedder | None = None
    _warming: asyncio.Task[None] | None = field(default=None, init=False, repr=False)

    async def start(self) -> None:
        """Start the PDF readers now, so the first upload does not wait for them; in the
        background, so the service does not wait for them either: a reader's start-up
        (Python importing pypdf) took 0.6-2.3 s on a loaded machine, all before the service
        answered. An upload meanwhile waits for the reader being started, as it did."""
        self._warming = asyncio.create_task(
            asyncio.to_thread(self.sandbox.warm_up), name="ticketflow-pdf-readers")
        self._warming.add_done_callback(self._warmed)

    def _warmed(self, warming: asyncio.Task[None]) -> None:
        error = None if warming.cancelled() else warming.exception()
        if error is not None and not self.sandbox.closed:  # closing cuts a start short: no fault
            log.warning("the PDF readers could not start ahead of time; each upload of a PDF "
                        "starts one: %s", error)

    async def index_unindexed(self) -> ReindexReport:
        """Index the sources written since the last run (by the web app, say)."""
        from knowledge.ingestion import reindex

        return await reindex(uow=self.uow(), indexer=self.indexer, only_unindexed=True)

    async def close(self) -> None:
        await asyncio.to_thread(self.sandbox.close)
        if self._warming is not None:
            await asyncio.wait([self._warming])  # a reader it was starting is stopped by now
        if self.embedder is not None:
            await self.embedder.close()


@dataclass
class Search:
    """The search side alone, for answering: no PDF readers, no indexer."""

    retriever: LexicalRetriever | HybridRetriever
    embedder: OpenAIEmbedder | LocalEmbedder | None = None

    async def close(self) -> None:
        if self.embedder is not None:
            await self.embedder.close()


def build_search(
    runtime: KnowledgeRuntime,
    *,
    decline_below: float = DEFAULT_DECLINE_BELOW,
    semantic_decline_below: float = DEFAULT_SEMANTIC_DECLINE_BELOW,
) -> Search:
    """Lexical search always; hybrid when an embeddings model is configured (an endpoint's,
    or the local one)."""
    engine = runtime.engine
    embedder = _embedder(runtime.settings)
    lexical = LexicalRetriever(chunk_search(engine), decline_below=decline_below)
    if embedder is None:
        return Search(lexical)
    from db.repositories.chunk_search import SqlChunkVectors
    from knowledge.hybrid import HybridRetriever
    from knowledge.semantic import SemanticRetriever

    semantic = SemanticRetriever(
        SqlChunkVectors(engine), embedder, decline_below=semantic_decline_below
    )
    return Search(HybridRetriever(lexical, semantic), embedder)


def build_knowledge(
    runtime: KnowledgeRuntime,
    *,
    pdf_workers: int = 1,
    decline_below: float = DEFAULT_DECLINE_BELOW,
    semantic_decline_below: float = DEFAULT_SEMANTIC_DECLINE_BELOW,
) -> Knowledge:
    """The search side, and the library with its indexer and PDF readers."""
    from knowledge.extraction import PdfSandbox
    from knowledge.indexing import DocumentIndexer

    search = build_search(runtime, decline_below=decline_below,
                          semantic_decline_below=semantic_decline_below)
    sandbox = PdfSandbox(workers=pdf_workers)
    return Knowledge(
        uow=runtime.uow,
        indexer=DocumentIndexer(sandbox=sandbox, embedder=search.embedder),
        retriever=search.retriever,
        sandbox=sandbox,
        embedder=search.embedder,
    )


async def index_unindexed(runtime: KnowledgeRuntime, *, knowledge: Knowledge | None = None) -> ReindexReport:
    """The start-up hook: index what the web app added while the service was away.

    Pass the app's `knowledge` to reuse its PDF readers; without it a temporary
    set is built and closed.
    """
    if knowledge is not None:
        return await knowledge.index_unindexed()
    temporary = build_knowledge(runtime)
    try:
        return await temporary.index_unindexed()
    finally:
        await temporary.close()


def chunk_search(engine: AsyncEngine) -> ChunkSearch:
    if engine.dialect.name == "postgresql":
        return PostgresChunkSearch(engine)
    return SqliteChunkSearch(engine)


def _embedder(settings: KnowledgeSettings) -> OpenAIEmbedder | LocalEmbedder | None:
    """The local model for `local`; an embeddings client when another model is named and
    there is somewhere to send it; otherwise none (lexical search only)."""
    if settings.embedding_model == LOCAL_EMBEDDINGS:
        from knowledge.local_embeddings import LocalEmbedder

        return LocalEmbedder()
    if not settings.embedding_model or not (settings.openai_api_key or settings.openai_base_url):
        return None
    import openai

    from knowledge.embeddings import OpenAIEmbedder

    client = openai.AsyncOpenAI(
        # A local OpenAI-compatible server needs no key, but the client insists on one.
        api_key=settings.openai_api_key or "no-key",
        base_url=settings.openai_base_url,
        timeout=EMBEDDINGS_TIMEOUT_SECONDS,
        max_retries=2,
    )
    return OpenAIEmbedder(client=client, model=settings.embedding_model)
