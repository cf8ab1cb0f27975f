"""Chunking a document happens off the event loop: in a reader process of the sandbox, or
in a worker thread without one, with the same chunks either way."""

from __future__ import annotations

import asyncio
import threading

from knowledge.extraction import ExtractedDocument, ExtractedPage, MediaType, PdfSandbox
from knowledge.indexing import DocumentIndexer
from knowledge.ports import IndexedChunk
from tests.unit.knowledge.paths import HELP

LATCH_SECONDS = 30.0


def _manual() -> ExtractedDocument:
    text = (HELP.parent / "manuals" / "ssh-add.txt").read_text(encoding="utf-8")
    halves = (text[: len(text) // 2], text[len(text) // 2 :])
    return ExtractedDocument(
        filename="ssh-add.pdf", media_type=MediaType.PDF,
        pages=tuple(ExtractedPage(number, half) for number, half in enumerate(halves, start=1)),
    )


async def test_chunks_made_in_a_reader_process_are_the_ones_made_here(
    shared_sandbox: PdfSandbox,
) -> None:
    document = _manual()
    indexer = DocumentIndexer(sandbox=shared_sandbox)

    chunked = await indexer.chunked(document, title="ssh-add")

    assert chunked == indexer.chunks(document, title="ssh-add")
    assert len(chunked) > 5 and all(chunk.search_text for chunk in chunked)
    assert any(chunk.related for chunk in chunked)


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
