"""Chunking a document happens off the event loop: in a reader process of the sandbox, or
in a worker thread without one, with the same chunks either way."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from knowledge.extraction import (
    ExtractedDocument,
    ExtractedPage,
    ExtractionLimits,
    MediaType,
    PdfSandbox,
)
from knowledge.indexing import PROCESS_CHUNKING_CHARACTERS, DocumentIndexer
from knowledge.ports import IndexedChunk
from tests.unit.knowledge.paths import HELP

LATCH_SECONDS = 30.0


def _manual() -> ExtractedDocument:
    """The ssh manuals, long enough to be chunked in a reader process."""
    texts = [
        (HELP.parent / "manuals" / f"{name}.txt").read_text(encoding="utf-8")
        for name in ("ssh-add", "ssh-agent", "ssh-keygen", "ssh_config")
    ]
    document = ExtractedDocument(
        filename="ssh.pdf", media_type=MediaType.PDF,
        pages=tuple(ExtractedPage(number, text) for number, text in enumerate(texts, start=1)),
    )
    assert len(document.text) > PROCESS_CHUNKING_CHARACTERS
    return document


class _CountingSandbox(PdfSandbox):
    def __init__(self) -> None:
        super().__init__(workers=1)
        self.jobs: list[str] = []

    def run_job(self, payload: bytes, *, job: str, filename: str, limits: ExtractionLimits
                ) -> dict[str, Any]:
        self.jobs.append(job)
        return super().run_job(payload, job=job, filename=filename, limits=limits)


async def test_a_long_document_is_chunked_in_a_reader_process_as_it_would_be_here() -> None:
    document = _manual()
    with _CountingSandbox() as sandbox:
        indexer = DocumentIndexer(sandbox=sandbox)

        chunked = await indexer.chunked(document, title="ssh")

        assert sandbox.jobs == ["chunks"]
    assert chunked == indexer.chunks(document, title="ssh")
    assert len(chunked) > 20 and all(chunk.search_text for chunk in chunked)
    assert any(chunk.related for chunk in chunked)


async def test_a_short_document_is_chunked_in_a_thread_without_the_round_trip() -> None:
    page = ExtractedPage(1, "Restart the printer. " * 100)
    document = ExtractedDocument(filename="p.txt", media_type=MediaType.PLAIN_TEXT, pages=(page,))
    with _CountingSandbox() as sandbox:
        chunked = await DocumentIndexer(sandbox=sandbox).chunked(document, title="Printer")

        assert sandbox.jobs == [] and len(chunked) == 2  # 300 words: two overlapping chunks


class _LatchedIndexer(DocumentIndexer):
    def __init__(self) -> None:
        super().__init__(sandbox=None)
        self.release = threading.Event()

    def chunks(self, document: ExtractedDocument, *, title: str) -> tuple[IndexedChunk, ...]:
        if not self.release.wait(LATCH_SECONDS):
            raise TimeoutError("never released: the event loop was held")
        return super().chunks(document, title=title)


async def test_without_a_sandbox_chunking_runs_in_a_worker_thread() -> None:
    indexer = _LatchedIndexer()
    chunking = asyncio.ensure_future(indexer.chunked(_manual(), title="ssh-add"))

    await asyncio.sleep(0)  # one turn of the loop: the loop itself releases the latch
    indexer.release.set()

    assert len(await chunking) > 5
