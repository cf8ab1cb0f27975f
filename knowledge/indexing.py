"""Turn an upload or a stored source into its index: text, page-aware chunks, vectors.

Everything slow or risky happens here, before any transaction and off the event
loop: the PDF reader runs in its sandbox, chunking, analysis, decoding and hashing
run in worker threads, the embeddings endpoint is called over the network. What
comes out is a `DocumentIndex` value (with the analysed form of every chunk) the
library then writes in one go, so the service keeps answering turns meanwhile.

Rows the web app wrote are read from `file_data` (base64 of the upload) so PDFs
keep their page numbers; when that cannot be read, TicketFlow's own extracted
`content` is indexed instead, without pages. A source that yields no text at all
is remembered as rejected, with the reason, so it is not retried on every start.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Any

from knowledge.analysis import analyse, search_form
from knowledge.chunking import ChunkSize, chunk_document
from knowledge.embeddings import Embedder, EmbeddingUnavailable
from knowledge.extraction import (
    DEFAULT_LIMITS,
    DocumentRejected,
    DocumentTooLarge,
    ExtractedDocument,
    ExtractedPage,
    ExtractionLimits,
    MediaType,
    NoTextFound,
    PdfSandbox,
    extract_document,
)
from knowledge.extraction.protocol import CHUNK_JOB
from knowledge.passages import SourceKind
from knowledge.ports import (
    DocumentIndex,
    IndexedChunk,
    IndexStatus,
    SourceDocument,
    content_digest,
)
from knowledge.text import clean_extracted_text
from knowledge.vocabulary import everyday_synonyms, mine_synonyms, related_terms

INDEX_FORMAT = "chunks-v7"
"""Part of every fingerprint: changing how documents are extracted, chunked or analysed
re-indexes them all on the next `docs reindex` (v2: words split by PDF kerning are joined;
v3: one analyzer for both databases, and related words beside each chunk; v4: PDF
spaces set from the glyphs' gaps, "˜/" and "∗" read as "~/" and "*"; v5: a compound broken
at a line end keeps its hyphen, "case-insensitive"; v6: a PDF table's row drawn cell by
cell is one line, its cells joined by " | "; v7: every section heading a chunk holds is
searched as a heading, not only its first)."""
DEFAULT_SIZE = ChunkSize()
PROCESS_CHUNKING_CHARACTERS = 50_000
"""From this length on a document is chunked in a reader process: below it, chunking holds
the GIL for a fifth of a second or less, less than the round trip and JSON would cost."""
_DATA_URL = re.compile(r"^data:[^,]{0,200};base64,", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class IndexOutcome:
    """An index, and what the operator should hear about it besides."""

    index: DocumentIndex
    document: ExtractedDocument | None = None
    warning: str | None = None


def fingerprint(
    *,
    title: str,
    filename: str | None,
    content: str,
    file_data: str | None,
    description: str | None = None,
) -> str:
    """What an index was built from; a source whose fingerprint changed is re-indexed."""
    digest = hashlib.sha256(INDEX_FORMAT.encode())
    for part in (title, filename, content, file_data, description):
        encoded = ("\x00" if part is None else f"\x01{part}").encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "big"))
        digest.update(encoded)
    return digest.hexdigest()


def source_fingerprint(source: SourceDocument) -> str:
    return fingerprint(
        title=source.title,
        filename=source.filename,
        content=source.content,
        file_data=source.file_data,
        description=source.description,
    )


class DocumentIndexer:
    """Extraction, chunking and (with an embedder) embeddings, as one step."""

    def __init__(
        self,
        *,
        sandbox: PdfSandbox | None,
        embedder: Embedder | None = None,
        limits: ExtractionLimits = DEFAULT_LIMITS,
        size: ChunkSize = DEFAULT_SIZE,
    ) -> None:
        self.embedder = embedder
        self.limits = limits
        self._sandbox = sandbox
        self._size = size

    async def read(self, data: bytes, filename: str) -> ExtractedDocument:
        """Extract an upload; raises `DocumentRejected` saying why it cannot be used."""
        return await extract_document(data, filename, self.limits, sandbox=self._sandbox)

    async def index(
        self, document: ExtractedDocument, *, title: str, fingerprint: str
    ) -> IndexOutcome:
        chunks = await self.chunked(document, title=title)
        index = DocumentIndex(
            fingerprint=fingerprint,
            status=IndexStatus.INDEXED,
            title=title,
            chunks=chunks,
            page_count=document.page_count if document.media_type is MediaType.PDF else None,
        )
        warning = _unreadable_pages(document)
        try:
            index = await self.embed(index)
        except EmbeddingUnavailable as error:
            warning = "; ".join(filter(None, (warning, f"indexed without embeddings ({error})")))
        return IndexOutcome(index=index, document=document, warning=warning)

    async def chunked(
        self, document: ExtractedDocument, *, title: str
    ) -> tuple[IndexedChunk, ...]:
        """`chunks`, off the event loop: for a long document, in a reader process of the
        sandbox, so that not even the GIL is shared with the loop while it is chunked;
        for a short one (or without a sandbox) in a worker thread, which costs no round
        trip. Raises `DocumentRejected` when a reader overruns its time or memory caps."""
        characters = sum(len(page.text) for page in document.pages)
        if self._sandbox is None or characters < PROCESS_CHUNKING_CHARACTERS:
            return await asyncio.to_thread(self.chunks, document, title=title)
        reply = await self._sandbox.run_job_async(
            encode_chunk_job(document.pages, title=title, size=self._size),
            job=CHUNK_JOB, filename=document.filename, limits=self.limits,
        )
        return decode_chunks(reply)

    def chunks(self, document: ExtractedDocument, *, title: str) -> tuple[IndexedChunk, ...]:
        """Chunking and the analysis the search index holds, in the calling thread."""
        return index_chunks(document.pages, title=title, size=self._size)

    async def embed(self, index: DocumentIndex) -> DocumentIndex:
        """The same index with a vector on every chunk; unchanged without an embedder."""
        if self.embedder is None or not index.chunks:
            return index
        vectors = await self.embedder.embed([embedding_input(index.title, c) for c in index.chunks])
        chunks = tuple(
            replace(chunk, vector=vector) for chunk, vector in zip(index.chunks, vectors, strict=True)
        )
        return replace(index, chunks=chunks, embedding_model=self.embedder.model)

    async def index_source(self, source: SourceDocument) -> IndexOutcome:
        """Index a stored help document or published guide, whoever wrote it.

        Where this service wrote the document's `content` (see `owns_content`), the
        index carries the text read now, to replace it: a repaired extraction reaches
        the web app's copy too. The web app's own text is only ever read.
        """
        owned = source.content if owns_content(source) else None
        stamp = await asyncio.to_thread(source_fingerprint, source)
        try:
            document, fallback = await self._extract_source(source)
            text = document.text if owned is not None and fallback is None else owned
            read_stamp = stamp
            if text is not None and text != owned:
                read_stamp = await asyncio.to_thread(
                    source_fingerprint, replace(source, content=text)
                )
            outcome = await self.index(document, title=source.title, fingerprint=read_stamp)
        except DocumentRejected as rejection:
            return IndexOutcome(
                index=DocumentIndex(
                    fingerprint=stamp,
                    status=IndexStatus.REJECTED,
                    title=source.title,
                    chunks=(),
                    error=rejection.reason,
                    content=owned,
                ),
                warning=str(rejection),
            )
        outcome = replace(outcome, index=replace(outcome.index, content=text))
        if fallback is None:
            return outcome
        warning = f"{fallback}; indexed the stored text instead, without page numbers"
        return replace(outcome, warning="; ".join(filter(None, (warning, outcome.warning))))

    async def _extract_source(
        self, source: SourceDocument
    ) -> tuple[ExtractedDocument, DocumentRejected | None]:
        """The source's text, and why its file could not be read when `content` stood in."""
        name = source.filename or f"{source.ref.source}-{source.ref.document_id}"
        if source.ref.source is SourceKind.USER_GUIDE:
            html = source.content
            if source.description:
                html = f"<p>{_escape(source.description)}</p>\n{html}"
            guide = await extract_document(
                html.encode("utf-8"), f"{name}.html", self.limits, sandbox=self._sandbox
            )
            return guide, None
        data = await asyncio.to_thread(self._decode_upload, source.file_data, filename=name)
        rejection: DocumentRejected | None = None
        if data is not None:
            try:
                return await self.read(data, name), None
            except DocumentRejected as error:
                rejection = error
        text = await asyncio.to_thread(
            clean_extracted_text, source.content[: self.limits.max_chars + 1]
        )
        if len(text) > self.limits.max_chars:
            raise DocumentTooLarge(
                f"the text holds more than {self.limits.max_chars:,} characters", filename=name
            )
        if not text:
            raise rejection or NoTextFound("the document holds no readable text", filename=name)
        if rejection is None and source.file_data:
            rejection = DocumentRejected("the stored file is not valid base64", filename=name)
        document = ExtractedDocument(
            filename=name, media_type=MediaType.PLAIN_TEXT, pages=(ExtractedPage(None, text),)
        )
        return document, rejection

    def _decode_upload(self, file_data: str | None, *, filename: str) -> bytes | None:
        """The uploaded bytes, or None when `file_data` is not base64 we can read."""
        if not file_data:
            return None
        if len(file_data) > self.limits.max_file_bytes * 4 // 3 + 1024:
            raise DocumentTooLarge(
                f"the stored file is larger than {self.limits.max_file_bytes // 1_048_576} MB",
                filename=filename,
            )
        try:
            return base64.b64decode(_DATA_URL.sub("", file_data.strip()), validate=True)
        except (binascii.Error, ValueError):
            return None


