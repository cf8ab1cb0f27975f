"""Embeddings from an OpenAI-compatible endpoint, and how vectors are stored and compared.

The endpoint is any server speaking OpenAI's /v1/embeddings (OpenAI, Azure
OpenAI, a local server): nothing is downloaded or run here. Vectors are made
unit length once, when received, so cosine similarity is a dot product, and are
stored as little-endian float32 (4 bytes a dimension). numpy, when installed,
scores a question against every stored vector in one matrix product; without it
a pure-Python loop does the same, fine for a few thousand chunks. numpy is imported
when vectors are first loaded, not with this module: lexical search never needs it.
"""

from __future__ import annotations

import importlib
import math
import operator
import struct
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from knowledge.ports import Vector

if TYPE_CHECKING:
    import openai

_NOT_YET = object()
numpy: Any = _NOT_YET  # the module, or None without it: see _numpy()

BATCH_SIZE = 64
MAX_INPUT_CHARS = 8_000  # about 2,000 tokens: well inside every embedding model's window


class EmbeddingUnavailable(Exception):
    """The embeddings endpoint failed or answered nonsense; lexical search still works."""


class Embedder(Protocol):
    @property
    def model(self) -> str: ...

    async def embed(self, texts: Sequence[str]) -> list[Vector]:
        """One unit-length vector per text, in order."""
        ...


class OpenAIEmbedder:
    """Batched calls to `embeddings.create` through an `openai.AsyncOpenAI` client."""

    def __init__(
        self, *, client: openai.AsyncOpenAI, model: str, batch_size: int = BATCH_SIZE
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self._client = client
        self._model = model
        self._batch_size = batch_size

    @property
    def model(self) -> str:
        return self._model

    async def embed(self, texts: Sequence[str]) -> list[Vector]:
        vectors: list[Vector] = []
        for start in range(0, len(texts), self._batch_size):
            batch = [text[:MAX_INPUT_CHARS] or " " for text in texts[start : start + self._batch_size]]
            vectors.extend(await self._embed_batch(batch))
        return vectors

    async def close(self) -> None:
        await self._client.close()

    async def _embed_batch(self, batch: list[str]) -> list[Vector]:
        import openai

        try:
            # "float", not the client's default base64: not every compatible server has it.
            response = await self._client.embeddings.create(
                model=self._model, input=batch, encoding_format="float"
            )
        except openai.OpenAIError as error:
            raise EmbeddingUnavailable(f"embeddings endpoint failed: {error}") from error
        data = sorted(response.data, key=lambda item: item.index)
        if len(data) != len(batch):
            raise EmbeddingUnavailable(
                f"embeddings endpoint returned {len(data)} vectors for {len(batch)} texts"
            )
        vectors = [unit(item.embedding) for item in data]
        if len({len(vector) for vector in vectors}) > 1:
            raise EmbeddingUnavailable("embeddings endpoint returned vectors of different sizes")
        return vectors


def unit(values: Sequence[float]) -> Vector:
    norm = math.sqrt(math.fsum(value * value for value in values))
    if not values or norm == 0 or not math.isfinite(norm):
        raise EmbeddingUnavailable("embeddings endpoint returned an empty or zero vector")
    return tuple(value / norm for value in values)


def pack_vector(vector: Vector) -> bytes:
    return struct.pack(f"<{len(vector)}f", *vector)


def unpack_vector(data: bytes) -> Vector:
    return struct.unpack(f"<{len(data) // 4}f", data)


class VectorIndex:
    """Stored unit vectors of one model, searched by cosine similarity."""

    def __init__(self, rows: Sequence[tuple[int, bytes]]) -> None:
        self.dimensions = len(rows[0][1]) // 4 if rows else 0
        usable = [(chunk_id, data) for chunk_id, data in rows if len(data) == 4 * self.dimensions]
        self._ids = [chunk_id for chunk_id, _ in usable]
        self._matrix: Any
        self._numpy = numpy = _numpy()
        if numpy is not None:
            self._matrix = numpy.frombuffer(
                b"".join(data for _, data in usable), dtype="<f4"
            ).reshape(len(usable), self.dimensions)
        else:
            self._matrix = [unpack_vector(data) for _, data in usable]

    def __len__(self) -> int:
        return len(self._ids)

    def nearest(self, query: Vector, *, limit: int) -> list[tuple[int, float]]:
        """The `limit` most similar chunks as (chunk id, cosine), best first."""
        if not self._ids or len(query) != self.dimensions or limit <= 0:
            return []
        numpy = self._numpy
        if numpy is not None:
            similarities = self._matrix @ numpy.asarray(query, dtype="<f4")
            count = min(limit, len(self._ids))
            top = numpy.argpartition(-similarities, count - 1)[:count]
            order = top[numpy.argsort(-similarities[top], kind="stable")]
            return [(self._ids[i], float(similarities[i])) for i in order]
        scored = [
            (sum(map(operator.mul, row, query)), chunk_id)
            for chunk_id, row in zip(self._ids, self._matrix, strict=True)
        ]
        scored.sort(key=lambda pair: -pair[0])
        return [(chunk_id, score) for score, chunk_id in scored[:limit]]


def _numpy() -> Any:
    """numpy when installed (only speed depends on it), else None; imported once."""
    global numpy
    if numpy is _NOT_YET:
        try:
            numpy = importlib.import_module("numpy")
        except ImportError:  # pragma: no cover - exercised where numpy is absent
            numpy = None
    return numpy
