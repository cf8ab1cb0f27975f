"""The help library's unit of work on the real test database, with one PDF reader for the
whole package."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from db.uow import SqlUnitOfWork
from knowledge.extraction import ExtractionLimits, PdfSandbox
from knowledge.indexing import DocumentIndexer
from knowledge.retrieval import LexicalRetriever
from ticketflow.knowledge import chunk_search

MEGABYTE = 1024 * 1024


@pytest.fixture(scope="package")
def sandbox() -> Iterator[PdfSandbox]:
    with PdfSandbox(workers=1) as sandbox:
        yield sandbox


@pytest.fixture
def uow(engine: AsyncEngine) -> SqlUnitOfWork:
    return SqlUnitOfWork(engine)


@pytest.fixture
def limits() -> ExtractionLimits:
    """Small caps so hostile files fail fast, for their own reason rather than the clock."""
    return ExtractionLimits(
        max_file_bytes=4 * MEGABYTE,
        max_pages=500,
        max_chars=200_000,
        timeout_seconds=10.0,
        memory_bytes=256 * MEGABYTE,
    )


@pytest.fixture
def indexer(sandbox: PdfSandbox, limits: ExtractionLimits) -> DocumentIndexer:
    return DocumentIndexer(sandbox=sandbox, limits=limits)


@pytest.fixture
def retriever(engine: AsyncEngine) -> LexicalRetriever:
    return LexicalRetriever(chunk_search(engine))