def index_chunks(
    pages: Sequence[ExtractedPage], *, title: str, size: ChunkSize = DEFAULT_SIZE
) -> tuple[IndexedChunk, ...]:
    """A document's chunks with their related words and analysed forms: pure CPU work,
    about ten seconds for a manual of 1.3 million characters."""
    synonyms = [*everyday_synonyms(), *mine_synonyms(page.text for page in pages)]
    return tuple(
        IndexedChunk(
            ordinal=chunk.ordinal,
            page=chunk.page,
            heading=chunk.heading,
            text=chunk.text,
            related=tuple(
                related_terms(
                    analyse(f"{title}\n{chunk.heading or ''}\n{chunk.text}"),
                    synonyms,
                    text=chunk.text,
                )
            ),
            search_heading=search_form("\n".join(chunk.headings)),
            search_text=search_form(chunk.text),
        )
        for chunk in chunk_document(pages, size=size)
    )


def encode_chunk_job(pages: Sequence[ExtractedPage], *, title: str, size: ChunkSize) -> bytes:
    """A chunk job for a reader process (JSON, as the sandbox's protocol is)."""
    return json.dumps({
        "title": title,
        "pages": [[page.number, page.text] for page in pages],
        "size": [size.max_words, size.min_words, size.overlap_words],
    }).encode()


def chunk_job(payload: bytes) -> dict[str, Any]:
    """Run a chunk job in a reader process: the reply `decode_chunks` reads."""
    job = json.loads(payload)
    chunks = index_chunks(
        [ExtractedPage(number, text) for number, text in job["pages"]],
        title=job["title"],
        size=ChunkSize(*job["size"]),
    )
    return {"ok": True, "chunks": [
        [c.ordinal, c.page, c.heading, c.text, list(c.related), c.search_heading, c.search_text]
        for c in chunks
    ]}


def decode_chunks(reply: dict[str, Any]) -> tuple[IndexedChunk, ...]:
    return tuple(
        IndexedChunk(
            ordinal=int(ordinal), page=page, heading=heading, text=text,
            related=tuple(related), search_heading=search_heading, search_text=search_text,
        )
        for ordinal, page, heading, text, related, search_heading, search_text in reply["chunks"]
    )


def owns_content(source: SourceDocument) -> bool:
    """Whether `source.content` is still the text this service wrote there."""
    return (
        source.ref.source is SourceKind.HELP_DOCUMENT
        and source.content_digest is not None
        and source.content_digest == content_digest(source.content)
    )


def embedding_input(title: str, chunk: IndexedChunk) -> str:
    """A chunk as embedded: its document title gives it context ("the VPN guide: ...")."""
    return f"{title}\n{chunk.text}"


def document_title(document: ExtractedDocument, *, given: str | None) -> str:
    """The title TicketFlow shows: given, else the document's own, else from the file name."""
    for candidate in (given, document.title):
        if candidate and candidate.strip():
            return " ".join(candidate.split())[:255]
    stem = PurePath(document.filename).stem.replace("_", " ").replace("-", " ").strip()
    return (stem[:1].upper() + stem[1:])[:255] or document.filename[:255]


def _unreadable_pages(document: ExtractedDocument) -> str | None:
    if not document.unreadable_pages:
        return None
    pages = ", ".join(str(number) for number in document.unreadable_pages)
    return f"page(s) {pages} could not be read and are not searchable"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
